import Foundation
@testable import TextMineStages

/// A tiny training corpus written for the tests: enough for a model to learn that capitalised words
/// after `président` are people and after `à` are places.
enum TinyCorpus {
    /// The corpus file, shared with the command-line tests (`Tests/Fixtures/tiny-ner.tsv`).
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/tiny-ner.tsv").path
    static let text = try! String(contentsOfFile: path, encoding: .utf8)

    static var sentences: [TaggedSentence] { try! IOB2Reader.parse(text, file: "tiny.tsv") }

    /// A model trained on the corpus (no gazetteer), deterministic.
    static func model(seed: UInt64 = 7, epochs: Int = 5, runs: Int = 1) -> NERModel {
        var settings = NERTrainer.Settings()
        settings.epochs = epochs
        settings.seed = seed
        settings.runs = runs
        settings.rowBits = 12
        let trainer = NERTrainer(settings: settings, gazetteer: Gazetteer(), gazetteerNames: [])
        return trainer.train([NERTrainer.Corpus(name: "tiny.tsv", selection: "all sentences", sentences: sentences)], dev: nil) { _ in }
    }
}
