import Testing
@testable import TextMineCore

@Suite("Article.applyEdits")
struct ArticleEditingTests {
    @Test("a removal is recorded with its text, original span, stage and reason")
    func removalIsRecorded() throws {
        var article = Article(id: "a", text: "Share Post:\nLe président a parlé.")
        try article.applyEdits([.remove(Span(start: 0, end: 12), reason: "boilerplate: share")], stage: "boilerplate")
        #expect(article.text == "Le président a parlé.")
        #expect(article.original == "Share Post:\nLe président a parlé.")
        #expect(article.removals == [Removal(text: "Share Post:\n", original: Span(start: 0, end: 12),
                                             stage: "boilerplate", reason: "boilerplate: share")])
    }

    @Test("successive edits compose: spans of the final text map back to the original")
    func alignmentComposes() throws {
        // The curly apostrophe is normalised, then "xx " is removed.
        var article = Article(id: "a", text: "xx l’été yy zz")
        try article.applyEdits([TextEdit(span: Span(start: 4, end: 5), replacement: "'")], stage: "clean")
        try article.applyEdits([.remove(Span(start: 0, end: 3), reason: "junk")], stage: "boilerplate")
        #expect(article.text == "l'été yy zz")
        let alignment = try #require(article.alignment)
        // "yy" is at 6..<8 now, at 9..<11 in the original.
        #expect(alignment.originalSpan(of: Span(start: 6, end: 8)) == Span(start: 9, end: 11))
        // The normalised apostrophe maps to the curly one.
        #expect(alignment.originalSpan(of: Span(start: 1, end: 2)) == Span(start: 4, end: 5))
        #expect(article.removals.first?.original == Span(start: 0, end: 3))
    }

    @Test("a removal after a normalisation records the original span")
    func removalAfterNormalisation() throws {
        var article = Article(id: "a", text: "a’b KILL c")
        try article.applyEdits([TextEdit(span: Span(start: 1, end: 2), replacement: "''")], stage: "clean")
        try article.applyEdits([.remove(Span(start: 5, end: 10), reason: "test")], stage: "b")
        #expect(article.text == "a''b c")
        #expect(article.removals.first?.text == "KILL ")
        let original = try #require(article.removals.first?.original)
        #expect(Array(article.originalText.unicodeScalars)[original.range].map(String.init).joined() == "KILL ")
    }

    @Test("spans are remapped and spans inside removed text dropped")
    func spansAreRemapped() throws {
        var article = Article(id: "a", text: "AAA BBB CCC")
        article.sentences = [Sentence(span: Span(start: 0, end: 3)), Sentence(span: Span(start: 4, end: 7)),
                             Sentence(span: Span(start: 8, end: 11))]
        try article.applyEdits([.remove(Span(start: 4, end: 8), reason: "x")], stage: "s")
        #expect(article.text == "AAA CCC")
        #expect(article.sentences.map(\.span) == [Span(start: 0, end: 3), Span(start: 4, end: 7)])
    }

    @Test("overlapping edits are refused")
    func overlappingEditsAreRefused() {
        var article = Article(id: "a", text: "abcdef")
        #expect(throws: TextEditError.self) {
            try article.applyEdits([.remove(Span(start: 0, end: 3), reason: "x"),
                                    .remove(Span(start: 2, end: 4), reason: "y")], stage: "s")
        }
        #expect(article.text == "abcdef")
    }

    @Test("ScalarText converts between byte and scalar offsets")
    func scalarText() {
        let text = ScalarText("é« a")
        #expect(text.scalarCount == 4)
        #expect(text.byteOffset(ofScalar: 2) == 4)
        #expect(text.scalarOffset(ofByte: 4) == 2)
        #expect(text.string(Span(start: 1, end: 3)) == "« ")
    }

    @Test("ScalarText maps every byte of long mixed text, across runs of ASCII of any length and alignment")
    func scalarTextLongMixedText() {
        let text = "Une journée « à Genève » — 12 km, puis 3 h de marche; 日本語のテキスト and plain ASCII again é"
        let scalars = ScalarText(text)
        #expect(scalars.scalarCount == text.unicodeScalars.count)
        var byte = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            #expect(scalars.byteOffset(ofScalar: offset) == byte)
            for inner in 0..<scalar.utf8.count { #expect(scalars.scalarOffset(ofByte: byte + inner) == offset) }
            byte += scalar.utf8.count
        }
        #expect(scalars.byteOffset(ofScalar: scalars.scalarCount) == byte)
        #expect(scalars.scalarOffset(ofByte: byte) == scalars.scalarCount)
    }

    @Test("the shared scalarText follows every change of the text")
    func sharedScalarTextFollowsText() throws {
        var article = Article(id: "a", text: "Été « chaud »")
        #expect(article.scalarText.scalarCount == 13)
        try article.applyEdits([.remove(Span(start: 0, end: 4), reason: "test")], stage: "t")
        #expect(article.scalarText.utf8 == Array("« chaud »".utf8))
        #expect(article.scalarText.string(Span(start: 2, end: 7)) == "chaud")
        article.text = "abc"
        #expect(article.scalarText.scalarCount == 3)
        var fresh = Article(id: "b", text: "abc")
        let unbuilt = fresh
        _ = fresh.scalarText
        #expect(fresh == unbuilt, "the cached view is not part of equality")
    }
}
