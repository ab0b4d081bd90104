/// Finding given bytes in UTF-8 text eight bytes at a time, for scans that look for a few marks
/// (quotation marks, line breaks) in whole articles.
///
/// A byte of `word ^ (b · 0x0101…)` is zero where `word` holds `b`; `(x − 0x0101…) & ~x & 0x8080…`
/// is non-zero exactly when `x` has a zero byte. Only whether a word holds a byte is taken from it:
/// the bytes themselves are then read one by one.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether the eight bytes of `word` hold `byte`.
    @inline(__always)
    static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// The first index in `start..<limit` whose byte is `a`, `b` or `c`; `limit` when there is none.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= limit {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if holds(word, a) || holds(word, b) || holds(word, c) { break }
                index &+= 8
            }
        }
        while index < limit {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c { return index }
            index += 1
        }
        return limit
    }

    /// The last index in `start..<limit` whose byte is `a`, `b` or `c`; nil when there is none.
    @inline(__always)
    static func last(_ a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        var end = limit
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while end &- 8 >= start {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self))
                if holds(word, a) || holds(word, b) || holds(word, c) { break }
                end &-= 8
            }
        }
        while end > start {
            end -= 1
            let byte = bytes[end]
            if byte == a || byte == b || byte == c { return end }
        }
        return nil
    }

    /// The first index in `start..<limit` whose byte is an ASCII digit; `limit` when there is none.
    /// A byte `x` below 0x80 is a digit when `x + 0x50` reaches 0x80 and `x + 0x46` does not (no
    /// carry crosses bytes: `x & 0x7F` plus 0x50 stays below 0x100).
    static func firstDigit(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= limit {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let low = word & 0x7F7F_7F7F_7F7F_7F7F
                if (low &+ ones &* 0x50) & ~(low &+ ones &* 0x46) & ~word & highs != 0 { break }
                index &+= 8
            }
        }
        while index < limit {
            if bytes[index] &- 0x30 < 10 { return index }
            index += 1
        }
        return limit
    }
}
