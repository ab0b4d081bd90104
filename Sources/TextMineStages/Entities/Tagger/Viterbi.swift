/// First-order Viterbi decoding over BIO tags with hard IOB2 constraints.
///
/// The constraints are those of ``BIOLabels``: `I-X` only follows `B-X` or `I-X` (so never starts a
/// sentence), `O` and `B-X` follow anything. The decoder uses them directly instead of testing every
/// pair of tags: an inside tag has two possible predecessors, any other tag has all of them.
///
/// The forward pass keeps only the best score of each tag at each token (the lattice); the best
/// predecessor of a tag is worked out again for the tags of the final path only, with the same
/// comparisons, so it costs `n` searches instead of `n · L` back-pointers.
enum Viterbi {
    /// The best tag sequence for `n` tokens.
    ///
    /// - Parameters:
    ///   - emissions: `n * L` scores, token-major.
    ///   - transitions: `L * L` scores, `previous * L + current`.
    ///   - start: `L` scores of a sentence's first tag.
    ///   - labels: the tags (`O`, then `B-X`, `I-X` per type).
    ///   - lattice: reusable storage for the best scores of each tag at each token.
    static func decode<Score: ViterbiScore>(
        n: Int, emissions: UnsafeBufferPointer<Score>, transitions: [Score], start: [Score], labels: BIOLabels,
        into path: inout [Int], lattice: inout [Score]
    ) {
        path.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        let L = labels.count
        if lattice.count < n * L { lattice = [Score](repeating: .impossible, count: n * L * 2) }
        path.append(contentsOf: repeatElement(0, count: n))
        withUnsafeTemporaryAllocation(of: Score.self, capacity: L * L) { incoming in
            // `into[t * L + p]`: the transitions into each tag, side by side.
            let into = incoming.baseAddress!
            for p in 0..<L {
                for t in 0..<L { into[t * L + p] = transitions[p * L + t] }
            }
            lattice.withUnsafeMutableBufferPointer { lattice in
                let scores = lattice.baseAddress!
                let e = emissions.baseAddress!
                // An inside tag cannot start a sentence: its first score is one no path can keep.
                for t in 0..<L { scores[t] = BIOLabels.isInside(t) ? Score.impossible : Score.sum(start[t], e[t]) }
                for i in 1..<n {
                    let best = scores + (i - 1) * L, next = scores + i * L, emission = e + i * L
                    // The best score of a path into tag `t` from any tag.
                    @inline(__always) func fromAny(_ t: Int) -> Score {
                        let column = into + t * L
                        var score = Score.sum(best[0], column[0])
                        for p in 1..<L {
                            let s = Score.sum(best[p], column[p])
                            if s > score { score = s }
                        }
                        return score
                    }
                    // `O`, then `B-X` (from any tag) and `I-X` (only from `B-X` or `I-X`) per type.
                    next[0] = Score.sum(fromAny(0), emission[0])
                    var t = 1
                    while t + 1 < L {
                        next[t] = Score.sum(fromAny(t), emission[t])
                        let column = into + (t + 1) * L
                        next[t + 1] = Score.sum(max(Score.sum(best[t], column[t]), Score.sum(best[t + 1], column[t + 1])), emission[t + 1])
                        t += 2
                    }
                    // Keep scores near zero so that long sentences cannot overflow integer scores.
                    let offset = next[0]
                    for t in 0..<L { next[t] = Score.difference(next[t], offset) }
                }
                let last = scores + (n - 1) * L
                var tag = 0
                for t in 1..<L where last[t] > last[tag] { tag = t }
                path[n - 1] = tag
                var i = n - 1
                while i > 0 {
                    tag = bestPrevious(of: tag, scores: scores + (i - 1) * L, into: into + tag * L, count: L)
                    path[i - 1] = tag
                    i -= 1
                }
            }
        }
    }

    /// The predecessor through which `tag` got its best score: the first of the highest.
    @inline(__always)
    private static func bestPrevious<Score: ViterbiScore>(
        of tag: Int, scores best: UnsafeMutablePointer<Score>, into column: UnsafeMutablePointer<Score>, count L: Int
    ) -> Int {
        if BIOLabels.isInside(tag) {
            return Score.sum(best[tag], column[tag]) > Score.sum(best[tag - 1], column[tag - 1]) ? tag : tag - 1
        }
        var previous = 0
        var score = Score.sum(best[0], column[0])
        for p in 1..<L {
            let s = Score.sum(best[p], column[p])
            if s > score {
                score = s
                previous = p
            }
        }
        return previous
    }
}

/// A score type for ``Viterbi``: integer units when tagging, `Double` when training.
protocol ViterbiScore: Numeric, Comparable {
    /// A score below any path's, that never wins a comparison and never overflows when
    /// transition weights are added to it.
    static var impossible: Self { get }
    /// `a + b`, without an overflow test for integers: scores are kept near zero, so it never wraps.
    static func sum(_ a: Self, _ b: Self) -> Self
    /// `a - b`, likewise.
    static func difference(_ a: Self, _ b: Self) -> Self
}

extension Int32: ViterbiScore {
    static var impossible: Int32 { .min / 4 }
    @inline(__always) static func sum(_ a: Int32, _ b: Int32) -> Int32 { a &+ b }
    @inline(__always) static func difference(_ a: Int32, _ b: Int32) -> Int32 { a &- b }
}

extension Double: ViterbiScore {
    static var impossible: Double { -.infinity }
    @inline(__always) static func sum(_ a: Double, _ b: Double) -> Double { a + b }
    @inline(__always) static func difference(_ a: Double, _ b: Double) -> Double { a - b }
}

extension Viterbi {
    /// ``decode(n:emissions:transitions:start:labels:into:lattice:)`` for integer scores of at most
    /// ``TaggerWeights/vectorTags`` tags: the scores of all tags of a token are computed together,
    /// as the lanes of two vectors. The lattice holds the same values as the scalar decoder's, so
    /// the path is the same.
    ///
    /// - Parameters:
    ///   - emissions: `n * L` scores, token-major, with ``TaggerWeights/vectorTags`` readable
    ///     entries after the last token's `L`.
    ///   - incoming: ``TaggerWeights/laneTransitions``: for each previous tag, the transitions into
    ///     every tag as lanes, ``Int32/impossible`` where IOB2 forbids the pair.
    ///   - transitions: `L * L` scores, `previous * L + current` (to find the path back).
    ///   - lattice: reusable storage for the best scores of each tag at each token.
    static func decodeLanes(
        n: Int, emissions e: UnsafePointer<Int32>, incoming: [Int32], transitions: [Int32], start: [Int32], labels: BIOLabels,
        into path: inout [Int], lattice: inout [Int32]
    ) {
        path.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        let L = labels.count, width = TaggerWeights.vectorTags
        precondition(L <= width, "at most \(width) tags")
        if lattice.count < n * width { lattice = [Int32](repeating: 0, count: n * width * 2) }
        path.append(contentsOf: repeatElement(0, count: n))
        lattice.withUnsafeMutableBufferPointer { lattice in
            incoming.withUnsafeBufferPointer { incoming in
                transitions.withUnsafeBufferPointer { transitions in
                    let scores = lattice.baseAddress!, rows = incoming.baseAddress!
                    // An inside tag cannot start a sentence: its first score is one no path can keep.
                    for t in 0..<L { scores[t] = BIOLabels.isInside(t) ? Int32.impossible : start[t] &+ e[t] }
                    for i in 1..<n {
                        let best = scores + (i - 1) * width
                        // The best score into each tag from any previous tag (forbidden pairs never win).
                        var next = ScoreLanes(repeating: best[0])
                        next.add(rows)
                        for p in 1..<L {
                            var candidate = ScoreLanes(repeating: best[p])
                            candidate.add(rows + p * width)
                            next.formMaximum(candidate)
                        }
                        next.add(e + i * L)
                        // Keep scores near zero so that long sentences cannot overflow integer scores.
                        next.subtract(next.low[0])
                        next.store(to: scores + i * width)
                    }
                    let last = scores + (n - 1) * width
                    var tag = 0
                    for t in 1..<L where last[t] > last[tag] { tag = t }
                    path[n - 1] = tag
                    var i = n - 1
                    while i > 0 {
                        let best = scores + (i - 1) * width
                        if BIOLabels.isInside(tag) {
                            tag = best[tag] &+ transitions[tag * L + tag] > best[tag - 1] &+ transitions[(tag - 1) * L + tag] ? tag : tag - 1
                        } else {
                            var previous = 0
                            var score = best[0] &+ transitions[tag]
                            for p in 1..<L {
                                let s = best[p] &+ transitions[p * L + tag]
                                if s > score {
                                    score = s
                                    previous = p
                                }
                            }
                            tag = previous
                        }
                        path[i - 1] = tag
                        i -= 1
                    }
                }
            }
        }
    }
}
