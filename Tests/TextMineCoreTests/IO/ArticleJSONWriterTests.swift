import Foundation
import Testing
@testable import TextMineCore
import TextMineTesting

@Suite("ArticleJSONWriter")
struct ArticleJSONWriterTests {
    /// An article with every field set, escapes and non-ASCII text.
    static func fullArticle() throws -> Article {
        var article = Article(id: "a/1 \"q\"", text: "Share Post:\nLe « président » Bliken a dit\u{01}\t\\ non.",
                              source: Source(path: "seeds/a.txt", format: "text", line: 3), language: "fr")
        try article.applyEdits([.remove(Span(start: 0, end: 12), reason: "boilerplate: share")], step: "boilerplate")
        article.metadata = [
            "title": MetadataField(value: "Titre", step: "metadata", rule: "first-line", source: Span(start: 0, end: 5)),
            "authors": MetadataField(value: ["A", "B"], step: "metadata", rule: "byline"),
            "Zeta": MetadataField(value: ["n": 1, "x": 2.5, "ok": true, "none": .null], step: "m", rule: "r"),
        ]
        article.blocks = [Block(span: Span(start: 0, end: 10), role: .body, score: 0.75), Block(span: Span(start: 10, end: 20), role: .heading)]
        article.sentences = [Sentence(span: Span(start: 0, end: 20))]
        article.tokens = [Token(span: Span(start: 0, end: 2), kind: "word"), Token(span: Span(start: 3, end: 4))]
        article.entities = [Entity(span: Span(start: 14, end: 20), text: "Bliken", label: "PER", canonical: "Antony Blinken",
                                   confidence: 0.9, step: "entities")]
        article.summary = Summary(method: "lead", scores: [
            ScoredSentence(span: Span(start: 0, end: 20), score: 1, rank: 1, features: FeatureValues(
                names: FeatureNames(["length-gap", "z", "é", "a\"b", "length", "lexical-opening"]),
                values: [0.25, 1, -0.0, 1e-7, 4, 0.1 + 0.2])),
            ScoredSentence(span: Span(start: 20, end: 30), score: 1e-7, rank: 2, ineligible: "fragment"),
        ], selected: [0], cuts: [SummaryCut(span: Span(start: 2, end: 4), reason: "aside")], text: "Le « président »")
        article.keywords = [Keyword(phrase: "président", score: 0.5, spans: [Span(start: 5, end: 14)])]
        article.trace = [StepTrace(step: "boilerplate", seconds: 0.000123)]
        article.layers = ["sentiment": ["polarity": -0.25, "labels": ["a", "b"]]]
        return article
    }

    @Test("top-level fields in ArticleField order: id, source, language, metadata, text, summary, keywords, entities, then the rest")
    func fieldOrder() throws {
        let json = try ArticleJSONWriter.encode(try Self.fullArticle())
        #expect(topLevelKeys(json) == ["id", "source", "language", "metadata", "text", "summary", "keywords", "entities",
                                            "removals", "original", "sentences", "blocks", "tokens", "alignment", "trace", "layers"])
    }

    @Test("inside each field, the JSON is byte for byte JSONEncoder's (sorted keys, unescaped slashes)")
    func matchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for article in [try Self.fullArticle(), Article(id: "min", text: "x")] {
            // The same members sorted by key are JSONEncoder's bytes.
            var members: [(String, [UInt8])] = []
            for field in ArticleField.allCases where ArticleJSONWriter.hasValue(field, in: article) {
                var writer = ArticleJSONWriter()
                try writer.writeValue(of: field, in: article)
                members.append((field.rawValue, writer.bytes))
            }
            let sorted = "{" + members.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":" + String(decoding: $0.1, as: UTF8.self) }
                .joined(separator: ",") + "}"
            #expect(sorted == String(decoding: try encoder.encode(article), as: UTF8.self))
            #expect(topLevelKeys(try ArticleJSONWriter.encode(article)) == members.map(\.0))
        }
    }

    @Test("a field selection writes its fields, always id, in the fixed order whatever the order asked")
    func selection() throws {
        let article = try Self.fullArticle()
        let chosen = FieldSelection(only: [.summary, .text, .entities])
        #expect(topLevelKeys(try ArticleJSONWriter.encode(article, fields: chosen)) == ["id", "text", "summary", "entities"])
        let lean = FieldSelection(excluding: ArticleField.bulky + [.id])
        let keys = topLevelKeys(try ArticleJSONWriter.encode(article, fields: lean))
        #expect(keys.first == "id")
        #expect(!keys.contains("tokens") && !keys.contains("alignment") && keys.contains("trace"))
        #expect(throws: UnknownFieldError.self) { try FieldSelection.parse(list: "id, tokns") }
        #expect(try FieldSelection.parse(list: " id,text ,, ") == [.id, .text])
        #expect(UnknownFieldError(name: "tokns").description == "unknown field 'tokns'; did you mean 'tokens'?")
    }

    @Test("YAML output has the same fields in the same order")
    func yamlOrder() throws {
        let yaml = String(decoding: try YAMLSequenceEncoder(fields: FieldSelection(excluding: [.tokens])).encode(try Self.fullArticle()),
                          as: UTF8.self)
        let keys = yaml.split(separator: "\n").compactMap { line -> String? in
            let body = line.hasPrefix("- ") ? line.dropFirst(2) : line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.dropFirst(2) : nil
            return body.flatMap { $0.first?.isLetter == true ? String($0.prefix { $0 != ":" }) : nil }
        }
        #expect(keys == ArticleField.names.filter { $0 != "tokens" })
    }

    @Test("every character JSON escapes is escaped as JSONEncoder does, wherever it is in a long string")
    func escapes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let specials = (0..<0x20).map { Unicode.Scalar(UInt8($0)) } + ["\"", "\\", "é", "\u{7F}", "/"]
        for special in specials {
            for position in [0, 5, 8, 13, 19] {
                var scalars = Array("abcdefghijklmnopqrs«".unicodeScalars)
                scalars.insert(special, at: position)
                let article = Article(id: "x", text: String(String.UnicodeScalarView(scalars)))
                #expect(try ArticleJSONWriter.encode(article) == Array(try encoder.encode(article)))
            }
        }
    }

    @Test("numbers and sorted keys are JSONEncoder's on the writer's fast paths (whole numbers, ASCII keys)")
    func numbersAndKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ write: (inout ArticleJSONWriter) throws -> Void) rethrows -> String {
            var writer = ArticleJSONWriter()
            try write(&writer)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        let values: [Double] = [0, 1, -1, 2.5, 1e15, 1e16 - 2, 1e16, 9007199254740992, 9007199254740994, 123456789, 0.1, 1e-7, -3e20,
                                4503599627370497, 0.047619047619047616, 1.0000000000000002, -2.764116642761117, 0.00012345, 1.5e-5,
                                123456789012345.6, 1e-300, .leastNonzeroMagnitude]
        for value in values {
            #expect(try json { try $0.number(value) } == String(decoding: try encoder.encode(value), as: UTF8.self), "\(value)")
        }
        #expect(try json { try $0.number(-0.0) } == "-0")
        let ascii: [String: Double] = ["title": 1, "title-recall": 2, "length": 3, "length-gap": 4, "a": 5, "Z": 7,
                                       "paragraph-start": 8, "paragraph": 9, "paragraph-s": 10,
                                       // Past sixteen bytes, escapes, NUL, eight and sixteen bytes exactly.
                                       "paragraph-start-of-the-article": 12, "paragraph-start-of-the-articlf": 13, "paragraph-start-": 14,
                                       "quote\"d": 15, "back\\slash": 16, "tab\tkey": 17, "exactly-sixteen!": 18, "exactly8": 19,
                                       "a\u{0}": 20, "a\u{0}b": 21, "": 22, "~": 23]
        #expect(try json { try ascii.writeJSON(to: &$0) } == String(decoding: try encoder.encode(ascii), as: UTF8.self))
        // Other keys keep `String` order (JSONEncoder orders them by their bytes): "é" < "e\u{301}z".
        var mixed: [String: Double] = ["title": 1, "length-gap": 4, "a": 5, "Z": 7, "paragraph-start-of-the-article": 12]
        mixed["é"] = 6
        mixed["e\u{301}z"] = 11
        let names = try json { try mixed.writeJSON(to: &$0) }.split(separator: ",").map { $0.drop { $0 == "{" }.prefix { $0 != ":" } }
        #expect(names.map(String.init) == mixed.keys.sorted().map { "\"\($0)\"" })
    }

    @Test("the JSON decodes back to the same article")
    func roundTrip() throws {
        let article = try Self.fullArticle()
        #expect(try JSONDecoder().decode(Article.self, from: Data(ArticleJSONWriter.encode(article))) == article)
    }

    @Test("NaN has no JSON form: the article fails instead of writing invalid JSON")
    func notANumber() {
        var article = Article(id: "n", text: "x")
        article.keywords = [Keyword(phrase: "x", score: .nan)]
        #expect(throws: ArticleJSONWriter.EncodingError.self) { try ArticleJSONWriter.encode(article) }
    }
}
