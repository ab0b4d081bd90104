import ArgumentParser
import Foundation
import TextMineCore
import TextMinePlugins
import TextMineStages

/// `textmine-bench`: measures a pipeline's throughput on the seed articles replicated to a corpus of
/// a given size, in memory and end to end (text files in, JSON lines out).
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textmine-bench",
        abstract: "Measure the throughput of a pipeline on the seeds replicated to a large corpus.",
        discussion: """
            Run it in release mode: swift run -c release textmine-bench [--pipeline FILE] [--jobs N]. \
            'memory' runs the pipeline over articles held in memory (the stages' cost); 'files' writes \
            the corpus as text files to a temporary folder, then reads them and writes JSON lines, \
            as 'textmine run' does. Each mode runs --repeat times and reports the best run. \
            --shape single joins the copies into one article of --megabytes (the cost of one huge \
            article: every stage must stay linear in its length); single-line also turns its line \
            breaks into spaces, as in a scrape saved on one line. The pipeline's limits: apply as in \
            'textmine run' (an article over max-article-bytes or step-timeout fails and is counted \
            as failed). The peak resident memory of the process is reported at the end.
            """
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case memory, files, both
    }

    /// How the replicated seeds form the corpus.
    enum Shape: String, ExpressibleByArgument, CaseIterable {
        /// One article per seed copy.
        case articles
        /// All copies joined into one article.
        case single
        /// One article on one line (line breaks turned into spaces).
        case singleLine = "single-line"
    }

    @Option(help: "The pipeline file (default: a pipeline of one 'pass' stage).")
    var pipeline: String?

    @Option(help: "Worker threads.")
    var jobs = 1

    @Option(help: "Corpus size in megabytes of text.")
    var megabytes = 20.0

    @Option(help: "The folder of seed articles (.txt) to replicate.")
    var seeds = "seeds"

    @Option(help: "memory, files or both.")
    var mode = Mode.both

    @Option(help: "articles (one per seed copy), single (one article of the whole size) or single-line.")
    var shape = Shape.articles

    @Option(help: "Runs per mode; the best is reported.")
    var `repeat` = 3

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a step's option (repeatable).", valueName: "STEP.OPTION=VALUE"))
    var overrides: [String] = []

    func run() throws {
        let (pipeline, limits) = try loadPipeline()
        let corpus = try Corpus(seeds: seeds, megabytes: megabytes, shape: shape)
        print("corpus: \(corpus.articles.count) articles, \(format(Double(corpus.bytes) / 1e6)) MB "
              + "(\(corpus.seedCount) seeds from \(seeds) replicated)")
        print("pipeline: \(pipeline.steps.map(\.name).joined(separator: " → ")), jobs \(jobs), "
              + "limits: max-article-bytes \(limits.maxArticleBytes), step-timeout \(format(limits.stepTimeout, digits: 0)) s")
        let runner = PipelineRunner(pipeline: pipeline, options: .init(jobs: jobs, errorPolicy: .skip, limits: limits))

        var best: [(String, Measurement)] = []
        if mode != .files {
            let items = corpus.articles.map(InputItem.article)
            let report = try bestOf { try runner.run(items, into: DiscardingSink()) }
            best.append(("in memory", report))
        }
        if mode != .memory {
            let folder = try corpus.writeFiles()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let input = try InputFiles(paths: [folder])
            let report = try bestOf {
                let sink = try OutputSink(encoder: JSONLinesEncoder(), output: OutputFile(path: folder + ".out.jsonl"))
                defer { try? FileManager.default.removeItem(atPath: folder + ".out.jsonl") }
                let report = try runner.run(input, into: sink)
                try sink.finish()
                return report
            }
            best.append(("text in, JSONL out", report))
        }
        for (name, measurement) in best {
            let report = measurement.report
            print("")
            print("\(name): \(format(report.megabytesPerSecond)) MB/s, "
                  + "\(format(Double(report.articles) / report.seconds, digits: 0)) articles/s "
                  + "(\(report.succeeded) ok, \(report.failed) failed; best of \(`repeat`): \(format(report.seconds, digits: 3)) s)")
            print("  CPU time: \(format(measurement.cpuSeconds, digits: 3)) s = "
                  + "\(format(report.megabytes / measurement.cpuSeconds)) MB per CPU second "
                  + "(the figure that matters on a busy machine)")
            print(report.statisticsTable)
        }
        print("")
        print("peak resident memory: \(format(Self.peakResidentMegabytes(), digits: 0)) MB")
    }

    /// The process's peak resident set size so far, in megabytes.
    private static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) * 1024 / 1e6  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1e6  // bytes on macOS
        #endif
    }

    /// The pipeline to measure and its `limits:`.
    private func loadPipeline() throws -> (Pipeline, RunLimits) {
        guard let path = pipeline else { return (Pipeline([try PassStage(options: StageOptions())], language: "fr"), RunLimits()) }
        let loaded = PipelineLoader.withPlugins(registry: StageRegistry.builtIn.withExternal).load(file: path, overrides: overrides)
        for diagnostic in loaded.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
        guard let plan = loaded.plan, loaded.errors.isEmpty else { throw ExitCode.failure }
        let pipeline = loaded.stages.count == plan.steps.count ? Pipeline(plan: plan, stages: loaded.stages)
            : try Pipeline(plan: plan, registry: loaded.registry)
        return (pipeline, plan.limits)
    }

    /// A run's report with the CPU time the process spent on it.
    struct Measurement {
        var report: RunReport
        var cpuSeconds: Double
    }

    /// Runs `body` `repeat` times and keeps the fastest run (by wall time).
    private func bestOf(_ body: () throws -> RunReport) throws -> Measurement {
        var best: Measurement?
        for _ in 0..<max(1, `repeat`) {
            let cpuStart = SystemClock.processCPUSeconds
            let report = try body()
            let measurement = Measurement(report: report, cpuSeconds: SystemClock.processCPUSeconds - cpuStart)
            if best.map({ report.seconds < $0.report.seconds }) ?? true { best = measurement }
        }
        return best!
    }

    private func format(_ value: Double, digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
}

/// The seed articles replicated to a target size.
struct Corpus {
    var articles: [Article] = []
    var bytes = 0
    var seedCount = 0

    init(seeds folder: String, megabytes: Double, shape: Benchmark.Shape = .articles) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        let seeds = try names.map { name in
            (String(name.dropLast(4)), try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
        guard !seeds.isEmpty else { throw ValidationError("no .txt seeds in \(folder)") }
        seedCount = seeds.count
        var copy = 0
        while Double(bytes) < megabytes * 1e6 {
            for (id, text) in seeds {
                articles.append(Article(id: "\(id)-\(copy)", text: text))
                bytes += text.utf8.count
            }
            copy += 1
        }
        guard shape != .articles else { return }
        var text = articles.map(\.text).joined(separator: "\n\n")
        if shape == .singleLine {
            text = String(String.UnicodeScalarView(text.unicodeScalars.lazy.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
        }
        articles = [Article(id: "single", text: text)]
        bytes = text.utf8.count
    }

    /// Writes every article as `<id>.txt` in a new temporary folder and returns the folder.
    func writeFiles() throws -> String {
        let folder = NSTemporaryDirectory() + "textmine-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for article in articles {
            try Data(article.text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(article.id).txt"))
        }
        return folder
    }
}

/// Drops results: the in-memory benchmark measures the stages, not the output.
final class DiscardingSink: ResultSink {
    let render: @Sendable (Article) throws -> Void = { _ in }
    func accept(_ rendered: Void) {}
    func reject(_ failure: ArticleFailure) {}
}
