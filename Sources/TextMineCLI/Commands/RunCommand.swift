import ArgumentParser
import Foundation
import TextMineCore

/// `textmine run PIPELINE [INPUT…]`: runs a pipeline over articles.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over articles.",
        discussion: """
            Lints the pipeline first and stops on errors. Inputs are files, directories (read \
            recursively), globs (*, ?, **) or - for standard input; without inputs, the pipeline's \
            input: is used. Text files are one article each, .jsonl files one article per line. \
            Results go to standard output (or -o) in input order, whatever --jobs; failed articles \
            are skipped and reported (--errors writes them as JSON lines) unless the pipeline says \
            on-error: fail. A summary line goes to standard error.
            """
    )

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Argument(help: "Files, directories, globs, or - for standard input (default: the pipeline's input:).")
    var inputs: [String] = []

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: [.short, .long], help: "The output file (default: the pipeline's output:, else standard output).")
    var output: String?

    @Option(help: "Output format: jsonl, json, yaml or text (default: the pipeline's, else jsonl).")
    var format: OutputFormat?

    @Option(name: .customLong("input-format"), help: "How to read the inputs (text, jsonl…; default: by file extension).")
    var inputFormat: String?

    @Option(help: "Write failed articles to this file as JSON lines {id, source, stage, error}.")
    var errors: String?

    @Flag(help: "Print a per-stage timing table on standard error.")
    var stats = false

    @Flag(name: .customLong("no-timings"),
          help: "Leave stage timings out of each article's trace, so the same input gives the same bytes.")
    var noTimings = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a step's option (repeatable).", valueName: "STEP.OPTION=VALUE"))
    var overrides: [String] = []

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let console = Console(quiet: quiet)
        let (plan, pipeline, _) = try CommandContext.buildPipeline(file: self.pipeline, overrides: overrides, console: console)

        let paths = inputs.isEmpty ? plan.input.paths : inputs
        guard !paths.isEmpty else {
            throw console.fail("no input: name files, directories or globs (or '-'), or set input: in \(plan.file)")
        }
        let input: InputFiles
        do {
            input = try InputFiles(paths: paths, format: inputFormat.map(InputFormat.init(rawValue:)) ?? plan.input.format,
                                   decoders: CommandContext.decoders)
        } catch {
            throw console.fail("\(error)")
        }

        let sink: OutputSink
        do {
            let format = format ?? plan.output.format
            sink = try OutputSink(encoder: format.encoder, output: OutputFile(path: output ?? plan.output.path),
                                  deadLetters: errors.map { try OutputFile(path: $0) })
        } catch {
            throw console.fail("\(error)")
        }
        var reported = 0
        let reportLimit = errors == nil && plan.errorPolicy == .skip ? 20 : 0
        sink.onFailure = { failure in
            reported += 1
            if reported <= reportLimit { console.line("warning: \(failure)") }
        }

        let watch = ArticleWatch()
        let runner = PipelineRunner(pipeline: pipeline, options: .init(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, errorPolicy: plan.errorPolicy,
            recordsTimings: plan.output.timings && !noTimings, limits: plan.limits, watch: watch))
        let progress = console.showsProgress ? ProgressBar(totalBytes: input.totalBytes, console: console, watch: watch) : nil
        let report: RunReport
        do {
            report = try runner.run(input, into: sink, progress: progress.map { bar in { bar.update($0) } })
            try sink.finish()
        } catch {
            progress?.clear()
            throw console.fail("\(error)")
        }
        progress?.clear()

        if reported > reportLimit && errors == nil {
            console.line("warning: \(reported - reportLimit) more failed articles (use --errors PATH to keep them all)")
        }
        if stats { console.line(report.statisticsTable) }
        if !quiet { console.line(report.summaryLine) }
        if let stopped = report.stoppedBy {
            let location = pipeline.steps.first { $0.name == stopped.stage }?.location.map { " (\($0))" } ?? ""
            throw console.fail("run stopped (on-error: fail): \(stopped)\(location)")
        }
        if report.textBytes == 0 { throw console.fail("no article could be read") }
    }
}

extension OutputFormat: ExpressibleByArgument {}
