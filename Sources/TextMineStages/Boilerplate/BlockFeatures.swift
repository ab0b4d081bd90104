/// What the boilerplate classifier measures on a block (or a sentence) of text.
public struct BlockFeatures: Codable, Hashable, Sendable {
    /// Words (runs of letters and digits).
    public var words: Int
    /// Share of words that are stopwords of the article's language (nil when it has no stopword list).
    public var stopwordDensity: Double?
    /// The language whose stopwords are densest in the block, if any stopword occurs.
    public var language: String?
    /// Share of letters that are capitals.
    public var uppercaseRatio: Double
    /// Share of non-space characters that are neither letters nor digits.
    public var punctuationRatio: Double
    /// Whether the block ends like a sentence (`.`, `!`, `?`, `…`, optionally before a closing quote).
    public var endsLikeSentence: Bool
    /// The boilerplate pattern category that matched, if any (`share`, `comments`…).
    public var pattern: String?
    /// Whether the block repeats the article's title.
    public var repeatsTitle: Bool
    /// Where the block is, from 0 (first) to 1 (last).
    public var position: Double
}

extension BlockFeatures {
    /// Measures a block of raw UTF-8 `bytes[range]` whose folding is `folded`.
    static func measure(_ bytes: [UInt8], _ range: Range<Int>, folded: [UInt8], model: BoilerplateModel,
                        articleLanguage: Int?, title: [UInt8]?, position: Double, patterns: Bool) -> BlockFeatures {
        var letters = 0
        var capitals = 0
        var punctuation = 0
        var visible = 0
        var index = range.lowerBound
        var lastVisible: UInt32 = 0
        var beforeLast: UInt32 = 0
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte > 0x20 {
                    visible += 1
                    if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                        letters += 1
                        if byte < 0x60 { capitals += 1 }
                    } else if byte < 0x30 || byte > 0x39 {
                        punctuation += 1
                    }
                    beforeLast = lastVisible
                    lastVisible = UInt32(byte)
                }
                index += 1
                continue
            }
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            index += length
            if UTF8Decoding.isHorizontalSpace(value) { continue }
            visible += 1
            if UTF8Decoding.isLetter(value) {
                letters += 1
                if UTF8Decoding.isUppercase(value) { capitals += 1 }
            } else {
                punctuation += 1
            }
            beforeLast = lastVisible
            lastVisible = value
        }
        let profile = StopwordProfile(folded: folded, library: model.library)
        var endsLikeSentence = Self.isSentenceEnd(lastVisible)
        if !endsLikeSentence, Self.isClosingQuote(lastVisible) { endsLikeSentence = Self.isSentenceEnd(beforeLast) || lastVisible == 0xBB }
        var repeatsTitle = false
        if let title, !title.isEmpty, folded.count <= title.count + 24 {
            repeatsTitle = folded.starts(with: title) || folded == title
        }
        return BlockFeatures(
            words: profile.words,
            stopwordDensity: articleLanguage.map { profile.density($0) },
            language: profile.bestLanguage.map { model.library.languages[$0] },
            uppercaseRatio: letters == 0 ? 0 : Double(capitals) / Double(letters),
            punctuationRatio: visible == 0 ? 0 : Double(punctuation) / Double(visible),
            endsLikeSentence: endsLikeSentence,
            pattern: patterns ? model.patterns.firstMatch(folded: folded)?.label : nil,
            repeatsTitle: repeatsTitle,
            position: position)
    }

    private static func isSentenceEnd(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x21 || value == 0x3F || value == 0x2026
    }

    private static func isClosingQuote(_ value: UInt32) -> Bool {
        value == 0xBB || value == 0x22 || value == 0x27 || value == 0x201D || value == 0x2019 || value == 0x29
    }
}
