import TextMineCore

/// Normalises white space: one space between words, `\n` line breaks (from `\r\n`, `\r`, U+2028,
/// U+2029), at most one blank line between paragraphs, no spaces at line ends, no blank lines at
/// the start or end of the text.
///
/// A no-break space (U+00A0) or narrow no-break space (U+202F) is kept where French typography
/// puts one (after `«`, before `» ; : ! ?`) when `keepFrenchSpaces` is on; elsewhere it becomes a
/// plain space.
struct WhitespaceNormalisation: CleaningStep {
    var keepFrenchSpaces: Bool

    func isTrigger(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }

    var looksAtNextByte: Bool { true }

    /// A single space between two words needs no edit (unless it starts the text).
    func isTrigger(_ byte: UInt8, followedBy next: UInt8) -> Bool {
        isTrigger(byte) && !(byte == 0x20 && Self.isPlainCharacterLead(next))
    }

    func take(_ text: ScalarText, at start: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        if bytes[start] == 0x20, start > 0, start + 1 < bytes.count, Self.isPlainCharacterLead(bytes[start + 1]) { return nil }
        var index = start
        var newlines = 0
        var previousWasCR = false
        var noBreak: UInt32 = 0
        while index < bytes.count {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            if value == 0x0A {
                if !previousWasCR { newlines += 1 }
                previousWasCR = false
            } else if value == 0x0D || value == 0x2028 || value == 0x2029 {
                newlines += 1
                previousWasCR = value == 0x0D
            } else if UTF8Decoding.isHorizontalSpace(value) {
                if noBreak == 0 && (value == 0xA0 || value == 0x202F) { noBreak = value }
                previousWasCR = false
            } else {
                break
            }
            index += length
        }
        guard index > start else { return nil }  // a character that is not white space
        let replacement: String
        if start == 0 || index == bytes.count {
            replacement = ""
        } else if newlines >= 2 {
            replacement = "\n\n"
        } else if newlines == 1 {
            replacement = "\n"
        } else if keepFrenchSpaces, noBreak != 0, isFrenchSpacePosition(bytes, start: start, end: index) {
            replacement = String(Unicode.Scalar(noBreak)!)
        } else {
            replacement = " "
        }
        if !bytes[start..<index].elementsEqual(replacement.utf8) {
            edits.append(TextEdit(span: text.span(ofBytes: start..<index), replacement: replacement))
        }
        return index
    }

    /// Whether a byte starts a character that is surely not white space.
    @inline(__always)
    private static func isPlainCharacterLead(_ byte: UInt8) -> Bool {
        (byte > 0x20 && byte < 0x80) || byte == 0xC3 || byte == 0xC5
    }

    /// After `«`, or before `»`, `;`, `:`, `!`, `?`.
    private func isFrenchSpacePosition(_ bytes: [UInt8], start: Int, end: Int) -> Bool {
        if UTF8Decoding.scalar(in: bytes, before: start) == 0xAB { return true }
        switch UTF8Decoding.scalar(in: bytes, at: end).value {
        case 0xBB, 0x3B, 0x3A, 0x21, 0x3F: return true
        default: return false
        }
    }
}
