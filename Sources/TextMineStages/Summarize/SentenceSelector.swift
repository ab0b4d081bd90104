/// Picks a summary's sentences from their scores, the same way for every method: greedily by
/// maximal marginal relevance (MMR, Carbonell & Goldstein 1998), among eligible sentences, within
/// the length budget, and never two near-duplicates.
///
/// Each step takes the sentence maximising `(1 − redundancy) · score − redundancy · maxSim`, where
/// scores are scaled to [0, 1] over the eligible sentences and `maxSim` is the highest tf-idf
/// cosine with a sentence already taken. With `redundancy` 0 it is plain best-first selection.
/// Similarities come from the document's sparse ``SimilarityIndex``, so a step costs O(sentences).
///
/// A dependent sentence (see ``SentenceOpening``) comes with the sentence before it: when it is
/// the best pick, both are taken if both fit the budget (the one before is then taken whatever
/// its score), else it is passed over.
///
/// A learned ranker may carry a ``LengthPrior``: a few sentences are then chosen together, the
/// set whose scores minus its distance to a typical length are best (``selectJointly``).
struct SentenceSelector {
    /// The weight of redundancy against score, in [0, 1].
    var redundancy: Double
    /// The cosine from which a sentence counts as a repeat of one already taken and is dropped.
    static let duplicateCosine = 0.8

    /// The selected sentence indexes, in document order. With a `lengthPrior` (a learned ranker's)
    /// and a length of at most ``jointLimit`` sentences, the sentences are chosen together
    /// (``selectJointly``) instead of greedily.
    func select(
        scores: [Double], eligible: [Bool], dependent: [Bool]? = nil, document: SummaryDocument, length: SummaryLength,
        lengthPrior: LengthPrior? = nil
    ) -> [Int] {
        if let lengthPrior, case .sentences(let wanted) = length, wanted <= Self.jointLimit,
            let joint = selectJointly(
                scores: scores, eligible: eligible, dependent: dependent, document: document, count: wanted, prior: lengthPrior)
        {
            return joint
        }
        let count = scores.count
        var available = eligible
        let candidates = (0..<count).filter { eligible[$0] }
        guard let low = candidates.map({ scores[$0] }).min(), let high = candidates.map({ scores[$0] }).max() else {
            return []
        }
        let range = high - low
        let relevance = scores.map { range > 0 ? ($0 - low) / range : 1 }
        let maxSentences = length.maxSentences(outOf: count)
        let index = document.similarity
        var maxSimilarity = [Double](repeating: 0, count: count)
        var scratch = [Double](repeating: 0, count: count)
        var touched: [Int32] = []
        var selected: [Int] = []
        var words = 0
        let shortest = candidates.map { document.wordCounts[$0] }.min() ?? 0
        while selected.count < maxSentences {
            if let budget = length.maxWords, !selected.isEmpty, budget - words < shortest { break }
            var best = -1
            var bestValue = -Double.infinity
            for i in 0..<count where available[i] {
                let value = (1 - redundancy) * relevance[i] - redundancy * maxSimilarity[i]
                if value > bestValue {
                    bestValue = value
                    best = i
                }
            }
            guard best >= 0 else { break }
            available[best] = false
            // A dependent sentence brings the one before it, unless that one is already in.
            var picks = [best]
            if dependent?[best] == true, best > 0, !selected.contains(best - 1) {
                guard eligible[best - 1], selected.count + 2 <= maxSentences else { continue }
                picks = [best - 1, best]
            }
            let added = picks.reduce(0) { $0 + document.wordCounts[$1] }
            if let budget = length.maxWords, !selected.isEmpty || picks.count > 1, words + added > budget {
                continue
            }
            for pick in picks {
                available[pick] = false
                selected.append(pick)
                words += document.wordCounts[pick]
                index.forEachNeighbour(of: pick, scratch: &scratch, touched: &touched) { other, cosine in
                    maxSimilarity[other] = max(maxSimilarity[other], cosine)
                    if cosine >= Self.duplicateCosine { available[other] = false }
                }
            }
        }
        return selected.sorted()
    }
}
