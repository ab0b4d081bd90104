/// Word statistics of a piece of text against the stopword lists of every language: how many words
/// it has and how many of them are stopwords of each language.
struct StopwordProfile {
    /// Words (runs of letters and digits) in the text.
    var words = 0
    /// Stopword hits per language, in ``PackLibrary/languages`` order.
    var hits: [Int]

    /// An empty profile for `languages` languages.
    init(languages: Int) {
        self.init(words: 0, hits: Array(repeating: 0, count: languages))
    }

    /// A profile of `words` words with `hits` stopwords per language.
    init(words: Int, hits: [Int]) {
        self.words = words
        self.hits = hits
    }

    /// Scales the counts, for a profile measured on a sample of a longer text.
    mutating func scale(by factor: Double) {
        words = Int(Double(words) * factor)
        hits = hits.map { Int(Double($0) * factor) }
    }

    /// The share of words that are stopwords of the language at `index`.
    func density(_ index: Int) -> Double { words == 0 ? 0 : Double(hits[index]) / Double(words) }

    /// The language with the most stopwords in the text, if at least two of its stopwords occur
    /// (one short word such as `s` in `Pakistan's` is no evidence of French).
    var bestLanguage: Int? {
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] }), hits[best] >= 2 else { return nil }
        return best
    }
}
