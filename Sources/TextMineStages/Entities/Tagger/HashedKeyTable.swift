/// An open-addressing table from 64-bit hashes to small integer values, for the lookups of the
/// tagging hot path (gazetteer names and prefixes, the lowercase vocabulary, word clusters): keys are
/// already well-mixed hashes, so they index the table directly, without `Hasher`.
struct HashedKeyTable<Value: FixedWidthInteger & Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private var mask: Int
    /// The number of keys.
    private(set) var count = 0

    /// The marker of an empty slot; a real key equal to it is stored as ``substitute``.
    private static var empty: UInt64 { 0 }
    private static var substitute: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Value](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == empty ? substitute : key }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[index] != Self.empty && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    /// The value of a key, or nil.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        let k = Self.stored(key)
        let index = slot(of: k)
        return keys[index] == k ? values[index] : nil
    }

    /// Whether the table has the key.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Sets the bits of `value` on the key's value (inserting the key with `value` when absent).
    mutating func insert(_ key: UInt64, orBits value: Value = 0) {
        let index = slotInserting(key)
        values[index] |= value
    }

    /// Sets the key's value (inserting the key when absent).
    mutating func set(_ key: UInt64, to value: Value) {
        let index = slotInserting(key)
        values[index] = value
    }

    /// The key's slot, the key stored there first when absent (growing the table as needed).
    @inline(__always)
    private mutating func slotInserting(_ key: UInt64) -> Int {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.stored(key)
        let index = slot(of: k)
        if keys[index] != k {
            keys[index] = k
            count += 1
        }
        return index
    }

    /// Every key with its value.
    var entries: [(key: UInt64, value: Value)] {
        keys.indices.compactMap { keys[$0] == Self.empty ? nil : (keys[$0], values[$0]) }
    }

    private mutating func grow() {
        let old = entries
        self = HashedKeyTable(capacity: keys.count)
        for (key, value) in old { insert(key, orBits: value) }
    }
}

/// A set of 64-bit hashes (folded words and the like) with the table's fast lookups.
struct HashedKeySet: Sendable {
    private var table: HashedKeyTable<UInt8>

    init(_ hashes: some Sequence<UInt64>) {
        table = HashedKeyTable()
        for hash in hashes { table.insert(hash) }
    }

    /// Whether the set has the hash.
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool { table.contains(hash) }
}
