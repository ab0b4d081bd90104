/// Case and accent folding of single Unicode scalars, without allocation, for the scripts that
/// matter to French and English news (Latin with diacritics, Greek and Cyrillic capitals).
enum ScalarFolding {
    /// The lowercase form of a scalar (identity for scalars that have none here).
    @inline(__always)
    static func lower(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x41...0x5A: return s + 0x20
        case 0xC0...0xDE where s != 0xD7: return s + 0x20
        case 0x100...0x137 where s & 1 == 0, 0x14A...0x177 where s & 1 == 0: return s + 1
        case 0x139...0x148 where s & 1 == 1, 0x179...0x17E where s & 1 == 1: return s + 1
        case 0x178: return 0xFF
        case 0x391...0x3A9: return s + 0x20
        case 0x410...0x42F: return s + 0x20
        case 0x400...0x40F: return s + 0x50
        default: return s
        }
    }

    /// Whether a scalar is an uppercase letter.
    @inline(__always)
    static func isUpper(_ s: UInt32) -> Bool {
        lower(s) != s
    }

    /// Whether a scalar is a letter (an approximation good for Latin, Greek and Cyrillic text).
    @inline(__always)
    static func isLetter(_ s: UInt32) -> Bool {
        switch s {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0x24F where s != 0xD7 && s != 0xF7: return true
        case 0x370...0x3FF, 0x400...0x4FF: return true
        case 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// Whether a scalar is an ASCII digit.
    @inline(__always)
    static func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }

    /// The lowercase form of a scalar with its diacritics removed (`É` → `e`), and curly apostrophes
    /// mapped to `'`. Ligatures fold to their first letter (`œ` → `o`); the hash of a folded word is
    /// only used to compare words, never shown.
    @inline(__always)
    static func fold(_ s: UInt32) -> UInt32 {
        if s < 0x80 {
            if s &- 0x41 < 26 { return s | 0x20 }
            return s == 0x60 ? 0x27 : s
        }
        return foldNonASCII(s)
    }

    /// ``fold(_:)`` beyond ASCII.
    private static func foldNonASCII(_ s: UInt32) -> UInt32 {
        let l = lower(s)
        if l < 0xE0 {
            if l == 0x2019 || l == 0x2018 || l == 0xB4 || l == 0x60 { return 0x27 }
            return l
        }
        switch l {
        case 0xE0...0xE5: return 0x61  // à á â ã ä å
        case 0xE6: return 0x61  // æ
        case 0xE7: return 0x63  // ç
        case 0xE8...0xEB: return 0x65  // è é ê ë
        case 0xEC...0xEF: return 0x69  // ì í î ï
        case 0xF1: return 0x6E  // ñ
        case 0xF2...0xF6, 0xF8: return 0x6F  // ò ó ô õ ö ø
        case 0xF9...0xFC: return 0x75  // ù ú û ü
        case 0xFD, 0xFF: return 0x79  // ý ÿ
        case 0x153: return 0x6F  // œ
        case 0x2019, 0x2018: return 0x27
        case 0x101, 0x103, 0x105: return 0x61
        case 0x107, 0x109, 0x10B, 0x10D: return 0x63
        case 0x113, 0x115, 0x117, 0x119, 0x11B: return 0x65
        case 0x12B, 0x12D, 0x12F, 0x131: return 0x69
        case 0x142: return 0x6C
        case 0x144, 0x146, 0x148: return 0x6E
        case 0x14D, 0x14F, 0x151: return 0x6F
        case 0x159: return 0x72
        case 0x15B, 0x15D, 0x15F, 0x161: return 0x73
        case 0x163, 0x165: return 0x74
        case 0x16B, 0x16D, 0x16F, 0x171, 0x173: return 0x75
        case 0x17A, 0x17C, 0x17E: return 0x7A
        default: return l
        }
    }
}

/// Iterates the Unicode scalars of a UTF-8 byte range without building a `String`.
struct UTF8ScalarIterator: IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    /// The next scalar value; invalid sequences yield U+FFFD one byte at a time.
    @inline(__always)
    mutating func next() -> UInt32? {
        guard index < end else { return nil }
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 {
            index += 1
            return b0
        }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else {
            index += 1
            return 0xFFFD
        }
        var value = b0 & (0xFF >> UInt32(length + 1))
        for k in 1..<length { value = (value << 6) | (UInt32(bytes[index + k]) & 0x3F) }
        index += length
        return value
    }
}
