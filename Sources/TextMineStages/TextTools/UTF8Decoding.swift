/// Decoding helpers for scanning UTF-8 bytes without building `String`s.
enum UTF8Decoding {
    /// The scalar starting at `index` and its length in bytes (1 for a stray continuation byte).
    @inline(__always)
    static func scalar(in bytes: [UInt8], at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let count = bytes.count
        if lead & 0xE0 == 0xC0, index + 1 < count {
            return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead & 0xF0 == 0xE0, index + 2 < count {
            return ((UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if lead & 0xF8 == 0xF0, index + 3 < count {
            return ((UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
        }
        return (UInt32(lead), 1)
    }

    /// The start of the scalar that ends just before `index` (index > 0).
    @inline(__always)
    static func previousScalarStart(in bytes: [UInt8], before index: Int) -> Int {
        var i = index - 1
        while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// The scalar that ends just before `index`, or nil at the start.
    @inline(__always)
    static func scalar(in bytes: [UInt8], before index: Int) -> UInt32? {
        guard index > 0 else { return nil }
        return scalar(in: bytes, at: previousScalarStart(in: bytes, before: index)).value
    }

    /// Whether a scalar is a letter, judged cheaply: ASCII letters, and every non-ASCII scalar
    /// that Unicode calls alphabetic.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }  // Latin-1 and Extended-A/B
        if (value >= 0x80 && value < 0xC0 && value != 0xAA && value != 0xB5 && value != 0xBA)
            || (value >= 0x2000 && value <= 0x206F)
        {
            return false  // Latin-1 symbols (« » NBSP) and general punctuation (’ – …)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// Whether a scalar is a lowercase letter.
    @inline(__always)
    static func isLowercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value >= 0xDF && value <= 0xFF { return value != 0xF7 }
        if value >= 0x80 && value < 0xDF { return value == 0xAA || value == 0xB5 || value == 0xBA }
        return beyondLatin1(value, \.isLowercase)
    }

    /// Whether a scalar is an uppercase letter.
    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0xC0 && value <= 0xDE { return value != 0xD7 }
        if value >= 0x80 && value <= 0xFF { return false }  // Latin-1 symbols and lowercase letters
        return beyondLatin1(value, \.isUppercase)
    }

    /// A Unicode property of a scalar past Latin-1: false for general punctuation (’ – …), which
    /// word scanners meet most, without looking the property up.
    @inline(__always)
    private static func beyondLatin1(_ value: UInt32, _ property: (Unicode.Scalar.Properties) -> Bool) -> Bool {
        if value >= 0x2000 && value <= 0x206F { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return property(scalar.properties)
    }

    /// Whether a scalar is a digit 0-9.
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Whether a scalar is horizontal white space (space, tab, NBSP and the other `Zs` spaces).
    @inline(__always)
    static func isHorizontalSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
