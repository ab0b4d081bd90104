import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine frequencies PIPELINE [INPUT…] -o FILE`: the document frequencies of a corpus, as the
/// pipeline's `keywords` step sees its words, for that step's `document-frequencies` option.
struct FrequenciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frequencies",
        abstract: "Count how many articles contain each term, for keywords' document-frequencies option.",
        discussion: """
            Runs the pipeline's steps before its first keywords step over the inputs (read as by \
            textmine run), counts the distinct content words of every article that gets through them, \
            and writes the counts: documents N, then KEY<TAB>COUNT<TAB>FORM per term. Counts of parts \
            of a corpus add up (textmine_spark counts per partition and merges), so \
            `--set keywords.document-frequencies=FILE` gives the same scores whether the corpus was \
            counted on one machine or many.
            """
    )

    @Argument(help: "The pipeline file (YAML); it must have a keywords step.")
    var pipeline: String

    @Argument(help: "Files, directories, globs, or - for standard input (default: the pipeline's input:).")
    var inputs: [String] = []

    @Option(name: [.short, .long], help: "The output file (default: standard output).")
    var output: String?

    @OptionGroup var common: PipelineInputOptions

    func run() throws {
        let console = Console(quiet: common.quiet)
        let (plan, pipeline, _) = try CommandContext.buildPipeline(file: self.pipeline, overrides: common.overrides, console: console)
        guard let index = pipeline.steps.firstIndex(where: { $0.stage is KeywordsStage }),
              let keywords = pipeline.steps[index].stage as? KeywordsStage else {
            throw console.fail("\(plan.file) has no keywords step: document frequencies are counted as keywords sees words",
                               status: ExitStatus.usage)
        }
        let input = try CommandContext.inputFiles(inputs, inputFormat: common.inputFormat, inputEncoding: common.inputEncoding,
                                                  plan: plan, console: console)
        let counter = FrequencyCounter(keywords: keywords)
        let report: RunReport
        do {
            let before = Pipeline(steps: Array(pipeline.steps[..<index]), language: pipeline.language)
            report = try PipelineRunner(pipeline: before, options: .init(
                jobs: common.workers, errorPolicy: .skip, recordsTimings: false))
                .run(input, into: counter)
            let file = try OutputFile(path: output)
            try file.write(Array(counter.frequencies.fileText.utf8))
            try file.flush()
        } catch {
            throw console.fail("\(error)")
        }
        if !common.quiet {
            console.line("\(counter.frequencies.documents) documents counted, \(report.failed) failed before the keywords step")
        }
    }
}

/// Adds up the distinct terms of each article (found on worker threads).
private final class FrequencyCounter: ResultSink {
    private(set) var frequencies = DocumentFrequencies()
    let render: @Sendable (Article) throws -> [UInt64: String]

    init(keywords: KeywordsStage) {
        render = { try keywords.documentTerms(of: $0) }
    }

    func accept(_ terms: [UInt64: String]) { frequencies.add(document: terms) }
    func reject(_ failure: ArticleFailure) {}
}
