import Foundation

/// The weights of a trained tagger in the compact form used for tagging: emission weights quantised
/// to `Int16` (``scale`` units per weight unit), transitions in the same units.
struct TaggerWeights: Sendable {
    /// The tags.
    let labels: BIOLabels
    /// log2 of the number of emission rows.
    let rowBits: Int
    /// `rows * labels.count` emission weights, row-major.
    let emission: [Int16]
    /// `L * L` transition weights, `previous * L + current`.
    let transitions: [Int32]
    /// `L` weights of a sentence's first tag.
    let start: [Int32]
    /// Integer units per unit of the averaged perceptron weights.
    let scale: Float

    /// Quantises averaged perceptron weights.
    init(labels: BIOLabels, rowBits: Int, emission: [Double], transitions: [Double], start: [Double]) {
        self.labels = labels
        self.rowBits = rowBits
        var largest = 1e-9
        for w in emission { largest = max(largest, abs(w)) }
        let scale = 32767 / largest
        self.scale = Float(scale)
        self.emission = emission.map { Int16(($0 * scale).rounded()) }
        self.transitions = transitions.map { Int32(($0 * scale).rounded()) }
        self.start = start.map { Int32(($0 * scale).rounded()) }
    }

    /// Weights read from a model file.
    init(labels: BIOLabels, rowBits: Int, emission: [Int16], transitions: [Int32], start: [Int32], scale: Float) {
        self.labels = labels
        self.rowBits = rowBits
        self.emission = emission
        self.transitions = transitions
        self.start = start
        self.scale = scale
    }

    /// Reusable buffers of ``tag(_:path:confidences:workspace:)``.
    struct Workspace {
        var scores: [Int32] = []
        var back: [UInt8] = []
    }

    /// Tags one sentence whose features are in `features`; writes tag indices to `path` and, per
    /// token, the probability the tagger gives its tag (a softmax over the token's tag scores).
    func tag(_ features: FeatureSet.Buffer, path: inout [Int], confidences: inout [Double], workspace: inout Workspace) {
        let n = features.count
        let L = labels.count
        if workspace.scores.count < n * L { workspace.scores = [Int32](repeating: 0, count: n * L * 2) }
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            emission.withUnsafeBufferPointer { weights in
                features.rows.withUnsafeBufferPointer { rows in
                    features.starts.withUnsafeBufferPointer { starts in
                        for i in 0..<n {
                            let out = scores.baseAddress! + i * L
                            for t in 0..<L { out[t] = 0 }
                            // The first eight tags of a row are added as one vector, the rest one by one.
                            var first = SIMD8<Int32>()
                            let vectorised = L >= 8
                            for f in starts[i]..<starts[i + 1] {
                                let row = weights.baseAddress! + Int(rows[f]) * L
                                var t = 0
                                if vectorised {
                                    first &+= SIMD8<Int32>(truncatingIfNeeded: UnsafeRawPointer(row).loadUnaligned(as: SIMD8<Int16>.self))
                                    t = 8
                                }
                                while t < L {
                                    out[t] &+= Int32(row[t])
                                    t += 1
                                }
                            }
                            if vectorised { for t in 0..<8 { out[t] = first[t] } }
                        }
                    }
                }
            }
        }
        workspace.scores.withUnsafeBufferPointer { scores in
            Viterbi.decode(n: n, emissions: scores, transitions: transitions, start: start, labels: labels,
                           into: &path, back: &workspace.back)
            // Confidences only matter inside entities; outside them they are not computed.
            confidences.removeAll(keepingCapacity: true)
            let temperature = Double(scale) * Self.temperature
            for i in 0..<n {
                guard path[i] != 0 else {
                    confidences.append(1)
                    continue
                }
                let base = i * L
                let chosen = Double(scores[base + path[i]])
                var total = 0.0
                for t in 0..<L { total += exp((Double(scores[base + t]) - chosen) / temperature) }
                confidences.append(1 / total)
            }
        }
    }

    /// Weight units per unit of log-odds when turning scores into confidences.
    static let temperature = 4.0
}
