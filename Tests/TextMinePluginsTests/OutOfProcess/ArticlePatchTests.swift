import Foundation
import Testing
import TextMineCore
@testable import TextMinePlugins

@Suite("ArticlePatch")
struct ArticlePatchTests {
    @Test("the patch between an article and a stage's result recreates the result, removals and reasons included")
    func patchRoundTrip() throws {
        let before = Article(id: "a", text: "AAxBByCC « z »")
        var after = before
        // Two adjacent removals (one alignment region), then a normalisation elsewhere.
        try after.applyEdits([.remove(Span(start: 0, end: 2), reason: "first"), .remove(Span(start: 2, end: 3), reason: "second"),
                              TextEdit(span: Span(start: 5, end: 6), replacement: "Y")], step: "s")
        after.entities = [Entity(span: Span(start: 0, end: 2), text: "BB", label: "ORG", canonical: "BB", confidence: 1, step: "s")]
        after.metadata["title"] = MetadataField(value: "z", step: "s", rule: "guillemets", source: Span(start: 11, end: 12))

        let patch = ArticlePatch(from: before, to: after)
        #expect(patch.edits?.map(\.reason) == ["first", "second", nil])
        var replayed = before
        try patch.apply(to: &replayed, step: "s")
        #expect(replayed == after)
    }

    @Test("spans outside the text fail the article and change nothing")
    func outOfBounds() {
        var patch = ArticlePatch()
        patch.edits = [ArticlePatch.Edit(span: Span(start: 2, end: 9), replacement: nil, reason: "x")]
        var article = Article(id: "a", text: "abc")
        #expect(throws: StageError.self) { try patch.apply(to: &article, step: "s") }
        #expect(article == Article(id: "a", text: "abc"))
    }

    @Test("article lines escape quotes, backslashes and control characters and keep other text as is")
    func articleLineIsValidJSON() throws {
        var article = Article(id: "a\"1", text: "« l’été » \\ \"q\"\n\t\u{1}fin 🎉")
        article.language = "fr"
        let line = PluginProtocol.article(article, seq: 7, fields: [.metadata])
        #expect(line.last == UInt8(ascii: "\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any])
        let sent = try #require(object["article"] as? [String: Any])
        #expect(object["seq"] as? Int == 7)
        #expect(sent["text"] as? String == article.text)
        #expect(sent["id"] as? String == "a\"1")
        #expect(sent["metadata"] as? [String: Any] != nil)
        #expect(sent["sentences"] == nil)
    }

    @Test("the empty result is recognised without decoding, with or without spaces")
    func emptyResult() {
        #expect(PluginProtocol.isEmptyResult(ArraySlice(#"{"type": "result", "seq": 12}"#.utf8), seq: 12))
        #expect(!PluginProtocol.isEmptyResult(ArraySlice(#"{"type":"result","seq":12}"#.utf8), seq: 13))
        #expect(!PluginProtocol.isEmptyResult(ArraySlice(#"{"type":"result","seq":12,"language":"fr"}"#.utf8), seq: 12))
    }
}
