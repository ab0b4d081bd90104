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
    /// The boilerplate pattern category that matched as strong evidence, if any (`share`,
    /// `comments`…): a pattern anchored at the start of a block of at most 30 words, or any
    /// pattern in a block of at most 12 words.
    public var pattern: String?
    /// A pattern category that matched inside a longer block: weak evidence, since content may
    /// mention such words.
    public var weakPattern: String?
    /// Whether the block repeats the article's title.
    public var repeatsTitle: Bool
    /// Where the block is, from 0 (first) to 1 (last).
    public var position: Double
}

extension BlockFeatures {
    /// Blocks with more words are content that may mention boilerplate words: patterns are not tried.
    static let strongPatternWords = 30

    /// Measures a block of raw UTF-8 `bytes[range]` whose folding is `folded`.
    /// Long blocks are measured on their first bytes (counts are scaled up), so that a block of
    /// megabytes costs no more than a page.
    static let sampleBytes = 32_768

    /// The prefix of a block that features are measured on, cut at a scalar boundary.
    static func sample(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        guard range.count > sampleBytes else { return range }
        var end = range.lowerBound + sampleBytes
        while end > range.lowerBound, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return range.lowerBound..<end
    }

    /// How a block ends: like a sentence (`.`, `!`, `?`, `…`, possibly before a closing quote or
    /// bracket, or a closing guillemet), and whether it ends with terminal punctuation proper.
    static func ending(_ bytes: [UInt8], _ range: Range<Int>) -> (likeSentence: Bool, punctuated: Bool) {
        var cursor = range.upperBound
        var last: UInt32 = 0
        var beforeLast: UInt32 = 0
        var seen = 0
        while cursor > range.lowerBound, seen < 2 {
            let start = UTF8Decoding.previousScalarStart(in: bytes, before: cursor)
            let value = UTF8Decoding.scalar(in: bytes, at: start).value
            cursor = start
            if UTF8Decoding.isHorizontalSpace(value) || value == 0x0A { continue }
            if seen == 0 { last = value } else { beforeLast = value }
            seen += 1
        }
        let punctuated = isSentenceEnd(last)
        let quoted = isClosingQuote(last) && (isSentenceEnd(beforeLast) || last == 0xBB)
        return (punctuated || quoted, punctuated)
    }

    static func measure(_ bytes: [UInt8], _ fullRange: Range<Int>, folded: [UInt8], model: BoilerplateModel,
                        articleLanguage: Int?, title: [UInt8]?, position: Double, patterns: Bool) -> BlockFeatures {
        let range = sample(bytes, fullRange)
        var letters = 0
        var capitals = 0
        var punctuation = 0
        var visible = 0
        var index = range.lowerBound
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
        }
        var profile = StopwordProfile(folded: folded, library: model.library)
        if range.count < fullRange.count { profile.scale(by: Double(fullRange.count) / Double(max(1, range.count))) }
        let ending = Self.ending(bytes, fullRange)
        var pattern: String?
        var weakPattern: String?
        if patterns, profile.words <= strongPatternWords, let match = model.patterns.firstMatch(folded: folded) {
            if match.pattern.anchoredAtStart || profile.words <= 12 { pattern = match.label } else { weakPattern = match.label }
        }
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
            endsLikeSentence: ending.likeSentence,
            pattern: pattern,
            weakPattern: weakPattern,
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
