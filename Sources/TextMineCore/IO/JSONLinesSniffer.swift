/// Tells whether text looks like JSON lines, from its first two non-blank lines only.
enum JSONLinesSniffer {
    /// Whether the first two non-blank lines (or the only one) each start with `{"` and end with `}`.
    static func looksLikeJSONLines<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        var objects = 0
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex, objects < 2 {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            defer { lineStart = lineEnd + 1 }
            var start = lineStart
            var end = lineEnd
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if start == end { continue }
            var next = start + 1
            while next < end, isSpace(bytes[next]) { next += 1 }
            guard bytes[start] == UInt8(ascii: "{"), next < end, bytes[next] == UInt8(ascii: "\""),
                  bytes[end - 1] == UInt8(ascii: "}") else { return false }
            objects += 1
        }
        return objects > 0
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
