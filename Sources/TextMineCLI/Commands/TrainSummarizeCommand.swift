import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine train summarize`: trains the `learned` summarizer's sentence ranker on articles with
/// reference summaries.
struct TrainSummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Train a sentence ranker for 'summarize' (method: learned) on {text, summary} JSONL.",
        discussion: """
            Each record is a JSON object {"id", "text", "summary"} (a "title" becomes the article's title \
            metadata). Articles go through the pipeline's steps before its summarize step that produce \
            what summarize reads (clean text, metadata, blocks, sentences); each eligible sentence is \
            labelled by the greedy ROUGE-1 + ROUGE-2 + ROUGE-L oracle against the summary, and a logistic \
            regression of the labels on the sentence features (four of them from a word lexicon learned on the same data, cross-fitted over two folds of articles) is fitted by Newton's method. Training is \
            deterministic. --held-out N keeps the last N records out of training (evaluate on them with \
            'textmine eval summarize'; --held-out-file writes them there).
            """
    )

    @Option(help: "Training records, one JSON object per line: {\"id\", \"text\", \"summary\"}.")
    var train: String

    @Option(help: "The pipeline whose steps before 'summarize' prepare the articles.")
    var pipeline: String = "pipelines/french-news.yaml"

    @Option(help: "Where to write the model (JSON).")
    var out: String

    @Option(help: "Language of the data (stopwords).")
    var language: LanguageCode = "fr"

    @Option(help: "The licence of the training data, recorded in the model (e.g. 'CC BY-SA 4.0').")
    var license: String?

    @Option(help: "Sentences the oracle selects per article.")
    var oracleSentences: Int = 2

    @Option(help: "L2 penalty on the standardised weights.")
    var l2: Double = 1.0

    @Option(help: "Training targets: oracle (1 for the oracle's sentences) or soft (averaged with each sentence's own ROUGE over the article's best).")
    var labels: RankerTrainer.Labels = .oracle

    @Option(help: "Words per sentence a selection of a few sentences aims at (the model's length prior).")
    var wordsPerSentence: Double = 22.5

    @Option(help: "Score (log-odds) a selection loses per word off that target (e.g. 0.02); 0 (the default) writes no length prior: selection stays greedy.")
    var lengthWeight: Double = 0

    @Option(help: "Score a joint selection loses per unit of tf-idf cosine between two of its sentences.")
    var jointRedundancy: Double = 0

    @Option(help: "Training sentences a word must occur in to get a weight in the model's word lexicon.")
    var lexiconMinCount: Int = 100

    @Option(help: "Write every training sentence's oracle label, own ROUGE-1/2/L F1, features (the lexical ones as 0: the lexicon is learned after) and text to this TSV file.")
    var featuresOut: String?

    @Option(help: "Keep the last N records out of training.")
    var heldOut: Int = 0

    @Option(help: "Write the held-out records to this JSONL file.")
    var heldOutFile: String?

    @Option(help: "Train on the first N records only.")
    var limit: Int?

    func validate() throws {
        guard (1...10).contains(oracleSentences) else { throw ValidationError("--oracle-sentences must be between 1 and 10") }
        guard wordsPerSentence > 0, lengthWeight >= 0, jointRedundancy >= 0 else {
            throw ValidationError("--words-per-sentence must be positive, --length-weight and --joint-redundancy not negative")
        }
        guard lexiconMinCount >= 2 else { throw ValidationError("--lexicon-min-count must be at least 2") }
        guard l2 >= 0 else { throw ValidationError("--l2 must not be negative") }
        guard heldOut >= 0 else { throw ValidationError("--held-out must not be negative") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let console = Console(quiet: false)
        // The summarize step itself is never started: the ranker being trained replaces it, so
        // training works even when that step's model no longer loads (after a feature change).
        let (plan, pipeline, registry) = try CommandContext.buildPipeline(
            file: self.pipeline, before: .summary, missing: "no step produces a summary; add a step such as '- use: summarize'",
            console: console)
        let wanted: Set<Capability> = [.cleanText, .metadata, .blocks, .boilerplateRemoved, .sentences]
        let steps = zip(plan.steps, pipeline.steps).filter { planned, _ in
            !(registry[planned.stage]?.produces ?? []).isDisjoint(with: wanted)
        }.map(\.1)

        let data: Data
        var records: [SummaryReference]
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: train))
            records = try SummaryReference.read(jsonl: data, file: train)
        } catch let error as StageError {
            throw console.fail(error.message)
        } catch {
            throw console.fail("cannot read \(train): \(error.localizedDescription)")
        }
        if heldOut > 0 {
            guard heldOut < records.count else { throw console.fail("--held-out \(heldOut) leaves no training record") }
            let kept = records.count - heldOut
            if let heldOutFile {
                let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }
                try Data(lines.suffix(heldOut).joined(separator: [UInt8(ascii: "\n")]) + [UInt8(ascii: "\n")])
                    .write(to: URL(fileURLWithPath: heldOutFile))
            }
            records.removeLast(records.count - kept)
        }
        if let limit { records = Array(records.prefix(limit)) }
        guard !records.isEmpty else { throw console.fail("\(train): no record") }

        print("training on \(records.count) articles through steps \(steps.map(\.name).joined(separator: ", ")); oracle of \(oracleSentences) sentences")
        fflush(nil)
        var settings = RankerTrainer.Settings()
        settings.language = language
        settings.dataName = URL(fileURLWithPath: train).lastPathComponent
        settings.license = license
        settings.oracleSentences = oracleSentences
        settings.l2 = l2
        settings.labels = labels
        settings.lexiconMinCount = lexiconMinCount
        settings.lengthPrior = lengthWeight > 0 ? LengthPrior(wordsPerSentence: wordsPerSentence, weight: lengthWeight, redundancy: jointRedundancy) : nil
        var trainer = RankerTrainer(settings: settings)
        trainer.recordsSentences = featuresOut != nil
        var failures = 0
        for record in records {
            var article = record.article
            if article.language == nil { article.language = language }
            do {
                for step in steps { try step.stage.process(&article, context: StageContext(step: step.name)) }
            } catch {
                failures += 1
                if failures <= 5 { console.line("warning: \(record.id): \(error)") }
                continue
            }
            trainer.add(article, reference: record.summary)
        }
        print("\(trainer.articles) articles, \(trainer.sentences) eligible sentences, \(trainer.positives) oracle picks, \(failures) failed")
        fflush(nil)
        if let featuresOut {
            let header = (["article", "sentence", "oracle", "rouge1", "rouge2", "rougeL"] + RankerTrainer.featureNames + ["text"]).joined(separator: "\t")
            try Data(([header] + trainer.sentenceRecords).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: featuresOut))
        }
        let model = trainer.train()
        for (name, weight) in zip(model.features, model.weights) { print(String(format: "  %-16@ %+.4f", name as NSString, weight)) }
        try model.write(to: out)
        print("wrote \(out)")
    }
}

extension RankerTrainer.Labels: ExpressibleByArgument {}
