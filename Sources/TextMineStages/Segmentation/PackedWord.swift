/// A short word (at most 16 UTF-8 bytes) packed into two integers: a dictionary key that the
/// scanners build straight from the text's bytes, without allocating a `String` or an array.
struct PackedWord: Hashable, Sendable {
    /// The most bytes a packed word holds.
    static let capacity = 16

    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: UInt8 = 0

    /// Packs `bytes[range]`, lower-casing ASCII letters if asked; nil when the word is too long.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, asciiLowercased: Bool = false) {
        guard range.count <= Self.capacity else { return nil }
        for (position, index) in range.enumerated() {
            var byte = bytes[index]
            if asciiLowercased && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            append(byte, at: position)
        }
        count = UInt8(range.count)
    }

    /// Packs the UTF-8 bytes of a string; nil when it is too long.
    init?(_ word: String, asciiLowercased: Bool = false) {
        let bytes = Array(word.utf8)
        guard let packed = bytes.withUnsafeBufferPointer({ Self($0, 0..<bytes.count, asciiLowercased: asciiLowercased) })
        else { return nil }
        self = packed
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8, at position: Int) {
        if position < 8 {
            low |= UInt64(byte) << (8 * UInt64(position))
        } else {
            high |= UInt64(byte) << (8 * UInt64(position - 8))
        }
    }
}
