/// Word statistics of a piece of text against the stopword lists of every language: how many words
/// it has and how many of them are stopwords of each language.
struct StopwordProfile {
    /// Words (runs of letters) in the text.
    var words = 0
    /// Stopword hits per language, in ``PackLibrary/languages`` order.
    var hits: [Int]

    /// Counts the words of folded text.
    init(folded text: [UInt8], library: PackLibrary) {
        hits = Array(repeating: 0, count: library.languages.count)
        let sets = library.languages.map { library.stopwords[$0]! }
        var index = 0
        while index < text.count {
            while index < text.count, !TextPattern.isWordScalar(text, at: index) {
                index += 1
                while index < text.count, text[index] & 0xC0 == 0x80 { index += 1 }
            }
            let start = index
            while index < text.count, TextPattern.isWordScalar(text, at: index) {
                index += 1
                while index < text.count, text[index] & 0xC0 == 0x80 { index += 1 }
            }
            guard index > start else { continue }
            words += 1
            for (language, set) in sets.enumerated() where set.contains(text, start..<index) { hits[language] += 1 }
        }
    }

    /// Scales the counts, for a profile measured on a sample of a longer text.
    mutating func scale(by factor: Double) {
        words = Int(Double(words) * factor)
        hits = hits.map { Int(Double($0) * factor) }
    }

    /// The share of words that are stopwords of the language at `index`.
    func density(_ index: Int) -> Double { words == 0 ? 0 : Double(hits[index]) / Double(words) }

    /// The language with the highest stopword density, if any word is a stopword.
    var bestLanguage: Int? {
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] }), hits[best] > 0 else { return nil }
        return best
    }
}
