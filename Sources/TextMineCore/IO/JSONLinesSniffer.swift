/// Tells whether text looks like JSON lines, from its first two non-blank lines only.
enum JSONLinesSniffer {
    /// Whether the first two non-blank lines (or the only one) each start with `{"` and end with `}`.
    /// Prose is told apart at its first character, so a long text costs nothing.
    static func looksLikeJSONLines<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        var objects = 0
        var index = bytes.startIndex
        while objects < 2 {
            while index < bytes.endIndex, isSpace(bytes[index]) || bytes[index] == 0x0A { index += 1 }
            guard index < bytes.endIndex else { break }
            // A line must open an object with a key: `{"` (spaces allowed between).
            guard bytes[index] == UInt8(ascii: "{") else { return false }
            var next = index + 1
            while next < bytes.endIndex, isSpace(bytes[next]) { next += 1 }
            guard next < bytes.endIndex, bytes[next] == UInt8(ascii: "\"") else { return false }
            let lineEnd = bytes[next...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var end = lineEnd
            while end > next, isSpace(bytes[end - 1]) { end -= 1 }
            guard bytes[end - 1] == UInt8(ascii: "}") else { return false }
            objects += 1
            index = lineEnd
        }
        return objects > 0
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
