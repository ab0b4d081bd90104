/// Finds words in UTF-8 bytes: maximal runs of letters, digits, combining marks and `_` (what a
/// Unicode regular expression calls `\w`). Apostrophes, hyphens and all punctuation separate words,
/// so `l’équipage` gives `l` and `équipage`.
///
/// Works on bytes and never allocates: the summarizer, the keyword extractor and ROUGE call it in
/// their inner loops.
enum WordScanner {
    /// Calls `body` with the byte range of every word inside `range`.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var index = range.lowerBound
        var wordStart = -1
        while index < range.upperBound {
            let (isWord, width) = classify(bytes, at: index, limit: range.upperBound)
            if isWord {
                if wordStart < 0 { wordStart = index }
            } else if wordStart >= 0 {
                body(wordStart..<index)
                wordStart = -1
            }
            index += width
        }
        if wordStart >= 0 { body(wordStart..<range.upperBound) }
    }

    /// The next word at or after `index` and before `limit`, advancing `index` past it; nil when
    /// there is none. The closure-free form of ``forEachWord(in:range:_:)`` for hot loops.
    @inline(__always)
    static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, limit: Int) -> Range<Int>? {
        var start = -1
        while index < limit {
            let (isWord, width) = classify(bytes, at: index, limit: limit)
            if isWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                return start..<index
            }
            index += width
        }
        return start >= 0 ? start..<limit : nil
    }

    /// Whether the scalar starting at `index` is a word character, and its width in bytes.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (Bool, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (isASCIIWord(lead), 1) }
        let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: limit)
        return (isWordScalar(value), width)
    }

    /// Whether a non-ASCII scalar is a word character.
    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x250 { return latinWord[Int(value)] }
        return isWordScalarBeyondLatin(value)
    }

    /// ``isWordScalar(_:)`` from Unicode properties, kept out of line: the properties' types would
    /// otherwise be set up on every call of the hot loops that inline the Latin case.
    @inline(never)
    private static func isWordScalarBeyondLatin(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
            .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is a letter, and whether it is an upper-case one (tables below U+0250).
    @inline(__always)
    static func letterCase(_ value: UInt32) -> (isLetter: Bool, isUpper: Bool) {
        if value < 0x250 { return (latinLetter[Int(value)], latinUpperCase[Int(value)]) }
        return letterCaseBeyondLatin(value)
    }

    /// ``letterCase(_:)`` from Unicode properties, out of line (see ``isWordScalarBeyondLatin(_:)``).
    @inline(never)
    private static func letterCaseBeyondLatin(_ value: UInt32) -> (isLetter: Bool, isUpper: Bool) {
        guard let scalar = Unicode.Scalar(value) else { return (false, false) }
        return (scalar.properties.isAlphabetic, scalar.properties.isUppercase)
    }

    /// Letters among U+0000…U+024F.
    private static let latinLetter: [Bool] = (0..<0x250).map { Unicode.Scalar(UInt32($0))?.properties.isAlphabetic ?? false }
    /// Upper-case letters among U+0000…U+024F.
    private static let latinUpperCase: [Bool] = (0..<0x250).map { Unicode.Scalar(UInt32($0))?.properties.isUppercase ?? false }

    /// Whether an ASCII byte is a word character: a letter, a digit or `_`.
    @inline(__always)
    static func isASCIIWord(_ c: UInt8) -> Bool {
        c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c == 0x5F
    }

    /// Word characters among U+0000…U+024F (Latin scripts), from Unicode properties, built once.
    static let latinWord: [Bool] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        if value < 128 { return isASCIIWord(UInt8(value)) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}

/// Decoding of one UTF-8 scalar from a byte buffer.
enum UTF8Scalar {
    /// The scalar value starting at `index` and its width; malformed bytes decode as U+FFFD, width 1.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead >= 0xC0 && lead < 0xE0 && index + 1 < limit {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead >= 0xE0 && lead < 0xF0 && index + 2 < limit {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        if lead >= 0xF0 && index + 3 < limit {
            let value = ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }
}
