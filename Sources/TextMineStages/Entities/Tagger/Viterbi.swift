/// First-order Viterbi decoding over BIO tags with hard IOB2 constraints.
enum Viterbi {
    /// The best tag sequence for `n` tokens.
    ///
    /// - Parameters:
    ///   - emissions: `n * L` scores, token-major.
    ///   - transitions: `L * L` scores, `previous * L + current`.
    ///   - start: `L` scores of a sentence's first tag.
    ///   - labels: the tags and their allowed transitions.
    static func decode<Score: Numeric & Comparable>(
        n: Int, emissions: UnsafeBufferPointer<Score>, transitions: [Score], start: [Score], labels: BIOLabels,
        into path: inout [Int]
    ) {
        path.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        let L = labels.count
        let allowed = labels.allowedTable
        var best = [Score](repeating: 0, count: L)
        var next = [Score](repeating: 0, count: L)
        var back = [UInt8](repeating: 0, count: n * L)
        var valid = [Bool](repeating: false, count: L)
        var nextValid = [Bool](repeating: false, count: L)
        for t in 0..<L where allowed[L * L + t] {
            best[t] = start[t] + emissions[t]
            valid[t] = true
        }
        if n > 1 {
            for i in 1..<n {
                for t in 0..<L {
                    var found = false
                    var bestScore: Score = 0
                    var bestPrevious = 0
                    for p in 0..<L where valid[p] && allowed[p * L + t] {
                        let s = best[p] + transitions[p * L + t]
                        if !found || s > bestScore {
                            bestScore = s
                            bestPrevious = p
                            found = true
                        }
                    }
                    nextValid[t] = found
                    next[t] = found ? bestScore + emissions[i * L + t] : 0
                    back[i * L + t] = UInt8(bestPrevious)
                }
                swap(&best, &next)
                swap(&valid, &nextValid)
            }
        }
        var last = 0
        var found = false
        for t in 0..<L where valid[t] && (!found || best[t] > best[last]) {
            last = t
            found = true
        }
        path = [Int](repeating: 0, count: n)
        path[n - 1] = last
        var i = n - 1
        while i > 0 {
            path[i - 1] = Int(back[i * L + path[i]])
            i -= 1
        }
    }
}
