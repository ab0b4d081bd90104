import ArgumentParser
import Foundation
import TextMineCore

/// `textmine eval extract PIPELINE PAGES.jsonl`: scores main-text extraction against gold texts.
struct EvalExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Score a web-page pipeline's extracted text against gold main texts.",
        discussion: """
            PAGES is JSONL with one page a line: {"id", "html", "gold_text", "lang"}. Each page's \
            HTML runs through the pipeline on one thread; the resulting text is scored against \
            gold_text with token-level precision, recall and F1 (bags of lowercase word tokens, \
            multiset overlap), pooled per language and overall, with the mean per-page F1 (macro). \
            --compare scores another extractor's output ({"id", "text"} JSONL) the same way.
            """
    )

    @Argument(help: "The pipeline file (its first step is usually `extract`).")
    var pipeline: String

    @Argument(help: "Pages with gold texts (JSONL: id, html, gold_text, lang).")
    var pages: String

    @Option(help: "Another extractor's output to score the same way (JSONL: id, text).")
    var compare: String?

    @Option(help: "Languages to list besides the overall row (default: all).")
    var languages: [String] = []

    @Option(help: "Write each page's resulting article here (JSONL), to inspect what was kept and dropped.")
    var output: String?

    func run() throws {
        let console = Console(quiet: false)
        let loaded = CommandContext.pipelineLoader().load(file: pipeline)
        for diagnostic in loaded.diagnostics { console.line(diagnostic.description) }
        guard let plan = loaded.plan, loaded.errors.isEmpty else { throw ExitCode.failure }
        let steps: Pipeline
        do {
            steps = loaded.stages.count == plan.steps.count
                ? Pipeline(plan: plan, stages: loaded.stages) : try Pipeline(plan: plan, registry: loaded.registry)
        } catch {
            throw console.fail("\(error)")
        }
        let gold = try Self.readJSONL(pages, console: console)
        var report = ExtractionReport()
        var articles: [Article] = []
        var failures: [String] = []
        var seconds = 0.0
        var bytes = 0
        for (line, page) in gold.enumerated() {
            let id = page["id"]?.stringValue ?? "line \(line + 1)"
            let html = page["html"]?.stringValue ?? ""
            bytes += html.utf8.count
            var article = Article(id: id, text: html, source: Source(path: pages, format: "html", line: line + 1))
            let start = SystemClock.threadCPUSeconds
            do {
                for step in steps.steps {
                    try step.stage.process(&article, context: StageContext(step: step.name))
                }
            } catch {
                failures.append("\(pages):\(line + 1): \(id): \(error)")
                article.text = ""
            }
            seconds += SystemClock.threadCPUSeconds - start
            if output != nil { articles.append(article) }
            report.add(id: id, language: page["lang"]?.stringValue ?? "und", predicted: article.text,
                       gold: page["gold_text"]?.stringValue ?? "")
        }
        let shown = languages.isEmpty ? nil : languages
        print(report.table(title: "\(pipeline) on \(pages)", languages: shown))
        let rate = seconds > 0 ? Double(gold.count) / seconds : 0
        print(String(format: "%d pages in %.2f s of CPU time on one thread: %.1f pages/s, %.1f MB/s; %d failed",
                     gold.count, seconds, rate, Double(bytes) / 1e6 / max(seconds, 1e-9), failures.count))
        for failure in failures.prefix(10) { print("  failed: \(failure)") }

        if let compare {
            var other = ExtractionReport()
            let texts = try Self.readJSONL(compare, console: console).reduce(into: [String: String]()) { texts, row in
                if let id = row["id"]?.stringValue { texts[id] = row["text"]?.stringValue ?? "" }
            }
            for (line, page) in gold.enumerated() {
                let id = page["id"]?.stringValue ?? "line \(line + 1)"
                other.add(id: id, language: page["lang"]?.stringValue ?? "und", predicted: texts[id] ?? "",
                          gold: page["gold_text"]?.stringValue ?? "")
            }
            print("")
            print(other.table(title: "\(compare) on \(pages)", languages: shown))
        }
        if let output {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = Data()
            for article in articles {
                data.append(try encoder.encode(article))
                data.append(UInt8(ascii: "\n"))
            }
            try data.write(to: URL(fileURLWithPath: output))
        }
    }

    /// Reads a JSONL file into objects; a bad line is an error naming `file:line`.
    static func readJSONL(_ path: String, console: Console) throws -> [[String: JSONValue]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw console.fail("\(path): cannot read the file")
        }
        var rows: [[String: JSONValue]] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 > 0x20 }) else { continue }
            guard case .object(let row)? = try? JSONParser.parse(line) else {
                throw console.fail("\(path):\(lineNumber): not a JSON object")
            }
            rows.append(row)
        }
        return rows
    }
}
