import Testing
import TextMineCore
import TextMineExampleStages
import TextMineTesting

@Suite("Example stages")
struct ExampleStagesTests {
    @Test("strip-lines removes the lines starting with the prefix, after leading spaces")
    func stripLines() throws {
        let article = try StageHarness(StripLines.self, options: ["prefix": "Photo"])
            .run("Photo : AFP\nLe texte.\n  Photo Reuters\nFin. Photo")
        #expect(article.text == "Le texte.\nFin. Photo")
        #expect(article[layer: StripLines.Count.self] == StripLines.Count(lines: 2))
    }

    @Test("common-lines removes the lines most articles share, once prepared with the corpus")
    func commonLines() throws {
        let corpus = ["Un.\nNewsletter\n", "Deux.\nNewsletter\n", "Trois.\n"].enumerated()
            .map { Article(id: "\($0.offset)", text: $0.element) }
        var harness = try StageHarness(CommonLines.self, options: ["share": 0.6])
        try harness.prepare(corpus: corpus)
        #expect(try harness.run(corpus).map(\.text) == ["Un.\n", "Deux.\n", "Trois.\n"])
        // Unprepared, nothing is common.
        #expect(try StageHarness(CommonLines.self).run(corpus[0]).text == "Un.\nNewsletter\n")
    }
}
