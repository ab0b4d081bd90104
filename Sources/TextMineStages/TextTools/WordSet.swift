/// A set of words (folded UTF-8 bytes) that answers membership for a slice of a buffer without
/// allocating: open addressing over FNV-1a hashes.
struct WordSet: Sendable {
    private var words: [[UInt8]] = []
    private var slots: [Int32]  // index into `words`, or -1
    private var mask: Int

    init<S: Sequence>(_ words: S) where S.Element == [UInt8] {
        let unique = Array(Set(words))
        var capacity = 16
        while capacity < unique.count * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for word in unique where !word.isEmpty {
            var slot = Int(truncatingIfNeeded: Self.hash(word, 0..<word.count)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(self.words.count)
            self.words.append(word)
        }
    }

    var count: Int { words.count }

    /// Whether `bytes[range]` is in the set.
    @inline(__always)
    func contains(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes, range)) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return false }
            let word = words[Int(index)]
            if word.count == range.count && word.elementsEqual(bytes[range]) { return true }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for index in range {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100000001b3
        }
        return hash ^ (hash >> 29)
    }
}
