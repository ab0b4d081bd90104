import Testing
@testable import TextMineCore

@Suite("Article.applyEdits")
struct ArticleEditingTests {
    @Test("a removal is recorded with its text, original span, stage and reason")
    func removalIsRecorded() throws {
        var article = Article(id: "a", text: "Share Post:\nLe président a parlé.")
        try article.applyEdits([.remove(Span(start: 0, end: 12), reason: "boilerplate: share")], step: "boilerplate")
        #expect(article.text == "Le président a parlé.")
        #expect(article.original == "Share Post:\nLe président a parlé.")
        #expect(article.removals == [Removal(text: "Share Post:\n", original: Span(start: 0, end: 12),
                                             step: "boilerplate", reason: "boilerplate: share")])
    }

    @Test("successive edits compose: spans of the final text map back to the original")
    func alignmentComposes() throws {
        // The curly apostrophe is normalised, then "xx " is removed.
        var article = Article(id: "a", text: "xx l’été yy zz")
        try article.applyEdits([TextEdit(span: Span(start: 4, end: 5), replacement: "'")], step: "clean")
        try article.applyEdits([.remove(Span(start: 0, end: 3), reason: "junk")], step: "boilerplate")
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
        try article.applyEdits([TextEdit(span: Span(start: 1, end: 2), replacement: "''")], step: "clean")
        try article.applyEdits([.remove(Span(start: 5, end: 10), reason: "test")], step: "b")
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
        try article.applyEdits([.remove(Span(start: 4, end: 8), reason: "x")], step: "s")
        #expect(article.text == "AAA CCC")
        #expect(article.sentences.map(\.span) == [Span(start: 0, end: 3), Span(start: 4, end: 7)])
    }

    @Test("overlapping edits are refused")
    func overlappingEditsAreRefused() {
        var article = Article(id: "a", text: "abcdef")
        #expect(throws: TextEditError.self) {
            try article.applyEdits([.remove(Span(start: 0, end: 3), reason: "x"),
                                    .remove(Span(start: 2, end: 4), reason: "y")], step: "s")
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
        expectMapsEveryOffset(ScalarText(text), of: text)
    }

    @Test("ScalarText maps every offset of long texts whose tables span many blocks, at any alignment")
    func scalarTextManyBlocks() {
        var random = SplitMix(seed: 7)
        let pieces = ["a", "plain ascii words ", "é", "€", "😀", "中文", "\u{301}", String(repeating: "x", count: 40)]
        for length in [63, 64, 65, 127, 128, 129, 1_000, 5_000] {
            var text = ""
            while text.utf8.count < length { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            expectMapsEveryOffset(ScalarText(text), of: text)
        }
    }

    /// Checks both maps of `scalars` against offsets counted scalar by scalar in `text`.
    private func expectMapsEveryOffset(_ scalars: ScalarText, of text: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(scalars.scalarCount == text.unicodeScalars.count, sourceLocation: sourceLocation)
        var byte = 0
        var mismatches = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalars.byteOffset(ofScalar: offset) != byte { mismatches += 1 }
            for inner in 0..<scalar.utf8.count where scalars.scalarOffset(ofByte: byte + inner) != offset { mismatches += 1 }
            byte += scalar.utf8.count
        }
        if scalars.byteOffset(ofScalar: scalars.scalarCount) != byte { mismatches += 1 }
        if scalars.scalarOffset(ofByte: byte) != scalars.scalarCount { mismatches += 1 }
        #expect(mismatches == 0, "offsets that differ from a count scalar by scalar", sourceLocation: sourceLocation)
    }

    @Test("the shared scalarText follows every change of the text")
    func sharedScalarTextFollowsText() throws {
        var article = Article(id: "a", text: "Été « chaud »")
        #expect(article.scalarText.scalarCount == 13)
        try article.applyEdits([.remove(Span(start: 0, end: 4), reason: "test")], step: "t")
        #expect(article.scalarText.utf8 == Array("« chaud »".utf8))
        #expect(article.scalarText.string(Span(start: 2, end: 7)) == "chaud")
        article.text = "abc"
        #expect(article.scalarText.scalarCount == 3)
        let fresh = Article(id: "b", text: "abc")
        let unbuilt = fresh
        _ = fresh.scalarText
        #expect(fresh == unbuilt, "the cached view is not part of equality")
    }

    @Test("the view of an edited text maps every offset as a fresh view of the same text would", arguments: [
        "plain ASCII text with no accents at all, long enough for several edits",
        "Le président a déclaré « ça suffit » à l’équipe de l’ONU, à Genève.",
        "e\u{301}cole, 😀 emoji, 中文, ﬁ ligature and \u{200B}zero-width",
    ])
    func editedViewMatchesFreshView(text: String) throws {
        var random = SplitMix(seed: UInt64(text.utf8.count))
        let replacements = ["", "'", "’", " ", "«\u{202F}", "é", "😀", "ab"]
        for _ in 0..<40 {
            var article = Article(id: "a", text: text)
            for _ in 0..<3 {  // successive edits reuse the previous edited view
                let length = article.scalarText.scalarCount
                var edits: [TextEdit] = []
                var start = 0
                while start < length {
                    start += Int(random.next() % 9)
                    let end = min(length, start + Int(random.next() % 4))
                    guard start <= end, start <= length else { break }
                    edits.append(TextEdit(span: Span(start: start, end: end),
                                          replacement: replacements[Int(random.next() % UInt64(replacements.count))]))
                    start = end + 1
                }
                try article.applyEdits(edits, step: "t")
                let edited = article.scalarText
                let fresh = ScalarText(String(decoding: edited.utf8, as: UTF8.self))
                #expect(edited.utf8 == fresh.utf8)
                #expect(edited.scalarCount == fresh.scalarCount)
                #expect((0...fresh.utf8.count).allSatisfy { edited.scalarOffset(ofByte: $0) == fresh.scalarOffset(ofByte: $0) })
                #expect((0...fresh.scalarCount).allSatisfy { edited.byteOffset(ofScalar: $0) == fresh.byteOffset(ofScalar: $0) })
                #expect(article.text.unicodeScalars.count == fresh.scalarCount)
            }
        }
    }

    @Test("an edit anywhere in a long text, across table blocks, maps every offset as a fresh view would")
    func editedViewOfLongText() throws {
        let text = String(repeating: "Le président a déclaré « ça suffit » à l’équipe de l’ONU 😀, à Genève. ", count: 12)
        var random = SplitMix(seed: 7)
        for _ in 0..<60 {
            var article = Article(id: "a", text: text)
            let length = article.scalarText.scalarCount
            let start = Int(random.next() % UInt64(length))
            let end = min(length, start + Int(random.next() % 5))
            let replacement = ["", "é", "ab", "😀"][Int(random.next() % 4)]
            try article.applyEdits([TextEdit(span: Span(start: start, end: end), replacement: replacement)], step: "t")
            let edited = article.scalarText
            let fresh = ScalarText(String(decoding: edited.utf8, as: UTF8.self))
            #expect(edited.scalarCount == fresh.scalarCount)
            #expect((0...fresh.utf8.count).allSatisfy { edited.scalarOffset(ofByte: $0) == fresh.scalarOffset(ofByte: $0) })
            #expect((0...fresh.scalarCount).allSatisfy { edited.byteOffset(ofScalar: $0) == fresh.byteOffset(ofScalar: $0) })
        }
    }
}

@Suite("Article.applyEdits: removals and alignment stay faithful to the original")
struct RemovalFidelityTests {
    @Test("a removal over normalised text holds the original text, not the cleaned one")
    func removalHoldsOriginalText() throws {
        var article = Article(id: "a", text: "l’été\u{A0}: fin")
        try article.applyEdits([TextEdit(span: Span(start: 1, end: 2), replacement: "'"),
                                TextEdit(span: Span(start: 5, end: 6), replacement: " ")], step: "clean")
        try article.applyEdits([.remove(Span(start: 0, end: 8), reason: "junk")], step: "boilerplate")
        #expect(article.text == "fin")
        #expect(article.removals == [Removal(text: "l’été\u{A0}: ", original: Span(start: 0, end: 8),
                                             step: "boilerplate", reason: "junk")])
    }

    @Test("a removal whose text was never edited is taken from the current text")
    func removalOfUneditedText() throws {
        var article = Article(id: "a", text: "’ab cd ef")
        try article.applyEdits([TextEdit(span: Span(start: 0, end: 1), replacement: "'")], step: "clean")
        try article.applyEdits([.remove(Span(start: 4, end: 7), reason: "x")], step: "b")
        #expect(article.removals.first?.text == "cd ")
        #expect(article.removals.first?.original == Span(start: 4, end: 7))
    }

    @Test("two edits around an earlier deletion give regions that do not overlap")
    func regionsDoNotOverlap() throws {
        var article = Article(id: "a", text: "abcdef")
        try article.applyEdits([.remove(Span(start: 2, end: 3), reason: "first")], step: "one")
        // "abdef": remove "ab" and "de", both touching where "c" was deleted.
        try article.applyEdits([.remove(Span(start: 0, end: 2), reason: "x"), .remove(Span(start: 2, end: 4), reason: "y")],
                               step: "two")
        #expect(article.text == "f")
        let regions = try #require(article.alignment).regions
        for (left, right) in zip(regions, regions.dropFirst()) {
            #expect(left.original.end <= right.original.start, "\(left) overlaps \(right)")
            #expect(left.current.end <= right.current.start)
        }
        #expect(article.removals.map(\.text) == ["c", "ab", "de"])
        let original = Array(article.originalText.unicodeScalars)
        for removal in article.removals {
            #expect(String(String.UnicodeScalarView(original[removal.original.range])) == removal.text)
        }
    }

    @Test("removals over earlier edits in a long mixed text hold the original text of their spans")
    func removalsFromOriginalInLongText() throws {
        let piece = "Le président « a dit » 😀 l’été — déjà\u{A0}vu. ASCII only here, quite long for a word run. "
        var article = Article(id: "a", text: String(repeating: piece, count: 12))
        // Turn every no-break space into a space, then remove spans that cross those edits.
        let scalars = Array(article.text.unicodeScalars)
        let spaces = scalars.indices.filter { scalars[$0] == "\u{A0}" }
        try article.applyEdits(spaces.map { TextEdit(span: Span(start: $0, end: $0 + 1), replacement: " ") }, step: "clean")
        try article.applyEdits(spaces.enumerated().compactMap { index, offset in
            index % 3 == 2 ? nil : .remove(Span(start: offset - 4, end: offset + 3), reason: "cut \(index)")
        }, step: "boilerplate")
        let original = Array(article.originalText.unicodeScalars)
        #expect(article.removals.count == spaces.count - spaces.count / 3)
        for removal in article.removals {
            #expect(String(String.UnicodeScalarView(original[removal.original.range])) == removal.text)
            #expect(removal.text.contains("\u{A0}"))
        }
    }
}
