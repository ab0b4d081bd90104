import Foundation
import Testing
@testable import TextMineCore

@Suite("ArticleField table")
struct ArticleFieldTableTests {
    @Test("every field is read back from JSON Lines input as written, and from Codable")
    func inputRoundTrip() throws {
        let article = try ArticleJSONWriterTests.fullArticle()
        let json = try ArticleJSONWriter.encode(article)
        var read = try JSONLDecoder.article(from: JSONParser.parse(json[...]), path: "p", line: 1)
        read.source = article.source  // input records where it read the line
        #expect(read == article)
        #expect(try JSONDecoder().decode(Article.self, from: Data(json)) == article)
        for definition in ArticleField.definitions {
            #expect(definition.equal(read, article), "\(definition.field)")
            #expect(definition.hasValue(article), "the full article has every field: \(definition.field)")
        }
    }

    @Test("an edit remaps exactly the fields whose spans point into the text")
    func remapFollowsTheTable() throws {
        var article = try ArticleJSONWriterTests.fullArticle()
        let before = article
        try article.applyEdits([.remove(Span(start: 0, end: 3), reason: "r")], step: "s")
        let remapped = Set(ArticleField.definitions.filter { $0.remap != nil }.map(\.field))
        #expect(remapped == [.summary, .keywords, .entities, .sentences, .blocks, .tokens])
        for field in [ArticleField.sentences, .blocks, .tokens, .entities, .keywords, .summary] {
            #expect(!field.definition.equal(article, before), "\(field) moved with the text")
        }
        #expect(article.metadata == before.metadata && article.layers == before.layers)
    }

    @Test("span problems name the field and the span's index, for spans into the text and the original")
    func spanProblems() {
        var article = Article(id: "a", text: "abc")
        article.tokens = [Token(span: Span(start: 0, end: 1)), Token(span: Span(start: 1, end: 7))]
        #expect(article.spanProblem() == "tokens[1]: span [1, 7) lies outside the text (3 scalars)")
        article.tokens = []
        article.metadata["title"] = MetadataField(value: "t", step: "m", rule: "r", source: Span(start: 2, end: 8))
        #expect(article.spanProblem() == "metadata[0]: span [2, 8) lies outside the text (3 scalars)")
        article.metadata = [:]
        article.summary = Summary(method: "lead", scores: [ScoredSentence(span: Span(start: 0, end: 3), score: 1, rank: 1)],
                                  selected: [2], text: "abc")
        #expect(article.spanProblem() == "summary.selected: 2 is not an index into summary.scores (1 sentences)")
        article.summary?.selected = [0]
        article.summary?.cuts = [SummaryCut(span: Span(start: 1, end: 4), reason: "aside")]
        #expect(article.spanProblem() == "summary[1]: span [1, 4) lies outside the text (3 scalars)")
        let summary = article.summary
        article = Article(id: "a", text: "abc def")
        article.summary = summary
        #expect(article.spanProblem() == "summary.cuts: [1, 4) is not inside a selected sentence")
        article.summary?.cuts = [SummaryCut(span: Span(start: 1, end: 2), reason: "aside"), SummaryCut(span: Span(start: 0, end: 1), reason: "aside")]
        #expect(article.spanProblem() == "summary.cuts: [0, 1) overlaps or precedes the cut before it")
        article.summary?.cuts = [SummaryCut(span: Span(start: 1, end: 2), reason: "aside")]
        #expect(article.spanProblem() == nil)
    }

    @Test("capabilities map to the fields that hold them; plugins receive the fields the table sends on request")
    func capabilities() {
        #expect(ArticleField.field(holding: .sentences) == .sentences)
        #expect(ArticleField.field(holding: .cleanText) == nil)
        let always = ArticleField.definitions.filter { $0.pluginAccess == .always }.map(\.field)
        #expect(always == [.id, .language, .text])
    }
}

@Suite("JSONValue coding")
struct JSONValueCodingTests {
    struct Layer: Codable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var flags: [Bool]
        var nested: [String: [Span]]
        var missing: String?
        var url: URL
    }

    @Test("encoding to a JSONValue and decoding from it agree with JSONEncoder and JSONDecoder")
    func agreesWithFoundation() throws {
        let layer = Layer(name: "é\"", count: 3, ratio: 2, flags: [true, false], nested: ["a": [Span(start: 1, end: 2)]],
                          missing: nil, url: URL(string: "https://example.org/a?b=1")!)
        let value = try JSONValueEncoder().encode(layer)
        var writer = ArticleJSONWriter()
        try writer.json(value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode(layer), as: UTF8.self))
        #expect(try JSONValueDecoder().decode(Layer.self, from: value) == layer)
        let article = try ArticleJSONWriterTests.fullArticle()
        #expect(try JSONValueDecoder().decode(Article.self, from: JSONValueEncoder().encode(article)) == article)
    }

    @Test("a value of the wrong shape is a decoding error; a bad span is a SpanError")
    func errors() throws {
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Span.self, from: ["start": "x", "end": 2]) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int.self, from: 2.5) }
        #expect(throws: SpanError.self) { try JSONValueDecoder().decode([Span].self, from: [["start": 5, "end": 2]]) }
        #expect(try JSONValueDecoder().decode(Int.self, from: .double(2)) == 2)
        #expect(try JSONValueDecoder().decode(Block?.self, from: .null) == nil)
    }
}
