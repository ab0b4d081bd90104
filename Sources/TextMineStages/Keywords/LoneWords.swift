import TextMineCore

/// Words that are no key phrase on their own, whatever their statistics, matched on normalised term
/// keys (plurals included): the `lone-words` and `months` of a language's packs (calendar words,
/// quantities, adverbs, adjectives that come before their noun, the commonest verb forms of news).
/// They still count inside longer phrases (`nouvelle réunion`, `March 14 attack`).
struct LoneWords: Sendable {
    private let keys: TermTable

    /// No words.
    static let none = LoneWords(words: [])

    init(words: [String]) {
        let normalizer = TermNormalizer()
        var keys = TermTable(capacity: words.count)
        for word in words { _ = keys.id(for: normalizer.normalize(word).key) }
        self.keys = keys
    }

    /// Whether a word's term key is one of these words.
    func contains(key: UInt64) -> Bool { keys.existingID(for: key) != nil }
}
