/// First-order Viterbi decoding over BIO tags with hard IOB2 constraints.
///
/// The constraints are those of ``BIOLabels``: `I-X` only follows `B-X` or `I-X` (so never starts a
/// sentence), `O` and `B-X` follow anything. The decoder uses them directly instead of testing every
/// pair of tags: an inside tag has two possible predecessors, any other tag has all of them.
enum Viterbi {
    /// The best tag sequence for `n` tokens.
    ///
    /// - Parameters:
    ///   - emissions: `n * L` scores, token-major.
    ///   - transitions: `L * L` scores, `previous * L + current`.
    ///   - start: `L` scores of a sentence's first tag.
    ///   - labels: the tags (`O`, then `B-X`, `I-X` per type).
    ///   - back: reusable storage for the back-pointers.
    static func decode<Score: Numeric & Comparable>(
        n: Int, emissions: UnsafeBufferPointer<Score>, transitions: [Score], start: [Score], labels: BIOLabels,
        into path: inout [Int], back: inout [UInt8]
    ) {
        path.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        let L = labels.count
        if back.count < n * L { back = [UInt8](repeating: 0, count: n * L * 2) }
        withUnsafeTemporaryAllocation(of: Score.self, capacity: 2 * L) { scratch in
            var best = UnsafeMutableBufferPointer(rebasing: scratch[0..<L])
            var next = UnsafeMutableBufferPointer(rebasing: scratch[L..<(2 * L)])
            transitions.withUnsafeBufferPointer { transitions in
                back.withUnsafeMutableBufferPointer { back in
                    for t in 0..<L { best[t] = start[t] + emissions[t] }
                    for i in 1..<max(1, n) {
                        let emission = i * L
                        for t in 0..<L {
                            var bestPrevious: Int
                            var bestScore: Score
                            if BIOLabels.isInside(t) {
                                // `B-X` is t - 1; `I-X` (t itself) cannot be the first tag.
                                bestPrevious = t - 1
                                bestScore = best[t - 1] + transitions[(t - 1) * L + t]
                                if i > 1 {
                                    let s = best[t] + transitions[t * L + t]
                                    if s > bestScore {
                                        bestScore = s
                                        bestPrevious = t
                                    }
                                }
                            } else {
                                bestPrevious = 0
                                bestScore = best[0] + transitions[t]
                                for p in 1..<L where i > 1 || !BIOLabels.isInside(p) {
                                    let s = best[p] + transitions[p * L + t]
                                    if s > bestScore {
                                        bestScore = s
                                        bestPrevious = p
                                    }
                                }
                            }
                            next[t] = bestScore + emissions[emission + t]
                            back[emission + t] = UInt8(bestPrevious)
                        }
                        // Keep scores near zero so that long sentences cannot overflow integer scores.
                        let offset = next[0]
                        for t in 0..<L { next[t] -= offset }
                        swap(&best, &next)
                    }
                    var last = 0
                    for t in 1..<L where (n > 1 || !BIOLabels.isInside(t)) && best[t] > best[last] { last = t }
                    path.append(contentsOf: repeatElement(0, count: n))
                    path[n - 1] = last
                    var i = n - 1
                    while i > 0 {
                        path[i - 1] = Int(back[i * L + path[i]])
                        i -= 1
                    }
                }
            }
        }
    }
}
