@testable import TextMineStages

/// A tiny training corpus written for the tests: enough for a model to learn that capitalised words
/// after `président` are people and after `à` are places.
enum TinyCorpus {
    static let text = """
        Le\tO
        président\tO
        Jean\tB-PER
        Dupont\tI-PER
        est\tO
        à\tO
        Paris\tB-LOC
        .\tO

        La\tO
        ministre\tO
        Marie\tB-PER
        Curie\tI-PER
        visite\tO
        Lyon\tB-LOC
        avec\tO
        l'\tO
        ONU\tB-ORG
        .\tO

        Le\tO
        président\tO
        Paul\tB-PER
        Martin\tI-PER
        arrive\tO
        à\tO
        Genève\tB-LOC
        .\tO

        """

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
