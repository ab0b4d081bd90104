import Testing
import TextMineCore
@testable import TextMineStages

@Suite("word classes")
struct WordClustersTests {
    /// The `norm` hash of a word, the key word classes use.
    private func norm(_ word: String) -> UInt64 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { TokenAttributes(bytes: $0, range: 0..<bytes.count).norm }
    }

    /// Towns after `à`, days after `le`: two groups of words that share their contexts.
    private var sentences: [[UInt64]] {
        var text: [[UInt64]] = []
        for (town, day) in zip(["Paris", "Lyon", "Lille", "Nantes"], ["lundi", "mardi", "jeudi", "samedi"]) {
            for _ in 0..<3 {
                text.append(["il", "arrive", "à", town, "le", day, "."].map(norm))
                text.append(["elle", "part", "à", town, "ce", day, "."].map(norm))
            }
        }
        return text
    }

    @Test("words used in the same contexts share a class; rare words have none; digits and accents do not matter")
    func learning() {
        var settings = WordClusters.Settings()
        settings.fine = 4
        settings.coarse = 2
        settings.contexts = 20
        let clusters = WordClusters.learn(from: sentences, settings: settings)
        let paris = clusters.fine(norm("Paris")), lundi = clusters.fine(norm("lundi"))
        #expect(paris != WordClusters.unknown && lundi != WordClusters.unknown)
        #expect(["Lyon", "Lille", "Nantes"].allSatisfy { clusters.fine(norm($0)) == paris })
        #expect(["mardi", "jeudi", "samedi"].allSatisfy { clusters.fine(norm($0)) == lundi })
        #expect(paris != lundi)
        #expect(clusters.fine(norm("PARÎS")) == paris)
        #expect(clusters.fine(norm("Grenoble")) == WordClusters.unknown)
        #expect(norm("1906") == norm("2022"))
        #expect(WordClusters.learn(from: sentences, settings: settings) == clusters)
    }

    @Test("a model keeps its word classes through its file")
    func roundTrip() throws {
        var settings = WordClusters.Settings()
        settings.fine = 4
        settings.coarse = 2
        let tiny = TinyCorpus.model()
        let features = FeatureSet(rowBits: tiny.features.rowBits, gazetteer: Gazetteer(), lowercaseVocabulary: tiny.features.lowercaseVocabulary,
                                  clusters: WordClusters.learn(from: sentences, settings: settings))
        let model = NERModel(header: tiny.header, weights: tiny.weights, features: features)
        #expect(model.features.clusters.words.count == 16)
        let loaded = try NERModelFile.read(Array(try NERModelFile.data(of: model)), file: "m.tmner") { _ in Gazetteer() }
        #expect(loaded.features.clusters == model.features.clusters)
    }
}
