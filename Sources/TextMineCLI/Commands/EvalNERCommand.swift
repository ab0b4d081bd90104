import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine eval ner`: entity-level scores of a tagger on gold IOB2 files.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Score a named-entity tagger on gold IOB2 TSV files (entity-level exact match).",
        discussion: """
            Prints precision, recall and F1 per label and overall for each file, with seqeval's \
            conventions: an entity counts when its type and both boundaries match; only labels present \
            in the gold file are scored. A file name may end with '#every-N', '#except-every-N', \
            '#last-P%' or '#except-last-P%'. \
            Without --model, the built-in model of --language is used.
            """
    )

    @Option(help: "The model file (.tmner); default: the built-in model of --language.")
    var model: String?

    @Option(help: "Language of the built-in model to use when --model is not given.")
    var language: LanguageCode = "fr"

    @Option(parsing: .upToNextOption, help: "Extra gazetteer files used as features.")
    var gazetteer: [String] = []

    @Option(name: .customLong("predictions"), help: "Write 'token<TAB>gold<TAB>predicted' lines (CoNLL style) to this file, for error analysis.")
    var predictionsFile: String?

    @Argument(help: "Gold files (IOB2 TSV).")
    var gold: [String]

    func run() throws {
        do {
            let path = try model ?? NERModel.builtInPath(language: language)
            let tagger = try NERModel.load(contentsOf: path, gazetteers: gazetteer)
            print("model \(path)")
            var conll = ""
            for argument in gold {
                let selection = try CorpusSelection(parsing: argument)
                let sentences = selection.select(try IOB2Reader.read(contentsOf: selection.path))
                var score = NERScore()
                var scratch = NERModel.Scratch()
                var tokens = 0, bytes = 0
                var predictions: [[String]] = []
                predictions.reserveCapacity(sentences.count)
                let started = SystemClock.threadCPUSeconds
                for sentence in sentences {
                    predictions.append(tagger.tags(for: sentence.tokens, scratch: &scratch))
                }
                let seconds = max(SystemClock.threadCPUSeconds - started, 1e-9)
                for (sentence, predicted) in zip(sentences, predictions) {
                    score.add(gold: sentence.tags, predicted: predicted)
                    tokens += sentence.tokens.count
                    if predictionsFile != nil {
                        for (k, token) in sentence.tokens.enumerated() { conll += "\(token)\t\(sentence.tags[k])\t\(predicted[k])\n" }
                        conll += "\n"
                    }
                    bytes += sentence.tokens.reduce(sentence.tokens.count) { $0 + $1.utf8.count }
                }
                print("\n\(argument): \(sentences.count) sentences, \(tokens) tokens")
                print(Self.table(score))
                print(String(format: "speed (one core, CPU time): %.0f tokens/s, %.2f MB/s", Double(tokens) / seconds, Double(bytes) / seconds / 1e6))
            }
            if let predictionsFile { try conll.write(toFile: predictionsFile, atomically: true, encoding: .utf8) }
        } catch let error as Diagnostic {
            throw ValidationError(error.description)
        } catch let error as CorpusSelectionError {
            throw ValidationError(error.description)
        } catch let error as StageError {
            throw ValidationError(error.description)
        }
    }

    /// The per-label and overall table.
    static func table(_ score: NERScore) -> String {
        func row(_ name: String, _ c: NERScore.Counts) -> String {
            name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(format: "%9.4f %9.4f %9.4f %8d", c.precision, c.recall, c.f1, c.gold)
        }
        var lines = ["label    precision    recall        F1  support"]
        for type in score.types { if let c = score.counts(of: type) { lines.append(row(type, c)) } }
        lines.append(row("overall", score.overall))
        return lines.joined(separator: "\n")
    }
}
