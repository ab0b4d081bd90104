/// An open-addressing table from 64-bit hashes to small values, for the lookups of the tagging hot
/// path (gazetteer names and prefixes, the lowercase vocabulary): keys are already well-mixed
/// hashes, so they index the table directly, without `Hasher`.
struct HashedKeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt8]
    private var mask: Int
    /// The number of keys.
    private(set) var count = 0

    /// The marker of an empty slot; a real key equal to it is stored as ``substitute``.
    private static let empty: UInt64 = 0
    private static let substitute: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [UInt8](repeating: 0, count: size)
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
    subscript(key: UInt64) -> UInt8? {
        let k = Self.stored(key)
        let index = slot(of: k)
        return keys[index] == k ? values[index] : nil
    }

    /// Whether the table has the key.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Sets the bits of `value` on the key's value (inserting the key with `value` when absent).
    mutating func insert(_ key: UInt64, orBits value: UInt8 = 0) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.stored(key)
        let index = slot(of: k)
        if keys[index] != k {
            keys[index] = k
            count += 1
        }
        values[index] |= value
    }

    /// Every key with its value.
    var entries: [(key: UInt64, value: UInt8)] {
        keys.indices.compactMap { keys[$0] == Self.empty ? nil : (keys[$0], values[$0]) }
    }

    private mutating func grow() {
        let old = entries
        self = HashedKeyTable(capacity: keys.count)
        for (key, value) in old { insert(key, orBits: value) }
    }
}
