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

    /// Reads the `sentences`, `words` and `ratio` options: `words` wins over `ratio`, which wins
    /// over `sentences` (0 leaves `words` and `ratio` unset).
    init(options: StageOptions) {
        if options.int("words") > 0 {
            self = .words(options.int("words"))
        } else if options.double("ratio") > 0 {
            self = .ratio(options.double("ratio"))
        } else {
            self = .sentences(options.int("sentences"))
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
