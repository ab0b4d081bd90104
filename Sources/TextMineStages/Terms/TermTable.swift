/// Dense ids for term keys: an open-addressing hash table from 64-bit keys (already well mixed
/// hashes, see ``TermNormalizer``) to ids 0, 1, 2… in order of first insertion. Several times
/// faster than `Dictionary<UInt64, Int32>`, which rehashes every key with SipHash.
struct TermTable {
    private var keys: [UInt64]
    private var ids: [Int32]
    private var mask: Int
    /// The number of distinct keys.
    private(set) var count = 0

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        ids = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The id of `key`, given the next id when it is new.
    @inline(__always)
    mutating func id(for key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while ids[slot] >= 0 {
            if keys[slot] == key { return ids[slot] }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        keys[slot] = key
        ids[slot] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    /// The id of `key`, if it was added.
    @inline(__always)
    func existingID(for key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while ids[slot] >= 0 {
            if keys[slot] == key { return ids[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldIDs = ids
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        ids = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where id >= 0 {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while ids[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            ids[slot] = id
        }
    }
}
