/// The non-blank lines of UTF-8 text, as byte ranges without their line break and without leading
/// or trailing spaces.
enum TextLines {
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start <= buffer.count {
                let end = lineFeed(in: buffer, from: start)
                var lower = start
                var upper = end
                while lower < upper, isSpace(buffer[lower]) { lower += 1 }
                while upper > lower, isSpace(buffer[upper - 1]) { upper -= 1 }
                if upper > lower { lines.append(lower..<upper) }
                start = end + 1
            }
        }
        return lines
    }

    /// The index of the first line feed at or after `start`, or the end of `bytes`; eight bytes at a
    /// time (a zero byte of `word ^ 0x0A0A…` sets its high bit in the test below, and only a byte
    /// at or after a zero byte can be a false positive, so the lowest set bit is exact).
    private static func lineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ 0x0A0A_0A0A_0A0A_0A0A
            let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// The byte range of a whole line with the line breaks after it (or, for the last line, the
    /// breaks before it), so that removing it leaves no blank gap.
    static func removalRange(of line: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = line.lowerBound
        while lower > 0, bytes[lower - 1] == 0x20 || bytes[lower - 1] == 0x09 { lower -= 1 }
        var upper = line.upperBound
        while upper < bytes.count, bytes[upper] == 0x20 || bytes[upper] == 0x09 || bytes[upper] == 0x0D || bytes[upper] == 0x0A {
            upper += 1
        }
        if upper == bytes.count {
            while lower > 0, bytes[lower - 1] == 0x0A || bytes[lower - 1] == 0x0D || bytes[lower - 1] == 0x20 { lower -= 1 }
        }
        return lower..<upper
    }
}
