import Foundation

/// The word weights of the learned ranker: for each word seen in enough training sentences, the
/// log-odds (naive Bayes, add-one smoothing) that a sentence holding it belongs to the oracle
/// extract. Words are keyed as ``TermNormalizer`` keys them (stopwords included: `selon`, `a`,
/// `déclaré` carry weight too); an unknown word weighs 0.
///
/// A sentence gets four ``SentenceFeature`` values from it: the mean weight of its words, the
/// highest and the lowest, and the mean of its first three words (how it opens).
struct SentenceLexicon: Sendable {
    private var table: TermTable
    private var weights: [Double] = []

    /// The lexicon of `words` (a word → weight map, as a model file stores it).
    init(words: [String: Double]) {
        let normalizer = TermNormalizer()
        table = TermTable(capacity: max(words.count, 16))
        for (word, weight) in words.sorted(by: { $0.key < $1.key }) {
            let id = Int(table.id(for: normalizer.normalize(word).key))
            if id == weights.count { weights.append(weight) } else { weights[id] = weight }
        }
    }

    /// The number of words with a weight.
    var count: Int { weights.count }

    /// The weight of a word key (0 when the lexicon does not hold it).
    @inline(__always)
    func weight(_ key: UInt64) -> Double {
        guard let id = table.existingID(for: key) else { return 0 }
        return weights[Int(id)]
    }

    /// The four lexical feature values of a sentence whose words are `keys`: mean, highest and
    /// lowest weight, and the mean weight of the first three words (all 0 without words).
    func features(_ keys: ArraySlice<UInt64>) -> (mean: Double, highest: Double, lowest: Double, opening: Double) {
        guard !keys.isEmpty else { return (0, 0, 0, 0) }
        var sum = 0.0, highest = -Double.infinity, lowest = Double.infinity, opening = 0.0
        var position = 0
        for key in keys {
            let w = weight(key)
            sum += w
            highest = max(highest, w)
            lowest = min(lowest, w)
            if position < Self.openingWords { opening += w }
            position += 1
        }
        return (sum / Double(keys.count), highest, lowest, opening / Double(min(keys.count, Self.openingWords)))
    }

    /// How many first words make a sentence's opening.
    static let openingWords = 3
}

/// Counts, while a ranker is trained, in how many oracle and other sentences each word occurs, in
/// two folds of articles, so that training rows get weights learned without their own article
/// (cross-fitting) and the model gets weights from all of them.
struct SentenceLexiconCounts {
    /// Per word key: sentences holding it, oracle and other, in fold 0 and fold 1.
    private var counts: [UInt64: [Int32]] = [:]
    /// The first spelling seen of each word key (lowercase), which the model file stores.
    private var spellings: [UInt64: String] = [:]
    /// Oracle and other sentences per fold.
    private var totals: [Int] = [0, 0, 0, 0]

    /// Counts one sentence's distinct words.
    mutating func add(keys: Set<UInt64>, oracle: Bool, fold: Int) {
        let slot = fold * 2 + (oracle ? 0 : 1)
        totals[slot] += 1
        for key in keys { counts[key, default: [0, 0, 0, 0]][slot] += 1 }
    }

    /// Records the spelling of a word key the first time it is seen.
    mutating func spell(_ key: UInt64, _ word: @autoclosure () -> String) {
        if spellings[key] == nil { spellings[key] = word() }
    }

    /// The word weights from the sentences of `folds`, for words found in at least `minCount` of
    /// them; rounded to 4 decimals (the file stays small and readable).
    func weights(folds: [Int], minCount: Int) -> [String: Double] {
        var positives = 0, negatives = 0
        for fold in folds {
            positives += totals[fold * 2]
            negatives += totals[fold * 2 + 1]
        }
        guard positives > 0, negatives > 0 else { return [:] }
        var words: [String: Double] = [:]
        for (key, count) in counts {
            var p = 0, n = 0
            for fold in folds {
                p += Int(count[fold * 2])
                n += Int(count[fold * 2 + 1])
            }
            guard p + n >= minCount, let spelling = spellings[key] else { continue }
            let odds = log((Double(p) + 1) / (Double(positives) + 2)) - log((Double(n) + 1) / (Double(negatives) + 2))
            words[spelling] = (odds * 10_000).rounded() / 10_000
        }
        return words
    }
}
