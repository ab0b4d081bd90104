/// A weighted sentence graph for the centrality methods (TextRank, LexRank), stored sparsely: each
/// sentence keeps its ``maxNeighbours`` strongest edges.
///
/// Built from a ``SimilarityIndex``, so only sentences that share a term are compared; with the
/// neighbour cap, memory and ranking time stay linear in the number of sentences.
struct SentenceGraph {
    /// The most edges a sentence keeps.
    static let maxNeighbours = 64

    /// Where each sentence's edges start in ``targets`` and ``weights`` (one more entry than
    /// sentences).
    let edgeStarts: [Int]
    /// The neighbour at the end of each edge.
    let targets: [Int32]
    /// Each edge's weight (> 0).
    let weights: [Double]

    /// Builds the graph; `weight` turns a sentence pair and the dot product of their vectors into an
    /// edge weight (≤ 0 means no edge).
    init(index: SimilarityIndex, weight: (Int, Int, Double) -> Double) {
        let count = index.vectors.count
        var scratch = [Double](repeating: 0, count: count)
        var touched: [Int32] = []
        var edgeStarts = [0]
        var targets: [Int32] = []
        var weights: [Double] = []
        edgeStarts.reserveCapacity(count + 1)
        var row: [(Int32, Double)] = []
        for sentence in 0..<count {
            row.removeAll(keepingCapacity: true)
            index.forEachNeighbour(of: sentence, scratch: &scratch, touched: &touched) { other, dot in
                let w = weight(sentence, other, dot)
                if w > 0 { row.append((Int32(other), w)) }
            }
            if row.count > Self.maxNeighbours {
                row.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                row.removeLast(row.count - Self.maxNeighbours)
            }
            for (target, weight) in row {
                targets.append(target)
                weights.append(weight)
            }
            edgeStarts.append(targets.count)
        }
        self.edgeStarts = edgeStarts
        self.targets = targets
        self.weights = weights
    }

    /// PageRank over the graph: each sentence passes its score to its neighbours in proportion to
    /// edge weights; sentences without edges spread theirs evenly.
    func pageRank(damping: Double = 0.85, iterations: Int = 100, tolerance: Double = 1e-7) -> [Double] {
        let count = edgeStarts.count - 1
        guard count > 0 else { return [] }
        let outWeight = (0..<count).map { i in weights[edgeStarts[i]..<edgeStarts[i + 1]].reduce(0, +) }
        var scores = [Double](repeating: 1 / Double(count), count: count)
        var next = scores
        // The same arithmetic in the same order as the plain loops, on buffers (no bounds checks
        // in the edge loop, which runs up to `iterations` times over every edge).
        edgeStarts.withUnsafeBufferPointer { edgeStarts in
            targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                    outWeight.withUnsafeBufferPointer { outWeight in
                        // The score held by sentences without edges; each round adds it up for
                        // the next while it sums the change (same terms, same order).
                        var dangling = 0.0
                        for i in 0..<count where outWeight[i] == 0 { dangling += scores[i] }
                        for _ in 0..<iterations {
                            let base = (1 - damping) / Double(count) + damping * dangling / Double(count)
                            let delta = next.withUnsafeMutableBufferPointer { next in
                                scores.withUnsafeBufferPointer { scores in
                                    for i in 0..<count { next[i] = base }
                                    for i in 0..<count where outWeight[i] > 0 {
                                        let share = damping * scores[i] / outWeight[i]
                                        for edge in edgeStarts[i]..<edgeStarts[i &+ 1] {
                                            next[Int(targets[edge])] += share * weights[edge]
                                        }
                                    }
                                    var delta = 0.0
                                    dangling = 0
                                    for i in 0..<count {
                                        delta += abs(next[i] - scores[i])
                                        if outWeight[i] == 0 { dangling += next[i] }
                                    }
                                    return delta
                                }
                            }
                            swap(&scores, &next)
                            if delta < tolerance { break }
                        }
                    }
                }
            }
        }
        return scores
    }
}
