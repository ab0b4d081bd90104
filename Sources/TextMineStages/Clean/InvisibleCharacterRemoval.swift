import TextMineCore

/// Drops characters that carry no text: C0/C1 controls (except tab and line breaks), DEL,
/// zero-width spaces, byte-order marks, soft hyphens and bidirectional formatting marks.
///
/// Zero-width joiners (U+200C, U+200D) are kept: scripts such as Persian and emoji sequences need them.
struct InvisibleCharacterRemoval: CleaningStep {
    func collectEdits(in text: ScalarText, into edits: inout [TextEdit]) {
        let bytes = text.utf8
        var index = 0
        var runStart = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F && runStart < 0 {  // printable ASCII
                index += 1
                continue
            }
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            if Self.isInvisible(value) {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                edits.append(TextEdit(span: text.span(ofBytes: runStart..<index)))
                runStart = -1
            }
            index += length
        }
        if runStart >= 0 { edits.append(TextEdit(span: text.span(ofBytes: runStart..<bytes.count))) }
    }

    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0x80...0x84, 0x86...0x9F: return true
        case 0xAD, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
