/// A table from words (folded UTF-8 bytes) to a bit mask (the languages a stopword belongs to,
/// say) that answers for bytes in a buffer without allocating: open addressing over FNV-1a hashes.
///
/// Callers that build a word byte by byte (folding it on the way) hash it as they go with
/// ``WordSet/seed`` and ``WordSet/mix(_:_:)`` and look it up with ``WordSet/bits(hash:_:)``.
struct WordSet: Sendable {
    /// Every word's bytes, one after the other.
    private var storage: [UInt8] = []
    /// Where each word starts in `storage`, plus the end.
    private var starts: [Int32] = [0]
    private var masks: [UInt64] = []
    private var slots: [Int32]  // index of a word, or -1
    private var mask: Int
    /// The length in bytes of the longest word: longer words need no lookup.
    private(set) var longestWord = 0

    /// A table of words, each with the mask of the bits given for it (bits of a word add up).
    init(_ entries: [(word: [UInt8], bit: Int)]) {
        var merged: [[UInt8]: UInt64] = [:]
        for entry in entries where !entry.word.isEmpty { merged[entry.word, default: 0] |= 1 << UInt64(entry.bit) }
        var capacity = 16
        while capacity < merged.count * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (word, bits) in merged.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var hash = Self.seed
            for byte in word { hash = Self.mix(hash, byte) }
            var slot = Self.slot(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(masks.count)
            storage.append(contentsOf: word)
            starts.append(Int32(storage.count))
            masks.append(bits)
            longestWord = max(longestWord, word.count)
        }
    }

    var count: Int { masks.count }

    /// The FNV-1a offset basis: the hash of no bytes.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of a word extended by one byte.
    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    @inline(__always)
    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) }

    /// The mask of `bytes[range]`, or 0 when it is not in the table.
    @inline(__always)
    func bits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        guard range.count <= longestWord else { return 0 }
        var hash = Self.seed
        for index in range { hash = Self.mix(hash, bytes[index]) }
        return bits(hash: hash, UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The mask of `word`, whose hash (``seed`` mixed with each byte) is `hash`, or 0.
    @inline(__always)
    func bits(hash: UInt64, _ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        storage.withUnsafeBufferPointer { storage in
            starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    var slot = Self.slot(hash) & mask
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return 0 }
                        let start = Int(starts[index])
                        if Int(starts[index + 1]) - start == word.count {
                            var offset = 0
                            while offset < word.count, storage[start + offset] == word[offset] { offset += 1 }
                            if offset == word.count { return masks[index] }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }
}
