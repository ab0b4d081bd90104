/// Byte scanning shared by the JSON writer and parser.
enum JSONBytes {
    /// The offset of the first byte at or after `start` that JSON escapes (`"`, `\`, controls), or
    /// `count`. Scans eight bytes at a time; the lowest flagged byte of a word is always exact.
    @inline(__always)
    static func nextSpecialByte(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let control = (word &- 0x20 &* ones) & ~word & highs
            let quote = word ^ (0x22 &* ones)
            let backslash = word ^ (0x5C &* ones)
            let found = control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return count
    }
}
