import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine eval summarize PIPELINE REFS.jsonl`: ROUGE of a pipeline's summaries against gold
/// summaries, next to the lead-1/2/3 baselines, and the pipeline's speed.
struct EvalSummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "ROUGE-1/2/L of a pipeline's summaries against reference summaries.",
        discussion: """
            Runs the pipeline as given (use --set to change a step's options, e.g. --set \
            summarize.sentences=2) on JSONL records {"id", "text", "summary"} (a "title" becomes the \
            article's title metadata) and prints mean ROUGE-1, ROUGE-2 and ROUGE-L F1 over documents: \
            lowercase Unicode word tokens (\\w+), no stemming, no stopword removal, ROUGE-L on the \
            longest common subsequence of the whole summary. Lead-1/2/3 baselines use the first \
            sentences the pipeline found. --methods news,learned scores other methods of the \
            summarizing step on the same processed articles, in the same table (learned:compress=false: \
            a method with options of the step for its row only). A failed article scores 0. Speed is text MB/s of the whole \
            pipeline and of the summarizing step, on --jobs threads (default 1, one core), in wall-clock \
            time and per CPU second (the step is timed again alone on the processed articles).
            """
    )

    @Argument(help: "The pipeline file (YAML); one of its steps must produce a summary.")
    var pipeline: String

    @Argument(help: "Reference records, one JSON object per line: {\"id\", \"text\", \"summary\"}.")
    var references: String

    @Option(help: "Evaluate only the first N records.")
    var limit: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a step's option (repeatable).", valueName: "STEP.OPTION=VALUE"))
    var overrides: [String] = []

    @Option(help: "Worker threads (default 1, so that MB/s is per core).")
    var jobs: Int = 1

    @Flag(name: .customLong("no-title"), help: "Ignore the records' titles.")
    var noTitle = false

    @Option(
        name: .customLong("methods"),
        help: ArgumentHelp(
            "Also score the summarizing step with these methods (comma-separated, e.g. news,learned), on the same processed articles; a method may carry options of the step for its row only (learned:compress=false).",
            valueName: "METHODS"))
    var methods: String?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let console = Console(quiet: false)
        let (plan, pipeline, registry) = try CommandContext.buildPipeline(file: self.pipeline, overrides: overrides, console: console)
        guard let summarizer = plan.steps.last(where: { registry[$0.stage]?.produces.contains(.summary) == true }) else {
            throw console.fail("\(plan.file): no step produces a summary; add a step such as '- use: summarize'")
        }

        let records: [SummaryReference]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: references))
            records = try SummaryReference.read(jsonl: data, file: references, limit: limit)
        } catch let error as StageError {
            throw console.fail(error.message)
        } catch {
            throw console.fail("cannot read \(references): \(error.localizedDescription)")
        }
        guard !records.isEmpty else { throw console.fail("\(references): no record") }

        let articles = records.map { record in
            var article = record.article
            if noTitle { article.metadata["title"] = nil }
            return article
        }
        let runner = PipelineRunner(pipeline: pipeline, options: .init(jobs: jobs, errorPolicy: .skip))
        let cpuStart = SystemClock.processCPUSeconds
        let (results, report) = try runner.run(articles)
        let cpuSeconds = SystemClock.processCPUSeconds - cpuStart
        var evaluation = SummaryEvaluation()
        var failures: [ArticleFailure] = []
        for (record, result) in zip(records, results) {
            switch result {
            case .success(let article):
                evaluation.add(article, reference: record.summary)
            case .failure(let failure):
                failures.append(failure)
                evaluation.add(Article(id: record.id, text: ""), reference: record.summary)
            }
        }
        for failure in failures.prefix(5) { console.line("warning: \(failure)") }

        let stepCPUSeconds = try Self.retime(pipeline.steps.first { $0.name == summarizer.name }, on: results)
        let method = results.lazy.compactMap { try? $0.get().summary?.method }.first ?? summarizer.stage.rawValue
        var systems = [("\(summarizer.name) (\(method))", evaluation.mean)]
        var fluency = [Self.fluency(evaluation, system: method)]
        for other in (methods ?? "").split(separator: ",").map(String.init) where other != method {
            // `learned:compress=false`: a method, then options of the step for this row only.
            let parts = other.split(separator: ":").map(String.init)
            let stepOverrides = ["method=\(parts[0])"] + parts.dropFirst()
            let (_, variant, _) = try CommandContext.buildPipeline(
                file: self.pipeline, overrides: overrides + stepOverrides.map { "\(summarizer.name).\($0)" }, console: console)
            guard let step = variant.steps.first(where: { $0.name == summarizer.name }) else { continue }
            var scores = SummaryEvaluation()
            for (record, result) in zip(records, results) {
                var article = (try? result.get()) ?? Article(id: record.id, text: "")
                article.summary = nil
                if !article.text.isEmpty { try? step.stage.process(&article, context: StageContext(step: step.name)) }
                scores.add(article, reference: record.summary)
            }
            systems.append(("\(summarizer.name) (\(other))", scores.mean))
            fluency.append(Self.fluency(scores, system: other))
        }
        print(Self.table(evaluation, systems: systems))
        for line in fluency { print(line) }
        if evaluation.keywordsSeen > 0 {
            print(String(format: "keywords: %.1f%% of %d top-5 keywords have all their words in the title or the reference summary",
                         100 * Double(evaluation.keywordsInReference) / Double(evaluation.keywordsSeen), evaluation.keywordsSeen))
        }
        let stepSeconds = report.steps.first { $0.name == summarizer.name }?.seconds ?? 0
        let stepSpeed = stepSeconds > 0 ? report.megabytes / stepSeconds : 0
        let stepCPUSpeed = stepCPUSeconds > 0 ? report.megabytes / stepCPUSeconds : 0
        let cpuSpeed = cpuSeconds > 0 ? report.megabytes / cpuSeconds : 0
        print(String(format: "%d documents, %d failed; %.2f MB of text in %.2f s (%.2f s CPU), %d job%@",
                     evaluation.documents, failures.count, report.megabytes, report.seconds, cpuSeconds, jobs, jobs == 1 ? "" : "s"))
        print(String(format: "speed: pipeline %.1f MB/s (%.1f MB per CPU second); step '%@' %.1f MB/s (%.1f MB per CPU second)",
                     report.megabytesPerSecond, cpuSpeed, summarizer.name, stepSpeed, stepCPUSpeed))
    }

    /// The CPU seconds the summarizing step takes alone, run again on the processed articles on
    /// this thread (its input is what it reads: sentences, title, blocks).
    static func retime(_ step: Pipeline.Step?, on results: [Result<Article, ArticleFailure>]) throws -> Double {
        guard let step else { return 0 }
        var articles = results.compactMap { try? $0.get() }
        let context = StageContext(step: step.name)
        let start = SystemClock.threadCPUSeconds
        for index in articles.indices { try step.stage.process(&articles[index], context: context) }
        return SystemClock.threadCPUSeconds - start
    }

    /// The share of summaries with debris or a sentence that cannot stand alone.
    static func fluency(_ evaluation: SummaryEvaluation, system: String) -> String {
        let n = Double(max(evaluation.documents, 1))
        return String(format: "%@: %.1f%% of summaries with debris, %.1f%% with a sentence that cannot stand alone",
                      system, 100 * Double(evaluation.withDebris) / n, 100 * Double(evaluation.withOrphanOpening) / n)
    }

    /// The scores as an aligned table: the pipeline (and the other methods asked for), then lead-1,
    /// lead-2 and lead-3.
    static func table(_ evaluation: SummaryEvaluation, systems: [(String, RougeScore)]) -> String {
        let rows = systems + (1...3).map { ("lead-\($0)", evaluation.lead($0)) }
        let width = max(8, rows.map(\.0.count).max() ?? 0)
        func pad(_ text: String) -> String { text + String(repeating: " ", count: width - text.count) }
        var lines = [pad("") + "  ROUGE-1  ROUGE-2  ROUGE-L"]
        for (name, score) in rows {
            lines.append(pad(name) + String(format: "  %7.4f  %7.4f  %7.4f", score.rouge1, score.rouge2, score.rougeL))
        }
        return lines.joined(separator: "\n")
    }
}
