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
            input: is used. Each file is read as --input-format says, else by its extension (.txt \
            text, .jsonl one article per line, .html a web page), else as the pipeline's \
            input.format says (which also applies to all of the pipeline's own input.paths), else \
            as text. Text files in UTF-8, UTF-16 or UTF-8 with a byte-order mark, Windows-1252 or \
            Latin-1 are decoded (source.encoding says which; --input-encoding forces one). \
            Results go to standard output (or -o) in input order, whatever --jobs; failed articles \
            are skipped and reported (--errors writes them as JSON lines) unless the pipeline says \
            on-error: fail. A summary line goes to standard error. Standard input is processed as it \
            arrives: a slow producer (tail -f, a queue consumer) gets each article back within a \
            fraction of a second. --resume continues a killed run: the ids already in the -o file \
            (and in --errors) are skipped and the rest appended; the summary line and the exit \
            status count the skipped articles as the earlier run wrote them (failed when in \
            --errors, emptied when their text is blank).

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Argument(help: "Files, directories, globs, or - for standard input (default: the pipeline's input:).")
    var inputs: [String] = []

    @Option(name: [.short, .long], help: "The output file (default: the pipeline's output:, else standard output).")
    var output: String?

    @Option(help: "Output format: jsonl, json, yaml, text, csv, tsv or html (default: the pipeline's, else jsonl).")
    var format: OutputFormat?

    @Option(help: "For csv and tsv: a row per article or per entity mention (articles, entities; default: the pipeline's, else articles).")
    var rows: TableRows?

    @Option(help: ArgumentHelp("The article fields to write, comma-separated (id is always written; default: the pipeline's output: fields, else all).",
                               valueName: "FIELD,…"))
    var fields: String?

    @Option(help: ArgumentHelp("Article fields to leave out, comma-separated, instead of the pipeline's output: exclude ('' leaves none out).",
                               valueName: "FIELD,…"))
    var exclude: String?

    @Option(help: "Write failed articles to this file as JSON lines {id, source, stage, error}.")
    var errors: String?

    @Flag(help: "Continue an interrupted run: skip the ids already in the output file (and --errors), append the rest.")
    var resume = false

    @Flag(help: "Print a per-stage timing table on standard error.")
    var stats = false

    @Flag(name: .customLong("no-timings"),
          help: "Leave stage timings out of each article's trace, so the same input gives the same bytes.")
    var noTimings = false

    @OptionGroup var common: PipelineInputOptions

    func run() throws {
        let console = Console(quiet: common.quiet)
        let (plan, pipeline, _) = try CommandContext.buildPipeline(file: self.pipeline, overrides: common.overrides, console: console)

        let input = try CommandContext.inputFiles(inputs, inputFormat: common.inputFormat, inputEncoding: common.inputEncoding,
                                                  plan: plan, console: console)

        let selection: FieldSelection
        do {
            selection = try fieldSelection(plan.output)
        } catch {
            throw console.fail("\(error.message) in --fields or --exclude; \(error.hint)", status: ExitStatus.usage)
        }

        let format = format ?? plan.output.format
        let outputPath = output ?? plan.output.path
        // What the earlier run made of each article it wrote (--resume): output lines are ok or,
        // with a blank text, emptied; dead letters failed.
        var written: [String: ArticleOutcome] = [:]
        if resume {
            guard let outputPath, outputPath != "-" else {
                throw console.fail("--resume needs an output file (-o PATH): the ids already written are read from it",
                                   status: ExitStatus.usage)
            }
            guard format == .jsonl else {
                throw console.fail("--resume needs the jsonl output format (got \(format.rawValue)): only JSON lines can be appended to",
                                   status: ExitStatus.usage)
            }
            do {
                for (path, isDeadLetters) in [(outputPath, false)] + (errors.map { [($0, true)] } ?? []) {
                    let lines = try WrittenLines(path: path)
                    if lines.cutBytes > 0 {
                        console.line("warning: \(path): cut a partial last line (\(lines.cutBytes) bytes) left by the interrupted run")
                    }
                    for id in lines.ids {
                        written[id] = isDeadLetters ? .failed : lines.blankTextIDs.contains(id) ? .emptied : .ok
                    }
                }
            } catch {
                throw console.fail("\(error)")
            }
        }

        let sink: OutputSink
        do {
            sink = try OutputSink(encoder: format.encoder(fields: selection, rows: rows ?? plan.output.rows),
                                  output: OutputFile(path: outputPath, appending: resume),
                                  deadLetters: errors.map { try OutputFile(path: $0, appending: resume) })
        } catch {
            throw console.fail("\(error)")
        }
        var reported = 0
        let reportLimit = errors == nil && plan.errorPolicy == .skip ? 20 : 0
        sink.onFailure = { failure in
            reported += 1
            if reported <= reportLimit { console.line("warning: \(failure)") }
        }
        // Emptied articles are outcomes, named like failures even with --quiet; other warnings
        // are not. At most 20 of each kind.
        var warned: [RunWarning.Kind: Int] = [:]
        sink.onWarning = { warning in
            guard warning.kind == .emptied || !common.quiet else { return }
            warned[warning.kind, default: 0] += 1
            if warned[warning.kind]! <= 20 { console.line("warning: \(warning)") }
        }

        let watch = ArticleWatch()
        let runner = PipelineRunner(pipeline: pipeline, options: .init(
            jobs: common.workers, errorPolicy: plan.errorPolicy,
            emptyPolicy: plan.emptyPolicy, recordsTimings: plan.output.timings && !noTimings, skippedIDs: written,
            limits: plan.limits, watch: watch))
        let progress = console.showsProgress ? ProgressBar(totalBytes: input.totalBytes, console: console, watch: watch) : nil
        let report: RunReport
        do {
            report = try runner.run(input, into: sink, progress: progress.map { bar in { bar.update($0) } })
            try sink.finish(report: report)
        } catch {
            progress?.clear()
            throw console.fail("\(error)")
        }
        progress?.clear()

        if reported > reportLimit && errors == nil {
            console.line("warning: \(reported - reportLimit) more failed articles (use --errors PATH to keep them all)")
        }
        for (kind, count) in warned.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where count > 20 {
            console.line("warning: \(count - 20) more warnings of this kind (\(kind.rawValue))")
        }
        if stats { console.line(report.statisticsTable) }
        if !common.quiet { console.line(report.summaryLine) }
        if let stopped = report.stoppedBy {
            let location = pipeline.steps.first { $0.name == stopped.step }?.location.map { " (\($0))" } ?? ""
            throw console.fail("run stopped (on-error: fail): \(stopped)\(location)")
        }
        if report.textBytes == 0 && report.skipped == 0 { throw console.fail("no article could be read") }
        if report.succeeded < report.articles { throw ExitCode(ExitStatus.incomplete) }
    }

    /// The fields to write: `--fields` replaces the pipeline's `fields:` and `exclude:` (so that
    /// `--fields id,tokens` writes tokens whatever the pipeline leaves out), `--exclude` its `exclude:`.
    private func fieldSelection(_ output: OutputSpec) throws(UnknownFieldError) -> FieldSelection {
        var only: [ArticleField]?
        var excluded: [ArticleField]?
        if let fields { only = try FieldSelection.parse(list: fields) }
        if let exclude { excluded = try FieldSelection.parse(list: exclude) }
        if let only { return FieldSelection(only: only, excluding: excluded ?? []) }
        return FieldSelection(only: output.fields, excluding: excluded ?? output.exclude)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension TableRows: ExpressibleByArgument {}
