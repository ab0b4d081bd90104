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
            FILE#except-every-10 here and FILE#every-10 there. The model file is used with the \
            `language` stage's `model:` option.
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

    @Option(help: "Where the training data comes from (stored in the model).")
    var source = ""

    @Option(help: "The licence of the training data (stored in the model).")
    var license = ""

    @Argument(help: "Training files ({lang, text} JSONL), each optionally FILE#every-N, FILE#except-every-N.")
    var train: [String]

    func validate() throws {
        guard (1...NgramFeatures.longestOrder).contains(maxOrder) else { throw ValidationError("--max-order must be between 1 and 4") }
        guard (10...24).contains(rowBits) else { throw ValidationError("--row-bits must be between 10 and 24") }
    }

    func run() throws {
        do {
            var examples: [LanguageTrainer.Example] = []
            for argument in train {
                let selection = try CorpusSelection(parsing: argument)
                examples += selection.select(try LanguageTrainer.examples(contentsOf: selection.path)) {
                    LanguageTrainer.Example(lang: $0.lang, text: $0.text.uppercased())
                }
            }
            var settings = LanguageTrainer.Settings()
            settings.maxOrder = maxOrder
            settings.rowBits = rowBits
            settings.surpriseLimit = surpriseLimit
            settings.source = source.isEmpty ? train.joined(separator: ", ") : source
            settings.license = license
            let start = SystemClock.threadCPUSeconds
            let model = try LanguageTrainer(settings: settings).train(examples)
            try model.fileData().write(to: URL(fileURLWithPath: output))
            let seconds = SystemClock.threadCPUSeconds - start
            print("trained on \(examples.count) texts in \(model.languages.count) languages (\(model.languages.map(\.code).joined(separator: " "))) in \(String(format: "%.1f", seconds)) s")
            print("wrote \(output)")
        } catch let error as StageError {
            throw ValidationError(error.message)
        } catch let error as CorpusSelectionError {
            throw ValidationError(error.description)
        }
    }
}
