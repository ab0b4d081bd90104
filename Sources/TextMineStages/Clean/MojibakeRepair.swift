import TextMineCore

/// Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 on its way to us: `Ã©` → `é`,
/// `â€™` → `’`, `Â«` → `«`.
///
/// A repair needs a whole, valid UTF-8 sequence: a lead character (`Â`…`ô`) followed by as many
/// characters as continuation bytes, each of which reads as a byte 0x80–0xBF. Correct French or
/// English text practically never contains such runs; the one common exception, an accented
/// letter before a no-break space and a guillemet (`é\u{A0}»`), is excluded.
struct MojibakeRepair: CleaningStep {
    func isTrigger(_ byte: UInt8) -> Bool { byte == 0xC3 }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        // Leads Â (U+00C2) to ô (U+00F4) are encoded C3 82…C3 B4 in UTF-8, and a continuation
        // (a character of Windows-1252's upper half) follows: an accented letter before ASCII is no lead.
        guard index + 2 < bytes.count, bytes[index + 2] >= 0x80 else { return nil }
        let lead = 0xC0 | (bytes[index + 1] & 0x3F)
        let continuations: Int
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0...0xEF: continuations = 2
        case 0xF0...0xF4: continuations = 3
        default: return nil
        }
        var cursor = index + 2
        var decoded = UInt32(lead) & (continuations == 1 ? 0x1F : continuations == 2 ? 0x0F : 0x07)
        for _ in 0..<continuations {
            guard cursor < bytes.count else { return nil }
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            guard let byte = Self.windows1252Byte(of: value), byte & 0xC0 == 0x80,
                continuations == 1 || !Self.isFrenchPunctuation(value)
            else { return nil }
            decoded = (decoded << 6) | UInt32(byte & 0x3F)
            cursor += length
        }
        let minimum: UInt32 = continuations == 1 ? 0x80 : continuations == 2 ? 0x800 : 0x10000
        guard decoded >= minimum, let scalar = Unicode.Scalar(decoded) else { return nil }
        edits.append(TextEdit(span: text.span(ofBytes: index..<cursor), replacement: String(scalar)))
        return cursor
    }

    /// No-break spaces and guillemets follow accented letters in correct French (`possibilité »`),
    /// so they never count as continuation bytes of a three- or four-byte sequence.
    @inline(__always)
    static func isFrenchPunctuation(_ value: UInt32) -> Bool {
        value == 0xA0 || value == 0xAB || value == 0xBB
    }

    /// The Windows-1252 byte a scalar is the decoding of, if any (Latin-1 for 0x80–0xFF, which also
    /// covers text decoded as ISO-8859-1).
    @inline(__always)
    static func windows1252Byte(of value: UInt32) -> UInt8? {
        if value >= 0x80 && value <= 0xFF { return UInt8(value) }
        switch value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }
}
