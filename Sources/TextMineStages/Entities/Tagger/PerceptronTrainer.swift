/// Trains tagger weights with the averaged structured perceptron (Collins 2002): decode each
/// training sentence with the current weights and, where the best path differs from the gold one,
/// reward the gold path's features and penalise the predicted path's.
///
/// Averaging uses the usual trick of accumulating `step × update`, so the averaged weights cost
/// one extra table and no per-step work. Training is deterministic: sentences are shuffled with a
/// seeded generator.
struct PerceptronTrainer {
    let labels: BIOLabels
    let rowBits: Int
    private var emission: [Double]
    private var emissionSum: [Double]
    private var transitions: [Double]
    private var transitionSum: [Double]
    private var start: [Double]
    private var startSum: [Double]
    /// The number of sentences seen so far, plus one.
    private var step = 1.0
    /// Decoding storage.
    private var lattice: [Double] = []

    init(labels: BIOLabels, rowBits: Int) {
        self.labels = labels
        self.rowBits = rowBits
        let L = labels.count
        emission = [Double](repeating: 0, count: (1 << rowBits) * L)
        emissionSum = emission
        transitions = [Double](repeating: 0, count: L * L)
        transitionSum = transitions
        start = [Double](repeating: 0, count: L)
        startSum = start
    }

    /// Learns from one sentence; returns whether the current weights already tagged it right.
    @discardableResult
    mutating func learn(rows: [Int32], starts: [Int], gold: [Int], scratch path: inout [Int]) -> Bool {
        let n = starts.count - 1
        let L = labels.count
        var scores = [Double](repeating: 0, count: n * L)
        for i in 0..<n {
            for f in starts[i]..<starts[i + 1] {
                let row = Int(rows[f]) * L
                for t in 0..<L { scores[i * L + t] += emission[row + t] }
            }
        }
        scores.withUnsafeBufferPointer { scores in
            Viterbi.decode(n: n, emissions: scores, transitions: transitions, start: start, labels: labels, into: &path, lattice: &lattice)
        }
        defer { step += 1 }
        guard path != gold else { return true }
        for i in 0..<n where path[i] != gold[i] {
            for f in starts[i]..<starts[i + 1] {
                let row = Int(rows[f]) * L
                Self.update(&emission, &emissionSum, row + gold[i], 1, step)
                Self.update(&emission, &emissionSum, row + path[i], -1, step)
            }
        }
        if path[0] != gold[0] {
            Self.update(&start, &startSum, gold[0], 1, step)
            Self.update(&start, &startSum, path[0], -1, step)
        }
        for i in 1..<n where path[i - 1] != gold[i - 1] || path[i] != gold[i] {
            Self.update(&transitions, &transitionSum, gold[i - 1] * L + gold[i], 1, step)
            Self.update(&transitions, &transitionSum, path[i - 1] * L + path[i], -1, step)
        }
        return false
    }

    @inline(__always)
    private static func update(_ weights: inout [Double], _ sums: inout [Double], _ index: Int, _ delta: Double, _ step: Double) {
        weights[index] += delta
        sums[index] += step * delta
    }

    /// The averaged weights, before quantisation.
    func averagedWeights() -> RawWeights {
        func average(_ w: [Double], _ s: [Double]) -> [Double] {
            var result = w
            for k in result.indices { result[k] = w[k] - s[k] / step }
            return result
        }
        return RawWeights(emission: average(emission, emissionSum), transitions: average(transitions, transitionSum),
                          start: average(start, startSum))
    }

    /// The averaged weights, quantised for tagging.
    func averaged() -> TaggerWeights {
        averagedWeights().quantised(labels: labels, rowBits: rowBits)
    }

    /// Weights in full precision: one perceptron's averages, or the mean of several.
    struct RawWeights {
        var emission: [Double]
        var transitions: [Double]
        var start: [Double]

        /// Adds `other` times `factor` to these weights.
        mutating func add(_ other: RawWeights, times factor: Double) {
            for k in emission.indices { emission[k] += other.emission[k] * factor }
            for k in transitions.indices { transitions[k] += other.transitions[k] * factor }
            for k in start.indices { start[k] += other.start[k] * factor }
        }

        func quantised(labels: BIOLabels, rowBits: Int) -> TaggerWeights {
            TaggerWeights(labels: labels, rowBits: rowBits, emission: emission, transitions: transitions, start: start)
        }
    }
}
