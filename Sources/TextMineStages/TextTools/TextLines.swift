/// The non-blank lines of UTF-8 text, as byte ranges without their line break and without leading
/// or trailing spaces.
enum TextLines {
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start <= buffer.count {
                // firstIndex(of:) is the standard library's fast search, even in debug builds.
                let end = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
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
