import TextMineCore

/// Drops characters that carry no text: C0/C1 controls (except tab and line breaks), DEL,
/// zero-width spaces, byte-order marks, soft hyphens and bidirectional formatting marks.
///
/// Zero-width joiners (U+200C, U+200D) are kept: scripts such as Persian and emoji sequences need them.
struct InvisibleCharacterRemoval: CleaningStep {
    func isTrigger(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
            || byte == 0xC2 || byte == 0xE2 || byte == 0xEF
    }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        var end = index
        while end < bytes.count {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: end)
            guard Self.isInvisible(value) else { break }
            end += length
        }
        guard end > index else { return nil }
        edits.append(TextEdit(span: text.span(ofBytes: index..<end)))
        return end
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
