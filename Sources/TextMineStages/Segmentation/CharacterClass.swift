/// What the segmentation scanners need to know about one Unicode scalar, as bit flags.
///
/// Looked up in a table built once for the Basic Multilingual Plane (see ``CharacterClass/of(_:)``),
/// so scanning a scalar costs one UTF-8 decode and one array read.
struct CharacterClass: OptionSet, Sendable {
    let rawValue: UInt32

    /// A letter (general category L*).
    static let letter = CharacterClass(rawValue: 1 << 0)
    /// An upper- or title-case letter.
    static let upper = CharacterClass(rawValue: 1 << 1)
    /// A lower-case letter.
    static let lower = CharacterClass(rawValue: 1 << 2)
    /// A decimal digit (Nd).
    static let digit = CharacterClass(rawValue: 1 << 3)
    /// A combining mark (M*).
    static let mark = CharacterClass(rawValue: 1 << 4)
    /// Horizontal white space, including tab and carriage return.
    static let space = CharacterClass(rawValue: 1 << 5)
    /// A line break: line feed, U+0085, U+2028, U+2029.
    static let newline = CharacterClass(rawValue: 1 << 6)
    /// Punctuation (P*).
    static let punct = CharacterClass(rawValue: 1 << 7)
    /// A symbol (S*), or anything else that is neither a word character, white space nor punctuation.
    static let symbol = CharacterClass(rawValue: 1 << 8)
    /// Ends a sentence: `.`, `!`, `?`, `…`, `‽`, `。`, `！`, `？`.
    static let terminal = CharacterClass(rawValue: 1 << 9)
    /// Opens a quotation or bracket (Ps, Pi): `(`, `[`, `«`, `“`, `„`.
    static let opening = CharacterClass(rawValue: 1 << 10)
    /// Closes a quotation or bracket (Pe, Pf): `)`, `]`, `»`, `”`, `’`.
    static let closing = CharacterClass(rawValue: 1 << 11)
    /// An apostrophe: `'`, `’`, `ʼ`.
    static let apostrophe = CharacterClass(rawValue: 1 << 12)
    /// A hyphen that joins compounds: `-`, U+2010, U+2011.
    static let hyphen = CharacterClass(rawValue: 1 << 13)
    /// A dash that may open a sentence or a dialogue line: `–`, `—`, `―`.
    static let dash = CharacterClass(rawValue: 1 << 14)
    /// A quote that can open or close: `"` and `'`.
    static let straightQuote = CharacterClass(rawValue: 1 << 15)
    /// A space that may separate groups of thousands: space, no-break, narrow no-break, thin, figure.
    static let groupSeparator = CharacterClass(rawValue: 1 << 16)

    /// Letters, digits and marks: what words are made of.
    static let wordCharacter: CharacterClass = [.letter, .digit, .mark]
    /// Any white space.
    static let whitespace: CharacterClass = [.space, .newline]

    /// The class of a scalar value.
    @inline(__always)
    static func of(_ value: UInt32) -> CharacterClass {
        value < 0x10000 ? basicPlane[Int(value)] : classify(value)
    }

    /// Classes of U+0000…U+FFFF, built on first use.
    static let basicPlane: [CharacterClass] = (0..<0x10000).map { classify(UInt32($0)) }

    /// Classifies a scalar from its Unicode properties (slow; the table caches it).
    static func classify(_ value: UInt32) -> CharacterClass {
        guard let scalar = Unicode.Scalar(value) else { return .symbol }
        var result: CharacterClass = []
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: result = [.letter, .upper]
        case .lowercaseLetter: result = [.letter, .lower]
        case .modifierLetter, .otherLetter: result = .letter
        case .nonspacingMark, .spacingMark, .enclosingMark: result = .mark
        case .decimalNumber: result = .digit
        case .spaceSeparator: result = .space
        case .lineSeparator, .paragraphSeparator: result = .newline
        case .openPunctuation, .initialPunctuation: result = [.punct, .opening]
        case .closePunctuation, .finalPunctuation: result = [.punct, .closing]
        case .connectorPunctuation, .dashPunctuation, .otherPunctuation: result = .punct
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .letterNumber, .otherNumber:
            result = .symbol
        case .control:
            switch value {
            case 0x0A, 0x0B, 0x0C, 0x85: result = .newline
            case 0x09, 0x0D: result = .space
            default: result = .symbol
            }
        default: result = .symbol
        }
        switch value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x203D, 0x2047, 0x2048, 0x2049, 0x3002, 0xFF01, 0xFF1F:
            result.insert(.terminal)
        case 0x27, 0x2019, 0x02BC:
            result.insert(.apostrophe)
            if value == 0x27 { result.insert(.straightQuote) }
            if value == 0x02BC { result = [.apostrophe, .punct] }
        case 0x22: result.insert(.straightQuote)
        case 0xA1, 0xBF: result.insert(.opening)  // ¡ ¿ open Spanish sentences
        case 0x2D, 0x2010, 0x2011: result.insert(.hyphen)
        case 0x2013, 0x2014, 0x2015: result.insert(.dash)
        case 0x25, 0x23, 0x26, 0x40, 0x2030: result = .symbol  // % # & @ ‰ read as symbols, as users expect
        default: break
        }
        switch value {
        case 0x20, 0xA0, 0x202F, 0x2009, 0x2007: result.insert(.groupSeparator)
        default: break
        }
        return result
    }
}

/// Reading UTF-8 bytes that are known to be valid (they come from a Swift `String`).
extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar value starting at byte `index` and its length in bytes.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(self[index])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12 | UInt32(self[index + 2] & 0x3F) << 6
            | UInt32(self[index + 3] & 0x3F), 4)
    }

    /// The class of the scalar starting at byte `index` and its length in bytes.
    @inline(__always)
    func characterClass(at index: Int) -> (CharacterClass, Int) {
        let b0 = self[index]
        if b0 < 0x80 { return (CharacterClass.basicPlane[Int(b0)], 1) }
        let (value, length) = scalar(at: index)
        return (CharacterClass.of(value), length)
    }

    /// The byte offset where the scalar ending just before `index` starts.
    @inline(__always)
    func scalarStart(before index: Int) -> Int {
        var i = index - 1
        while i > 0 && self[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}
