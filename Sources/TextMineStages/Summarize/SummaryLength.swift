import TextMineCore

/// How long a summary may be: a number of sentences, a number of words, or a share of the
/// article's sentences.
enum SummaryLength: Equatable, Sendable {
    /// At most this many sentences.
    case sentences(Int)
    /// Sentences while their words fit in this many (the first sentence always goes in).
    case words(Int)
    /// This share of the article's sentences, rounded, at least one.
    case ratio(Double)

    /// The length the `sentences`, `words` and `ratio` options ask for: `words` wins over `ratio`,
    /// which wins over `sentences` (0 leaves `words` and `ratio` unset).
    init(sentences: Int, words: Int, ratio: Double) {
        if words > 0 {
            self = .words(words)
        } else if ratio > 0 {
            self = .ratio(ratio)
        } else {
            self = .sentences(sentences)
        }
    }

    /// The most sentences a summary of an article of `count` sentences may hold.
    func maxSentences(outOf count: Int) -> Int {
        switch self {
        case .sentences(let n): return min(n, count)
        case .words: return count
        case .ratio(let share): return min(count, max(1, Int((share * Double(count)).rounded())))
        }
    }

    /// The word budget, if the length is in words.
    var maxWords: Int? {
        if case .words(let n) = self { return n }
        return nil
    }
}
