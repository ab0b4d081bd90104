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

    /// Whether the scalar starting at `index` is a word character, and its width in bytes.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (Bool, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (asciiWord[Int(lead)], 1) }
        let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: limit)
        return (isWordScalar(value), width)
    }

    /// Whether a non-ASCII scalar is a word character.
    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x250 { return latinWord[Int(value)] }
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

    /// ASCII word characters: letters, digits and `_`.
    private static let asciiWord: [Bool] = (0..<128).map { byte in
        let c = UInt8(byte)
        return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// Word characters among U+0000…U+024F (Latin scripts), from Unicode properties, built once.
    private static let latinWord: [Bool] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        if value < 128 { return asciiWord[value] }
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
