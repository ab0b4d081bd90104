import TextMineCore

/// Words that are never terms, matched on normalised word keys (so `été`, `Été` and `ete` are all
/// the same stopword). The words come from the language packs' `term-stopwords` (see
/// ``PackTerms``).
struct StopwordList: Sendable {
    private let keys: TermTable

    /// A list of these words, matched after ``TermNormalizer`` normalisation.
    init<Words: Sequence<String>>(words: Words) {
        let normalizer = TermNormalizer()
        var keys = TermTable(capacity: words.underestimatedCount)
        for word in words { _ = keys.id(for: normalizer.normalize(word).wordKey) }
        self.keys = keys
    }

    /// Whether a normalised word is a stopword.
    @inline(__always)
    func contains(_ word: NormalizedWord) -> Bool { keys.existingID(for: word.wordKey) != nil }
}
