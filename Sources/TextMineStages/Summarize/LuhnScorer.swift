/// Luhn's method (1958): a sentence is as good as its densest cluster of significant words.
///
/// Significant words are content terms that occur at least twice in the article (or the article's
/// most frequent term, when none does). A cluster is a run of words whose significant words are at
/// most ``maxGap`` insignificant words apart; it scores (significant words)² / (words in the cluster).
struct LuhnScorer: SentenceScorer {
    /// The most insignificant words between two significant words of one cluster.
    static let maxGap = 4

    func scores(for document: SummaryDocument) -> [Double] {
        var frequency = [Int](repeating: 0, count: document.vocabularySize)
        for vector in document.termCounts {
            for (id, count) in zip(vector.ids, vector.weights) { frequency[Int(id)] += Int(count) }
        }
        let threshold = (frequency.max() ?? 0) >= 2 ? 2 : 1
        return (0..<document.count).map { i in
            let words = document.wordTerms(of: i)
            var best = 0.0
            var clusterStart = -1, lastSignificant = -1, significant = 0
            for (position, id) in words.enumerated() where id >= 0 && frequency[Int(id)] >= threshold {
                if clusterStart >= 0 && position - lastSignificant - 1 <= Self.maxGap {
                    significant += 1
                } else {
                    clusterStart = position
                    significant = 1
                }
                lastSignificant = position
                let length = Double(lastSignificant - clusterStart + 1)
                best = max(best, Double(significant * significant) / length)
            }
            return best
        }
    }
}
