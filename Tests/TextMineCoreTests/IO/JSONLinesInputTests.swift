import Foundation
import Testing
@testable import TextMineCore

@Suite("JSONL input")
struct JSONLinesInputTests {
    private func decode(_ line: String) -> Result<Article, ArticleFailure> {
        JSONLDecoder().decode(Array(line.utf8), from: InputLocation(path: "in.jsonl", firstLine: 7))[0]
    }

    @Test("TextMine output read back gives the same article")
    func roundTrip() throws {
        var article = try ArticleJSONWriterTests.fullArticle()
        article.source = Source(path: "in.jsonl", format: "jsonl", line: 7)
        let line = String(decoding: try ArticleJSONWriter.encode(article), as: UTF8.self)
        #expect(try decode(line).get() == article)
    }

    @Test("fields outside the schema, and schema fields that do not fit it, become metadata")
    func extraFields() throws {
        let article = try decode(#"{"id": 14658, "text": "Texte.", "title": "Titre", "summary": "Résumé.", "source": "fundus", "tags": ["a"]}"#).get()
        #expect(article.id == "14658")
        #expect(article.summary == nil)
        #expect(article.source == Source(path: "in.jsonl", format: "jsonl", line: 7))
        #expect(article.metadata == [
            "title": MetadataField(value: "Titre", step: "input", rule: "jsonl"),
            "summary": MetadataField(value: "Résumé.", step: "input", rule: "jsonl"),
            "source": MetadataField(value: "fundus", step: "input", rule: "jsonl"),
            "tags": MetadataField(value: ["a"], step: "input", rule: "jsonl"),
        ])
    }

    @Test("bad lines fail with a message that says what and where")
    func errors() {
        func message(_ line: String) -> String? {
            if case .failure(let failure) = decode(line) { failure.error } else { nil }
        }
        #expect(message(#"{"id": "a", "text": "x",}"#) == "invalid JSON: expected a string key at column 25")
        #expect(message(#"["a"]"#) == "a JSONL line must be a JSON object")
        #expect(message(#"{"text": "x"}"#) == "missing field 'id'")
        #expect(message(#"{"id": "a", "text": 3}"#) == "field 'text' must be a string")
        #expect(message(#"{"id": "a", "text": "  "}"#) == "empty article")
        #expect(message(#"{"id": "a", "text": "x"} x"#) == "invalid JSON: unexpected text after the JSON value at column 26")
    }

    @Test("spans that are not ranges inside the text fail the line, naming the field")
    func badSpans() {
        func message(_ line: String) -> String? {
            if case .failure(let failure) = decode(line) { failure.error } else { nil }
        }
        // Each of these used to trap later (Span's decoding skipped its check) or slice past the text.
        #expect(message(#"{"id": "a", "text": "Paris", "entities": [{"span": {"start": 5, "end": 2}, "text": "", "label": "LOC", "canonical": "", "confidence": 1, "stage": "x"}]}"#)
            == "entities: span [5, 2) starts after its end")
        #expect(message(#"{"id": "a", "text": "Paris", "sentences": [{"span": {"start": 0, "end": 9}}]}"#)
            == "sentences[0]: span [0, 9) lies outside the text (5 scalars)")
        #expect(message(#"{"id": "a", "text": "Paris", "tokens": [{"span": {"start": -2, "end": 1}}]}"#)
            == "tokens: span [-2, 1) has a negative start")
        #expect(message(#"{"id": "a", "text": "Paris", "original": "Paris!", "removals": [{"text": "!", "original": {"start": 5, "end": 7}, "stage": "s", "reason": "r"}]}"#)
            == "removals[0]: span [5, 7) lies outside the text (6 scalars)")
        #expect(message(#"{"id": "a", "text": "Paris", "summary": {"method": "lead", "scores": [], "selected": [3], "text": ""}}"#)
            == "summary.selected: 3 is not an index into summary.scores (0 sentences)")
        // Valid spans still read back.
        #expect(message(#"{"id": "a", "text": "Paris", "sentences": [{"span": {"start": 0, "end": 5}}]}"#) == nil)
    }
}

@Suite("JSONParser")
struct JSONParserTests {
    @Test("values, escapes and surrogate pairs")
    func values() throws {
        let value = try JSONParser.parse(Array(#"{"a": [1, -2.5, 1e3, true, false, null], "s": "l\u2019\u00e9t\u00E9 \"q\" \\ \/ \n \ud83d\ude00 é"}"#.utf8))
        #expect(value == ["a": [1, -2.5, 1000.0, true, false, .null], "s": "l’été \"q\" \\ / \n 😀 é"])
    }

    @Test("malformed input is refused with its column")
    func malformed() {
        for (text, message) in [
            ("{\"a\" 1}", "expected ':' after a key at column 6"),
            ("[1, 2", "unexpected end of input in an array at column 6"),
            ("\"a\u{01}\"", "unescaped control character in a string at column 3"),
            ("01", "unexpected text after the JSON value at column 2"),
            ("\"\\ud800\"", "lone surrogate in a \\u escape at column 8"),
            ("tru", "invalid literal at column 1"),
        ] {
            let error = #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
            #expect(error?.description == message)
        }
    }

    @Test("invalid UTF-8 inside a string is reported at its byte")
    func invalidUTF8() {
        #expect(throws: JSONParser.SyntaxError(message: "invalid UTF-8", offset: 3)) {
            try JSONParser.parse([0x22, 0x61, 0x62, 0xFF, 0x22])
        }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}
