/// Word statistics of a piece of text against the stopword lists of every language: how many words
/// it has and how many of them are stopwords of each language.
struct StopwordProfile {
    /// Words (runs of letters) in the text.
    var words = 0
    /// Stopword hits per language, in ``PackLibrary/languages`` order.
    var hits: [Int]

    /// Counts the words of folded text.
    init(folded text: [UInt8], library: PackLibrary) {
        var hits = Array(repeating: 0, count: library.languages.count)
        var words = 0
        let table = library.stopwords
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                while index < count, !Self.isWordByte(bytes, index) { index += 1 }
                let start = index
                while index < count, Self.isWordByte(bytes, index) { index += 1 }
                guard index > start else { continue }
                words += 1
                var bits = table.bits(bytes, start..<index)
                while bits != 0 {
                    hits[bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
        }
        self.words = words
        self.hits = hits
    }

    /// Whether the byte belongs to a word: ASCII letters and digits, and every byte of a non-ASCII
    /// letter (Latin, Greek, Cyrillic… start with a lead byte 0xC3–0xDF and need a decode only
    /// beyond; punctuation such as `«` or `’` is not a letter).
    @inline(__always)
    private static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) }
        if byte >= 0xC3 && byte <= 0xDF { return true }
        if byte & 0xC0 == 0x80 {  // continuation: belongs with its lead
            var lead = index
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            return lead != index && isLeadOfLetter(bytes, lead)
        }
        return isLeadOfLetter(bytes, index)
    }

    @inline(__always)
    private static func isLeadOfLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= 0xC3 && byte <= 0xDF { return true }
        if byte < 0xC0 { return false }
        var value = UInt32(byte & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F))
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] & 0xC0 == 0x80 {
            value = (value << 6) | UInt32(bytes[cursor] & 0x3F)
            cursor += 1
        }
        return UTF8Decoding.isLetter(value)
    }

    /// Scales the counts, for a profile measured on a sample of a longer text.
    mutating func scale(by factor: Double) {
        words = Int(Double(words) * factor)
        hits = hits.map { Int(Double($0) * factor) }
    }

    /// The share of words that are stopwords of the language at `index`.
    func density(_ index: Int) -> Double { words == 0 ? 0 : Double(hits[index]) / Double(words) }

    /// The language with the highest stopword density, if any word is a stopword.
    var bestLanguage: Int? {
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] }), hits[best] > 0 else { return nil }
        return best
    }
}
