/// A weighted sentence graph for the centrality methods (TextRank, LexRank), stored sparsely: each
/// sentence keeps its ``maxNeighbours`` strongest edges.
///
/// Built from a ``SimilarityIndex``, so only sentences that share a term are compared; with the
/// neighbour cap, memory and ranking time stay linear in the number of sentences.
struct SentenceGraph {
    /// The most edges a sentence keeps.
    static let maxNeighbours = 64

    /// Each sentence's outgoing edges: (neighbour, weight), weights > 0.
    let edges: [[(Int32, Double)]]

    /// Builds the graph; `weight` turns a sentence pair and the dot product of their vectors into an
    /// edge weight (≤ 0 means no edge).
    init(index: SimilarityIndex, weight: (Int, Int, Double) -> Double) {
        let count = index.vectors.count
        var scratch = [Double](repeating: 0, count: count)
        var touched: [Int32] = []
        var edges: [[(Int32, Double)]] = []
        edges.reserveCapacity(count)
        for sentence in 0..<count {
            var row: [(Int32, Double)] = []
            index.forEachNeighbour(of: sentence, scratch: &scratch, touched: &touched) { other, dot in
                let w = weight(sentence, other, dot)
                if w > 0 { row.append((Int32(other), w)) }
            }
            if row.count > Self.maxNeighbours {
                row.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                row.removeLast(row.count - Self.maxNeighbours)
            }
            edges.append(row)
        }
        self.edges = edges
    }

    /// PageRank over the graph: each sentence passes its score to its neighbours in proportion to
    /// edge weights; sentences without edges spread theirs evenly.
    func pageRank(damping: Double = 0.85, iterations: Int = 100, tolerance: Double = 1e-7) -> [Double] {
        let count = edges.count
        guard count > 0 else { return [] }
        let outWeight = edges.map { $0.reduce(0) { $0 + $1.1 } }
        var scores = [Double](repeating: 1 / Double(count), count: count)
        var next = scores
        for _ in 0..<iterations {
            var dangling = 0.0
            for i in 0..<count where outWeight[i] == 0 { dangling += scores[i] }
            let base = (1 - damping) / Double(count) + damping * dangling / Double(count)
            for i in 0..<count { next[i] = base }
            for i in 0..<count where outWeight[i] > 0 {
                let share = damping * scores[i] / outWeight[i]
                for (j, w) in edges[i] { next[Int(j)] += share * w }
            }
            var delta = 0.0
            for i in 0..<count { delta += abs(next[i] - scores[i]) }
            swap(&scores, &next)
            if delta < tolerance { break }
        }
        return scores
    }
}
