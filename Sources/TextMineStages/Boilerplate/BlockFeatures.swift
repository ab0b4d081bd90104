import TextMineCore

/// What the boilerplate classifier measures on a block (or a sentence) of text.
public struct BlockFeatures: Codable, Hashable, Sendable {
    /// Words (runs of letters and digits).
    public var words: Int
    /// Share of words that are stopwords of the article's language (nil when it has no stopword list).
    public var stopwordDensity: Double?
    /// The language whose stopwords are densest in the block, if at least two of them occur.
    public var language: LanguageCode?
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
    /// Characters that may end a sentence (terminal marks, line breaks): fewer than two, and the
    /// block cannot hold three sentences. Not part of the explanation.
    var sentenceMarks = 0

    private enum CodingKeys: String, CodingKey {
        case words, stopwordDensity, language, uppercaseRatio, punctuationRatio, endsLikeSentence, pattern, weakPattern,
            repeatsTitle, position
    }
}

extension BlockFeatures {
    /// Blocks with more words are content that may mention boilerplate words: patterns are not tried.
    static let strongPatternWords = 30

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

    /// Measures a block of UTF-8 `bytes[fullRange]`: one pass counts characters and stopwords;
    /// the block is folded for pattern and title matching only when it is short enough for them.
    static func measure(_ bytes: [UInt8], _ fullRange: Range<Int>, model: BoilerplateModel, articleLanguage: Int?,
                        title: [UInt8]?, position: Double) -> BlockFeatures {
        let range = sample(bytes, fullRange)
        let counts = BlockCounts(bytes, range, library: model.library)
        var profile = counts.profile
        if range.count < fullRange.count { profile.scale(by: Double(fullRange.count) / Double(max(1, range.count))) }
        // A block that repeats the title folds to at most 24 bytes more than the title, and each
        // word takes at least two bytes with its separator.
        let titleCandidate = title.map { !$0.isEmpty && profile.words <= ($0.count + 25) / 2 } ?? false
        let patternCandidate = profile.words <= strongPatternWords
        var pattern: String?
        var weakPattern: String?
        var repeatsTitle = false
        if patternCandidate || titleCandidate {
            var folded: [UInt8] = []
            TextFolding.fold(bytes, range, into: &folded)
            if patternCandidate, let match = model.patterns.firstMatch(folded: folded) {
                if match.pattern.anchoredAtStart || profile.words <= 12 { pattern = match.label } else { weakPattern = match.label }
            }
            if titleCandidate, let title, folded.count <= title.count + 24 {
                repeatsTitle = folded.starts(with: title)
            }
        }
        let ending = Self.ending(bytes, fullRange)
        return BlockFeatures(
            words: profile.words,
            stopwordDensity: articleLanguage.map { profile.density($0) },
            language: profile.bestLanguage.map { model.library.languages[$0] },
            uppercaseRatio: counts.letters == 0 ? 0 : Double(counts.capitals) / Double(counts.letters),
            punctuationRatio: counts.visible == 0 ? 0 : Double(counts.punctuation) / Double(counts.visible),
            endsLikeSentence: ending.likeSentence,
            pattern: pattern,
            weakPattern: weakPattern,
            repeatsTitle: repeatsTitle,
            position: position,
            sentenceMarks: counts.sentenceMarks)
    }

    private static func isSentenceEnd(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x21 || value == 0x3F || value == 0x2026
    }

    private static func isClosingQuote(_ value: UInt32) -> Bool {
        value == 0xBB || value == 0x22 || value == 0x27 || value == 0x201D || value == 0x2019 || value == 0x29
    }
}
