/// A set of 64-bit keys that are already well-mixed hashes (see ``TermNormalizer``): open
/// addressing in one array, for inner loops that only ask "was this key new?" (``TermTable``
/// gives dense ids too, at the cost of a second array).
struct KeySet {
    /// The keys; 0 marks an empty slot (the key 0 itself is remembered by `hasZero`).
    private var slots: [UInt64]
    private var mask: Int
    private var hasZero = false
    /// The number of keys.
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds `key`; true when it was not there yet.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 {
            defer { hasZero = true }
            if !hasZero { count += 1 }
            return !hasZero
        }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let found = slots[slot]
            if found == key { return false }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        count += 1
        if count * 2 > slots.count { grow() }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for key in old where key != 0 {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
        }
    }
}
