import Foundation

/// The weights of a trained tagger in the compact form used for tagging: emission weights quantised
/// to `Int16` (``scale`` units per weight unit), transitions in the same units.
struct TaggerWeights: Sendable {
    /// The tags.
    let labels: BIOLabels
    /// log2 of the number of emission rows.
    let rowBits: Int
    /// `rows * labels.count` emission weights, row-major, then ``vectorTags`` zeros.
    let emission: [Int16]
    /// `L * L` transition weights, `previous * L + current`.
    let transitions: [Int32]
    /// `L` weights of a sentence's first tag.
    let start: [Int32]
    /// Integer units per unit of the averaged perceptron weights.
    let scale: Float
    /// For each previous tag, the transitions into every tag as ``vectorTags`` lanes, with
    /// ``Int32/impossible`` where IOB2 forbids the pair (see ``Viterbi/decodeLanes``); empty when
    /// there are more tags than lanes.
    let laneTransitions: [Int32]

    /// Quantises averaged perceptron weights.
    init(labels: BIOLabels, rowBits: Int, emission: [Double], transitions: [Double], start: [Double]) {
        self.labels = labels
        self.rowBits = rowBits
        var largest = 1e-9
        for w in emission { largest = max(largest, abs(w)) }
        let scale = 32767 / largest
        self.scale = Float(scale)
        self.emission = emission.map { Int16(($0 * scale).rounded()) } + repeatElement(0, count: Self.vectorTags)
        self.transitions = transitions.map { Int32(($0 * scale).rounded()) }
        self.start = start.map { Int32(($0 * scale).rounded()) }
        self.laneTransitions = Self.laneTransitions(labels: labels, transitions: self.transitions)
    }

    /// Weights read from a model file (`rows * labels.count` emission weights).
    init(labels: BIOLabels, rowBits: Int, emission: [Int16], transitions: [Int32], start: [Int32], scale: Float) {
        self.labels = labels
        self.rowBits = rowBits
        self.emission = emission + repeatElement(0, count: Self.vectorTags)
        self.transitions = transitions
        self.start = start
        self.scale = scale
        self.laneTransitions = Self.laneTransitions(labels: labels, transitions: transitions)
    }

    /// ``laneTransitions`` of a tag set.
    private static func laneTransitions(labels: BIOLabels, transitions: [Int32]) -> [Int32] {
        let L = labels.count
        guard L <= vectorTags else { return [] }
        var lanes = [Int32](repeating: 0, count: L * vectorTags)
        for p in 0..<L {
            for t in 0..<L { lanes[p * vectorTags + t] = labels.allowedTable[p * L + t] ? transitions[p * L + t] : .impossible }
        }
        return lanes
    }

    /// Reusable buffers of ``tag(_:path:confidences:workspace:)``.
    struct Workspace {
        var scores: [Int32] = []
        var lattice: [Int32] = []
    }

    /// Tags one sentence whose features are in `features` (see ``decode(tokens:path:confidences:workspace:)``).
    func tag(_ features: FeatureSet.Buffer, path: inout [Int], confidences: inout [Double], workspace: inout Workspace) {
        let n = features.count
        let L = labels.count
        reserveScores(tokens: n, in: &workspace)
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            features.rows.withUnsafeBufferPointer { rows in
                features.starts.withUnsafeBufferPointer { starts in
                    if L <= Self.vectorTags {
                        addRowsAsVectors(tokens: n, rows: rows, starts: starts, into: scores.baseAddress!)
                    } else {
                        addRows(tokens: n, rows: rows, starts: starts, into: scores.baseAddress!)
                    }
                }
            }
        }
        decode(tokens: n, path: &path, confidences: &confidences, workspace: &workspace)
    }

    /// Decodes the best tags of `n` tokens whose scores are in `workspace.scores` (`L` a token);
    /// writes tag indices to `path` and, per token, the probability the tagger gives its tag (a
    /// softmax over the token's tag scores).
    func decode(tokens n: Int, path: inout [Int], confidences: inout [Double], workspace: inout Workspace) {
        let L = labels.count
        workspace.scores.withUnsafeBufferPointer { scores in
            if L <= Self.vectorTags {
                Viterbi.decodeLanes(n: n, emissions: scores.baseAddress!, incoming: laneTransitions, transitions: transitions,
                                    start: start, labels: labels, into: &path, lattice: &workspace.lattice)
            } else {
                Viterbi.decode(n: n, emissions: scores, transitions: transitions, start: start, labels: labels,
                               into: &path, lattice: &workspace.lattice)
            }
            // Confidences only matter inside entities; outside them they are not computed.
            confidences.removeAll(keepingCapacity: true)
            confidences.append(contentsOf: repeatElement(1, count: n))
            let temperature = Double(scale) * Self.temperature
            path.withUnsafeBufferPointer { path in
                confidences.withUnsafeMutableBufferPointer { confidences in
                    for i in 0..<n where path[i] != 0 {
                        let base = i * L
                        let chosen = Double(scores[base + path[i]])
                        var total = 0.0
                        for t in 0..<L { total += exp((Double(scores[base + t]) - chosen) / temperature) }
                        confidences[i] = 1 / total
                    }
                }
            }
        }
    }

    /// Makes room in `workspace.scores` for the scores of `n` tokens, plus one vector store past
    /// the last token's.
    func reserveScores(tokens n: Int, in workspace: inout Workspace) {
        let L = labels.count
        if workspace.scores.count < n * L + Self.vectorTags { workspace.scores = [Int32](repeating: 0, count: n * L * 2 + Self.vectorTags) }
    }

    /// Tag sets up to this size (five entity types) are scored with vector additions.
    static let vectorTags = 12

    /// Each token's scores, the sum of its feature rows: the rows' first ``vectorTags`` weights are
    /// added as two vectors of eight and four (lanes past `L` belong to the next row and are
    /// ignored; ``emission`` ends with padding so that the last row can be read so too), then
    /// stored at once (the lanes past `L` are overwritten by the next token's, or fall in the room
    /// after the last token).
    private func addRowsAsVectors(tokens n: Int, rows: UnsafeBufferPointer<Int32>, starts: UnsafeBufferPointer<Int>,
                                  into scores: UnsafeMutablePointer<Int32>) {
        let L = labels.count
        emission.withUnsafeBytes { weights in
            let base = weights.baseAddress!
            for i in 0..<n {
                var low = SIMD8<Int32>(), high = SIMD4<Int32>()
                for f in starts[i]..<starts[i + 1] {
                    let row = base + Int(rows[f]) &* (2 &* L)
                    low &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(as: SIMD8<Int16>.self))
                    high &+= SIMD4<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 16, as: SIMD4<Int16>.self))
                }
                let out = UnsafeMutableRawPointer(scores + i &* L)
                out.storeBytes(of: low, as: SIMD8<Int32>.self)
                out.storeBytes(of: high, toByteOffset: 32, as: SIMD4<Int32>.self)
            }
        }
    }

    /// Each token's scores, one weight at a time (tag sets larger than ``vectorTags``).
    private func addRows(tokens n: Int, rows: UnsafeBufferPointer<Int32>, starts: UnsafeBufferPointer<Int>,
                         into scores: UnsafeMutablePointer<Int32>) {
        let L = labels.count
        emission.withUnsafeBufferPointer { weights in
            for i in 0..<n {
                let out = scores + i * L
                for t in 0..<L { out[t] = 0 }
                for f in starts[i]..<starts[i + 1] {
                    let row = weights.baseAddress! + Int(rows[f]) * L
                    for t in 0..<L { out[t] &+= Int32(row[t]) }
                }
            }
        }
    }

    /// Weight units per unit of log-odds when turning scores into confidences.
    static let temperature = 4.0
}

/// The scores of one token for up to ``TaggerWeights/vectorTags`` tags, as two vectors (lanes past
/// the tag count hold sums of no meaning).
struct ScoreLanes {
    var low = SIMD8<Int32>()
    var high = SIMD4<Int32>()

    /// Adds the emission weights of a row; `weights` is ``TaggerWeights/emission``'s storage,
    /// `rowBytes` the bytes of one row.
    @inline(__always)
    mutating func add(row: UInt64, of weights: UnsafeRawPointer, rowBytes: Int) {
        let base = weights + Int(Int32(truncatingIfNeeded: row)) &* rowBytes
        low &+= SIMD8<Int32>(truncatingIfNeeded: base.loadUnaligned(as: SIMD8<Int16>.self))
        high &+= SIMD4<Int32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: 16, as: SIMD4<Int16>.self))
    }

    /// Adds another vector's lanes.
    @inline(__always)
    mutating func add(_ other: ScoreLanes) {
        low &+= other.low
        high &+= other.high
    }

    /// Adds the lanes stored at `lanes`.
    @inline(__always)
    mutating func add(_ lanes: UnsafePointer<Int32>) {
        let raw = UnsafeRawPointer(lanes)
        low &+= raw.loadUnaligned(as: SIMD8<Int32>.self)
        high &+= raw.loadUnaligned(fromByteOffset: 32, as: SIMD4<Int32>.self)
    }

    /// Every lane `value`.
    @inline(__always)
    init(repeating value: Int32) {
        low = SIMD8(repeating: value)
        high = SIMD4(repeating: value)
    }

    init() {}

    /// The twelve lanes stored at `lanes`.
    @inline(__always)
    init(_ lanes: UnsafePointer<Int32>) {
        let raw = UnsafeRawPointer(lanes)
        low = raw.loadUnaligned(as: SIMD8<Int32>.self)
        high = raw.loadUnaligned(fromByteOffset: 32, as: SIMD4<Int32>.self)
    }

    /// Appends the twelve lanes to `lanes`.
    func append(to lanes: inout [Int32]) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 12) { buffer in
            store(to: buffer.baseAddress!)
            lanes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    /// Keeps in each lane the larger of its value and `other`'s.
    @inline(__always)
    mutating func formMaximum(_ other: ScoreLanes) {
        low.replace(with: other.low, where: other.low .> low)
        high.replace(with: other.high, where: other.high .> high)
    }

    /// Subtracts `value` from every lane (wrapping, as scores kept near zero never do).
    @inline(__always)
    mutating func subtract(_ value: Int32) {
        low &-= SIMD8(repeating: value)
        high &-= SIMD4(repeating: value)
    }

    /// Stores the lanes at `lanes` (twelve of them).
    @inline(__always)
    func store(to lanes: UnsafeMutablePointer<Int32>) {
        let raw = UnsafeMutableRawPointer(lanes)
        raw.storeBytes(of: low, as: SIMD8<Int32>.self)
        raw.storeBytes(of: high, toByteOffset: 32, as: SIMD4<Int32>.self)
    }
}

/// Sums the weights of a form's features by the token they are for (see ``FormScores``).
struct FormScoreSink: FeatureSink {
    let weights: UnsafeRawPointer
    let rowBytes: Int
    var scores = FormScores()

    @inline(__always)
    static func takes(_ scope: FeatureScope) -> Bool { scope.isOneForm }

    @inline(__always)
    mutating func add(row: UInt64, scope: FeatureScope) {
        switch scope {
        case .token: scores.token.add(row: row, of: weights, rowBytes: rowBytes)
        case .previous: scores.toNext.add(row: row, of: weights, rowBytes: rowBytes)
        case .previous2: scores.toNext2.add(row: row, of: weights, rowBytes: rowBytes)
        case .next: scores.toPrevious.add(row: row, of: weights, rowBytes: rowBytes)
        case .next2: scores.toPrevious2.add(row: row, of: weights, rowBytes: rowBytes)
        case .withPrevious, .withNext, .gazetteer, .sentence: break
        }
    }
}

/// Which feature scopes a ``ScopeScoreSink`` takes.
protocol ScopeFilter {
    static func takes(_ scope: FeatureScope) -> Bool
}

/// The features of a token and the one before it (``FeatureScope/withPrevious``).
enum WithPreviousScope: ScopeFilter {
    @inline(__always) static func takes(_ scope: FeatureScope) -> Bool { scope == .withPrevious }
}

/// The features of a token and the one after it (``FeatureScope/withNext``).
enum WithNextScope: ScopeFilter {
    @inline(__always) static func takes(_ scope: FeatureScope) -> Bool { scope == .withNext }
}

/// The gazetteer features (``FeatureScope/gazetteer``).
enum GazetteerScope: ScopeFilter {
    @inline(__always) static func takes(_ scope: FeatureScope) -> Bool { scope == .gazetteer }
}

/// The sentence features (``FeatureScope/sentence``).
enum SentenceScope: ScopeFilter {
    @inline(__always) static func takes(_ scope: FeatureScope) -> Bool { scope == .sentence }
}

/// Adds the weights of the features of the scopes `Filter` takes to one token's scores.
struct ScopeScoreSink<Filter: ScopeFilter>: FeatureSink {
    let weights: UnsafeRawPointer
    let rowBytes: Int
    var lanes = ScoreLanes()

    init(weights: UnsafeRawPointer, rowBytes: Int, lanes: ScoreLanes = ScoreLanes()) {
        self.weights = weights
        self.rowBytes = rowBytes
        self.lanes = lanes
    }

    @inline(__always)
    static func takes(_ scope: FeatureScope) -> Bool { Filter.takes(scope) }

    @inline(__always)
    mutating func add(row: UInt64, scope: FeatureScope) {
        lanes.add(row: row, of: weights, rowBytes: rowBytes)
    }
}
