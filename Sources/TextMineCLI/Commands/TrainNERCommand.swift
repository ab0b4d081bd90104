import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine train ner`: trains a named-entity tagger on IOB2 TSV files.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train a named-entity tagger (averaged perceptron) on IOB2 TSV files.",
        discussion: """
            Each file has one 'token<TAB>tag' a line and a blank line between sentences. A file name \
            may end with '#every-N' (sentences N, 2N, …) or '#except-every-N' (all the others), or with \
            '#last-P%' (the last P percent, contiguous) or '#except-last-P%' (the sentences before them), \
            to split one file into held-out and training parts. Training is deterministic given --seed.
            """
    )

    @Option(name: .customLong("train"), parsing: .upToNextOption, help: "Training files (IOB2 TSV).")
    var train: [String]

    @Option(help: "Development file, scored after every epoch.")
    var dev: String?

    @Option(help: "Where to write the model (.tmner).")
    var out: String

    @Option(help: "Passes over the training data.")
    var epochs: Int = 8

    @Option(help: "Seed of the sentence shuffling.")
    var seed: UInt64 = 1

    @Option(help: "Language of the data; selects the built-in gazetteer.")
    var language: LanguageCode = "fr"

    @Option(help: "log2 of the number of weight rows (model size grows with it).")
    var rowBits: Int = 17

    @Option(help: "Perceptrons trained on differently shuffled data (seeds --seed, --seed + 1, …) and averaged.")
    var runs: Int = 1

    @Option(help: "Word classes learnt from the training text and used as features (0: none).")
    var wordClasses: Int = 256

    @Option(parsing: .upToNextOption, help: "Extra gazetteer files (name<TAB>CATEGORY) used as features.")
    var gazetteer: [String] = []

    @Option(help: "The licence the training data imposes, recorded in the model (e.g. 'CC BY-NC-SA 4.0').")
    var license: String?

    func validate() throws {
        guard (1...100).contains(epochs) else { throw ValidationError("--epochs must be between 1 and 100") }
        guard (12...22).contains(rowBits) else { throw ValidationError("--row-bits must be between 12 and 22") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be between 1 and 20") }
        guard (0...4096).contains(wordClasses) else { throw ValidationError("--word-classes must be between 0 and 4096") }
        guard !train.isEmpty else { throw ValidationError("give at least one --train file") }
    }

    func run() throws {
        do {
            var corpora: [NERTrainer.Corpus] = []
            for argument in train { corpora.append(try Self.corpus(argument)) }
            let devCorpus = try dev.map(Self.corpus)
            var settings = NERTrainer.Settings()
            settings.epochs = epochs
            settings.seed = seed
            settings.rowBits = rowBits
            settings.language = language.code
            settings.license = license
            settings.wordClasses = wordClasses
            settings.runs = runs
            let gazetteer = try Gazetteer.builtIn(language: language.code, adding: gazetteer)
            let names = try Gazetteer.builtInNames(language: language.code) + self.gazetteer.map { URL(fileURLWithPath: $0).lastPathComponent }
            let sentences = corpora.reduce(0) { $0 + $1.sentences.count }
            print("training on \(sentences) sentences from \(corpora.count) file(s), \(epochs) epochs, seed \(seed)"
                  + (runs > 1 ? ", \(runs) runs averaged" : ""))
            fflush(nil)
            let trainer = NERTrainer(settings: settings, gazetteer: gazetteer, gazetteerNames: names)
            let model = trainer.train(corpora, dev: devCorpus) { report in
                var line = (runs > 1 ? "run \(report.run)/\(runs), " : "") + "epoch \(report.epoch)/\(epochs): train sentence accuracy \(Self.format(report.trainAccuracy))"
                if let score = report.devScore { line += ", dev F1 \(Self.format(score.overall.f1))" }
                line += String(format: " (%.1fs)", report.seconds)
                print(line)
                fflush(nil)
            }
            if runs > 1, let f1 = model.header.provenance.devF1 { print("averaged model: dev F1 \(Self.format(f1))") }
            try NERModelFile.write(model, to: out)
            let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            print("wrote \(out) (\(size / 1024) KB)")
        } catch let error as Diagnostic {
            throw ValidationError(error.description)
        } catch let error as CorpusSelectionError {
            throw ValidationError(error.description)
        }
    }

    static func corpus(_ argument: String) throws -> NERTrainer.Corpus {
        let selection = try CorpusSelection(parsing: argument)
        let sentences = selection.select(try IOB2Reader.read(contentsOf: selection.path))
        return NERTrainer.Corpus(name: URL(fileURLWithPath: selection.path).lastPathComponent,
                                 selection: selection.selectionDescription, sentences: sentences)
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
