import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("pipelines/news.yaml on the seeds")
struct NewsPipelineTests {
    /// A shipped pipeline file, run on the seed articles with its declared language.
    private func run(_ name: String) throws -> [Article] {
        let file = SeedCorpus.root.appendingPathComponent("pipelines/\(name)").path
        let harness = try PipelineHarness(yaml: String(contentsOfFile: file, encoding: .utf8), file: file, registry: .builtIn)
        #expect(harness.result.errors.isEmpty)
        let ids = try SeedCorpus.ids()
        let texts = try ids.map { try String(contentsOf: SeedCorpus.root.appendingPathComponent("seeds/\($0).txt"), encoding: .utf8) }
        return try harness.run(texts, language: harness.result.plan?.language)
    }

    @Test("every seed is detected as French, and the multilingual job gives the French job's text and entities")
    func sameAsFrenchNews() throws {
        let news = try run("news.yaml")
        let french = try run("french-news.yaml")
        #expect(news.count == 5)
        for (multilingual, monolingual) in zip(news, french) {
            #expect(multilingual.language == "fr")
            let layer = multilingual.layers["language"]?.objectValue
            #expect(layer?["used"]?.stringValue == "detected")
            #expect((layer?["confidence"]?.doubleValue ?? 0) > 0.99)
            #expect(multilingual.text == monolingual.text)
            #expect(multilingual.entities == monolingual.entities)
            #expect(multilingual.summary == monolingual.summary)
        }
    }
}
