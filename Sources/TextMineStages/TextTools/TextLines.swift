/// The non-blank lines of UTF-8 text, as byte ranges without their line break and without leading
/// or trailing spaces.
enum TextLines {
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A {
                var lower = start
                var upper = index
                while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 || bytes[lower] == 0x0D { lower += 1 }
                while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D { upper -= 1 }
                if upper > lower { lines.append(lower..<upper) }
                start = index + 1
            }
            index += 1
        }
        return lines
    }

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
