/// The scores of the features of pairs of neighbouring forms (``TokenLexicon/pairScores(_:_:initialA:model:)``),
/// by pair: an open-addressing table of at most ``limit`` pairs, emptied when full.
struct PairScoreCache {
    /// Packed pairs (``key(_:_:_:)``) by slot; ``empty`` marks a free slot.
    private var keys: [UInt64] = []
    /// The entry of each slot's pair.
    private var entries: [Int32] = []
    /// Two vectors of ``TaggerWeights/vectorTags`` lanes per entry: the first token's, then the second's.
    private var lanes: [Int32] = []
    private var count = 0

    /// The most pairs kept (about 100 bytes each).
    static let limit = 1 << 16
    /// log2 of the number of slots: twice the limit.
    private static let slotBits = 17
    private static let empty = UInt64.max
    private static let stride = 2 * TaggerWeights.vectorTags

    /// The key of forms `a` and `b`, `a` starting a sentence or not.
    @inline(__always)
    static func key(_ a: Int32, _ b: Int32, _ initialA: Bool) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) << 1 | (initialA ? 1 : 0)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// Empties the cache when it holds ``limit`` pairs.
    mutating func makeRoom() {
        guard count >= Self.limit else { return }
        for k in keys.indices { keys[k] = Self.empty }
        lanes.removeAll(keepingCapacity: true)
        count = 0
    }

    /// The scores of a pair, if cached.
    @inline(__always)
    func lookup(_ key: UInt64) -> (first: ScoreLanes, second: ScoreLanes)? {
        guard count > 0 else { return nil }
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Self.slot(key)
            while true {
                let stored = keys[slot]
                if stored == key { break }
                if stored == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
            return lanes.withUnsafeBufferPointer { lanes in
                let base = lanes.baseAddress! + Int(entries[slot]) &* Self.stride
                return (ScoreLanes(base), ScoreLanes(base + TaggerWeights.vectorTags))
            }
        }
    }

    /// Caches the scores of a pair that is not cached (unless the cache is full).
    mutating func insert(_ key: UInt64, _ scores: (first: ScoreLanes, second: ScoreLanes)) {
        guard count < Self.limit else { return }
        if keys.isEmpty {
            keys = [UInt64](repeating: Self.empty, count: 1 << Self.slotBits)
            entries = [Int32](repeating: 0, count: 1 << Self.slotBits)
        }
        let mask = keys.count - 1
        var slot = Self.slot(key)
        while keys[slot] != Self.empty { slot = (slot + 1) & mask }
        keys[slot] = key
        entries[slot] = Int32(count)
        scores.first.append(to: &lanes)
        scores.second.append(to: &lanes)
        count += 1
    }
}
