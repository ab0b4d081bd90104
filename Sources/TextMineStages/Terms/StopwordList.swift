import TextMineCore

/// Words that are never terms, matched on normalised word keys (so `été`, `Été` and `ete` are all
/// the same stopword). The words come from the language packs' `term-stopwords` (see
/// ``PackTerms``).
struct StopwordList: Sendable {
    private let keys: TermTable

    /// A list of words given by their normalised word keys (``NormalizedWord/wordKey``).
    init(wordKeys: [UInt64]) {
        var keys = TermTable(capacity: wordKeys.count)
        for key in wordKeys { _ = keys.id(for: key) }
        self.keys = keys
    }

    /// Whether a normalised word is a stopword.
    @inline(__always)
    func contains(_ word: NormalizedWord) -> Bool { keys.existingID(for: word.wordKey) != nil }
}
