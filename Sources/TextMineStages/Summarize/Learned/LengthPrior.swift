/// A prior on a summary's length in words that a learned ranker carries: summaries are scored
/// against references of a typical length, so a selection of sentences that together run far
/// longer (or shorter) than that loses on ROUGE F1 whatever its sentences' scores.
package struct LengthPrior: Codable, Sendable, Equatable {
    /// The words per selected sentence the summary aims at (2 sentences: twice as many).
    package var wordsPerSentence: Double
    /// The score (log-odds) lost per word the selection runs off that target.
    package var weight: Double
    /// The score lost per unit of tf-idf cosine between two chosen sentences (what they repeat).
    package var redundancy: Double

    package init(wordsPerSentence: Double, weight: Double, redundancy: Double) {
        self.wordsPerSentence = wordsPerSentence
        self.weight = weight
        self.redundancy = redundancy
    }
}

extension SentenceSelector {
    /// The best-scored eligible sentences among which a joint selection chooses.
    static let jointCandidates = 8
    /// The most sentences chosen jointly; longer summaries are selected greedily.
    static let jointLimit = 4

    /// Chooses `count` sentences at once among the ``jointCandidates`` best eligible ones,
    /// maximising the sum of their scores minus `prior.weight` per word the selection runs off
    /// `count × prior.wordsPerSentence`, minus `prior.redundancy` times the cosine of each two. A dependent sentence comes with the sentence before it
    /// (which must be eligible), and no two chosen sentences are near-duplicates (tf-idf cosine ≥
    /// ``duplicateCosine``). Fewer sentences are chosen only when fewer are available. Nil when
    /// there is nothing to choose. The indexes are in document order.
    func selectJointly(
        scores: [Double], eligible: [Bool], dependent: [Bool]?, document: SummaryDocument, count: Int, prior: LengthPrior
    ) -> [Int]? {
        let order = scores.indices.filter { eligible[$0] }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        // Each candidate as the sentences it brings: itself, or the one before and itself.
        var units: [[Int]] = []
        for i in order.prefix(Self.jointCandidates) {
            if dependent?[i] == true, i > 0 {
                if eligible[i - 1] { units.append([i - 1, i]) }
            } else {
                units.append([i])
            }
        }
        let available = Set(units.joined()).count
        let wanted = min(count, available)
        guard wanted > 0 else { return nil }
        let target = Double(wanted) * prior.wordsPerSentence
        var best: (value: Double, sentences: [Int])? = nil
        var chosen: [Int] = []
        var overlap = 0.0
        func search(from start: Int) {
            if chosen.count == wanted {
                let words = chosen.reduce(0) { $0 + document.wordCounts[$1] }
                let value = chosen.reduce(0) { $0 + scores[$1] } - prior.weight * abs(Double(words) - target)
                    - prior.redundancy * overlap
                if value > (best?.value ?? -Double.infinity) { best = (value, chosen) }
                return
            }
            for u in start..<units.count {
                let new = units[u].filter { !chosen.contains($0) }
                guard !new.isEmpty, chosen.count + new.count <= wanted else { continue }
                var added = 0.0, repeats = false
                for (k, i) in new.enumerated() {
                    for j in chosen + new.prefix(k) {
                        let cosine = document.weighted[i].cosine(document.weighted[j])
                        if cosine >= Self.duplicateCosine { repeats = true }
                        added += cosine
                    }
                }
                if repeats { continue }
                chosen += new
                overlap += added
                search(from: u + 1)
                overlap -= added
                chosen.removeLast(new.count)
            }
        }
        search(from: 0)
        return best?.sentences.sorted()
    }
}
