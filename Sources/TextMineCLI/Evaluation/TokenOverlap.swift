/// Token-level precision, recall and F1 of an extracted text against a gold text, as the
/// article-extraction benchmarks score them: both texts become bags (multisets) of lowercase word
/// tokens and the overlap is the multiset intersection.
///
/// A word token is a run of letters and digits; each Han, kana or Hangul character is a token on
/// its own (those scripts do not separate words with spaces).
struct TokenOverlap: Sendable, Equatable {
    /// Tokens in both bags (multiset intersection), in the prediction, in the gold text.
    var overlap = 0
    var predicted = 0
    var gold = 0

    var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(overlap) / Double(predicted) }
    var recall: Double { gold == 0 ? 1 : Double(overlap) / Double(gold) }
    var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Scores one prediction against its gold text.
    init(predicted prediction: String, gold reference: String) {
        let predictedBag = Self.bag(prediction)
        let goldBag = Self.bag(reference)
        predicted = predictedBag.values.reduce(0, +)
        gold = goldBag.values.reduce(0, +)
        for (token, count) in predictedBag { overlap += min(count, goldBag[token] ?? 0) }
    }

    /// An empty tally, to add pages to.
    init() {}

    /// Adds another page's counts (pooled, "micro" scores).
    static func + (lhs: TokenOverlap, rhs: TokenOverlap) -> TokenOverlap {
        var sum = lhs
        sum.overlap += rhs.overlap
        sum.predicted += rhs.predicted
        sum.gold += rhs.gold
        return sum
    }

    /// The bag of lowercase word tokens of a text.
    static func bag(_ text: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty {
                bag[String(word), default: 0] += 1
                word = String.UnicodeScalarView()
            }
        }
        for scalar in text.lowercased().unicodeScalars {
            if isIdeographic(scalar) {
                flush()
                bag[String(scalar), default: 0] += 1
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return bag
    }

    /// Han, Hiragana, Katakana and Hangul syllables.
    private static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF: return true
        default: return false
        }
    }
}
