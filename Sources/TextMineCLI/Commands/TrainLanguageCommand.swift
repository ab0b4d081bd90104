import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine train language`: trains the `language` stage's identifier from `{lang, text}` JSONL.
struct TrainLanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Train a language identifier (hashed character n-grams) from {lang, text} JSON Lines.",
        discussion: """
            Each line is {"lang": "fr", "text": "…"}. Hold out a part for `textmine eval language` with \
            FILE#except-every-10 here and FILE#every-10 there. Texts given with --others are in \
            languages the model must not name ({"lang": "sv", "group": "nordic", "text": "…"}): it \
            learns one class per group and says `und` for text closest to one. The model file is \
            used with the `language` stage's `model:` option.
            """
    )

    @Option(name: .shortAndLong, help: "The model file to write (.tmlid).")
    var output: String

    @Option(help: "The longest character n-gram.")
    var maxOrder = 4

    @Option(help: "log2 of the number of hashed feature rows (the file has 2^bits × languages bytes).")
    var rowBits = 17

    @Option(help: "How many standard deviations above its language's typical cost a text's cost may be before it is und (lower: more und).")
    var surpriseLimit = LanguageTrainer.Settings().surpriseLimit

    @Option(help: "Texts of other languages ({lang, group, text} JSONL), which the model learns to call und; repeatable.")
    var others: [String] = []

    @Option(help: "Nats per feature added to the cost of the other-language classes (higher: fewer und for the model's languages).")
    var otherBias = LanguageTrainer.Settings().otherBias

    @Option(help: "The share of each language's held-out texts (every 10th, and their first 20 and 40 characters) whose label the closeness test may make unsure (text closer to the runner-up language, or costlier, than that language's own texts: a close relative); 0: no test.")
    var unsureShare = LanguageTrainer.Settings().unsureShare

    @Option(help: "Training files (as given) whose texts measure the closeness test (every 10th held out): texts of the kind the model will meet; repeatable; default: every training file.")
    var calibrateOn: [String] = []

    @Option(help: "Discriminative passes after naive Bayes (an averaged perceptron over the texts and their first 20 and 40 characters); 0: plain naive Bayes.")
    var epochs = LanguageTrainer.Settings().epochs

    @Option(help: "Nats moved per feature of a misidentified text in each discriminative pass.")
    var rate = LanguageTrainer.Settings().rate

    @Option(help: "Where the training data comes from (stored in the model).")
    var source = ""

    @Option(help: "The licence of the training data (stored in the model).")
    var license = ""

    @Argument(help: "Training files ({lang, text} JSONL), each optionally FILE#every-N, FILE#except-every-N.")
    var train: [String]

    func validate() throws {
        guard (1...NgramFeatures.longestOrder).contains(maxOrder) else { throw ValidationError("--max-order must be between 1 and 4") }
        guard (10...24).contains(rowBits) else { throw ValidationError("--row-bits must be between 10 and 24") }
        guard (0...100).contains(epochs) else { throw ValidationError("--epochs must be between 0 and 100") }
        guard rate > 0, rate <= 10 else { throw ValidationError("--rate must be above 0 and at most 10") }
        guard unsureShare >= 0, unsureShare < 0.5 else { throw ValidationError("--unsure-share must be at least 0 and below 0.5") }
    }

    func run() throws {
        do {
            guard calibrateOn.allSatisfy(train.contains) else {
                throw ValidationError("--calibrate-on names a file that is not among the training files: \(calibrateOn.filter { !train.contains($0) }.joined(separator: ", "))")
            }
            var examples: [LanguageTrainer.Example] = []
            for file in train {
                examples += try LanguageTrainer.examples(selections: [file]).map {
                    var example = $0
                    example.calibrates = calibrateOn.isEmpty || calibrateOn.contains(file)
                    return example
                }
            }
            let otherExamples = try LanguageTrainer.examples(selections: others)
            var settings = LanguageTrainer.Settings()
            settings.maxOrder = maxOrder
            settings.rowBits = rowBits
            settings.surpriseLimit = surpriseLimit
            settings.otherBias = otherBias
            settings.unsureShare = unsureShare
            settings.epochs = epochs
            settings.rate = rate
            settings.source = source.isEmpty ? train.joined(separator: ", ") : source
            settings.license = license
            let start = SystemClock.threadCPUSeconds
            let model = try LanguageTrainer(settings: settings).train(examples, others: otherExamples)
            try model.fileData().write(to: URL(fileURLWithPath: output))
            let seconds = SystemClock.threadCPUSeconds - start
            print("trained on \(examples.count) texts in \(model.languages.count) languages (\(model.languages.map(\.code).joined(separator: " ")))"
                + (model.others.isEmpty ? "" : " and \(otherExamples.count) in \(model.others.count) other classes (\(model.others.joined(separator: " ")))")
                + " in \(String(format: "%.1f", seconds)) s")
            print("wrote \(output)")
        } catch let error as StageError {
            throw ValidationError(error.message)
        } catch let error as CorpusSelectionError {
            throw ValidationError(error.description)
        }
    }
}

extension LanguageTrainer {
    /// The examples of files given as `FILE`, `FILE#every-N`, `FILE#except-every-N`… (see
    /// ``CorpusSelection``), in order.
    static func examples(selections: [String]) throws -> [Example] {
        var examples: [Example] = []
        for argument in selections {
            let selection = try CorpusSelection(parsing: argument)
            examples += selection.select(try Self.examples(contentsOf: selection.path)) {
                Example(lang: $0.lang, text: $0.text.uppercased(), group: $0.group)
            }
        }
        return examples
    }
}
