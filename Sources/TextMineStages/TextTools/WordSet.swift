/// A table from words (folded UTF-8 bytes) to a bit mask (the languages a stopword belongs to,
/// say) that answers for a slice of a buffer without allocating: open addressing over FNV-1a hashes.
struct WordSet: Sendable {
    private var words: [[UInt8]] = []
    private var masks: [UInt64] = []
    private var slots: [Int32]  // index into `words`, or -1
    private var mask: Int

    /// A table of words, each with the mask of the bits given for it (bits of a word add up).
    init(_ entries: [(word: [UInt8], bit: Int)]) {
        var merged: [[UInt8]: UInt64] = [:]
        for entry in entries where !entry.word.isEmpty { merged[entry.word, default: 0] |= 1 << UInt64(entry.bit) }
        var capacity = 16
        while capacity < merged.count * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (word, bits) in merged {
            var slot = Int(truncatingIfNeeded: Self.hash(word, 0..<word.count)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(words.count)
            words.append(word)
            masks.append(bits)
        }
    }

    var count: Int { words.count }

    /// The mask of `bytes[range]`, or 0 when it is not in the table.
    @inline(__always)
    func bits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes, range)) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return 0 }
            let word = words[Int(index)]
            if word.count == range.count && word.withUnsafeBufferPointer({ $0.elementsEqual(bytes[range]) }) {
                return masks[Int(index)]
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash<C: Collection>(_ bytes: C, _ range: Range<Int>) -> UInt64 where C.Element == UInt8, C.Index == Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for index in range {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100000001b3
        }
        return hash ^ (hash >> 29)
    }
}
