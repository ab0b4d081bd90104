import Testing
import TextMineCore
import TextMineStages

/// Nothing is lost: after clean → metadata → boilerplate, every scalar of the input is accounted
/// for by exactly one of
/// - the clean text: outside every edited region of the alignment, the scalar is in `text`, at
///   its offset shifted by the edits before it, unchanged;
/// - a removal: it lies in a removal's `original` span (and the removal's text is that span's
///   text, normalised);
/// - a normalisation: it lies in an edited region that no removal covers, and it is either white
///   space or an invisible character that was dropped, or one whose normalised form is the
///   region's clean text (`’` → `'`).
/// Removals do not overlap, and their texts are not empty.
@Suite("nothing lost")
struct NothingLostTests {
    @Test("clean text, removals and alignment account for every scalar of the seed", arguments: SeedExpectationTests.seeds)
    func seedIsAccountedFor(id: String) throws {
        let article = try SeedCorpus.processed(id)
        try checkAccounting(article)
    }

    @Test("an article that is all boilerplate is accounted for too")
    func allBoilerplate() throws {
        let article = try process("Share Post:\n\nLaisser un commentaire\n\nTous droits réservés", through: try cleaningChain())
        #expect(article.text.isEmpty)
        try checkAccounting(article)
    }
}

/// Checks the accounting described on ``NothingLostTests``.
func checkAccounting(_ article: Article, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let original = Array(article.originalText.unicodeScalars)
    let clean = Array(article.text.unicodeScalars)
    let regions = article.alignment?.regions ?? []
    let removals = article.removals.sorted { $0.original < $1.original }

    // Removals are disjoint, non-empty, and hold their span's text up to normalisation.
    for (removal, next) in zip(removals, removals.dropFirst()) {
        #expect(removal.original.end <= next.original.start, "removals overlap: \(removal.original) \(next.original)", sourceLocation: sourceLocation)
    }
    for removal in removals {
        #expect(!removal.text.isEmpty, sourceLocation: sourceLocation)
        let source = String(String.UnicodeScalarView(original[removal.original.range]))
        #expect(comparable(removal.text) == comparable(source), "removal \(removal.reason): '\(removal.text)' vs '\(source)'",
                sourceLocation: sourceLocation)
    }
    func isRemoved(_ offset: Int) -> Bool { removals.contains { $0.original.range.contains(offset) } }

    var offset = 0  // in the original
    var shift = 0  // clean offset minus original offset, outside regions
    for region in regions {
        // Unedited text before the region is in the clean text, unchanged.
        while offset < region.original.start {
            #expect(clean[offset + shift] == original[offset], "scalar \(offset) changed without an edit", sourceLocation: sourceLocation)
            offset += 1
        }
        // Inside the region: removed, or normalised into the region's clean text.
        let replacement = String(String.UnicodeScalarView(clean[region.current.range]))
        for inside in region.original.range where !isRemoved(inside) {
            let scalar = original[inside]
            let dropped = scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .control
            let normalised = comparable(String(scalar)).unicodeScalars.allSatisfy { replacement.unicodeScalars.contains($0) }
            #expect(dropped || normalised, "scalar \(inside) '\(scalar)' vanished in a normalisation", sourceLocation: sourceLocation)
        }
        offset = region.original.end
        shift = region.current.end - region.original.end
    }
    while offset < original.count {
        #expect(clean[offset + shift] == original[offset], "scalar \(offset) changed without an edit", sourceLocation: sourceLocation)
        offset += 1
    }
    #expect(original.count + shift == clean.count, sourceLocation: sourceLocation)
}
