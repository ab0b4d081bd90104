import TextMineCore

/// An article's words with what key-phrase extraction needs to know about each, read in one pass
/// over the UTF-8 bytes.
struct KeywordText {
    /// The words in text order.
    let words: [KeywordWord]
    /// The number of sentences.
    let sentenceCount: Int

    /// Reads the words of `sentences` (the whole text as one sentence when there are none).
    init(text: ScalarText, sentences: [Span], stopwords: StopwordList, normalizer: TermNormalizer) {
        let spans = sentences.isEmpty ? [Span(start: 0, end: text.scalarCount)] : sentences
        var words: [KeywordWord] = []
        var buffer: [UInt8] = []
        text.utf8.withUnsafeBufferPointer { bytes in
            for (sentence, span) in spans.enumerated() {
                var previousEnd = -1
                WordScanner.forEachWord(in: bytes, range: text.byteRange(of: span)) { range in
                    let word = normalizer.normalize(bytes, range, into: &buffer)
                    let isStopword = stopwords.contains(word)
                    let letters = buffer.count
                    // A hyphenated compound (`États-Unis`, `porte-parole`) is one word.
                    if previousEnd >= 0 && range.lowerBound == previousEnd + 1 && bytes[previousEnd] == 0x2D {
                        var compound = words[words.count - 1]
                        compound.bytes = compound.bytes.lowerBound..<range.upperBound
                        compound.key = compound.key &* 0x100_0000_01B3 ^ word.key
                        compound.isStopword = compound.isStopword && isStopword
                        compound.isContent = !compound.isStopword && !word.isNumber
                        compound.isConnector = false
                        compound.isAcronym = compound.isAcronym && Self.isAcronym(bytes, range)
                        words[words.count - 1] = compound
                        previousEnd = range.upperBound
                        return
                    }
                    let joins = previousEnd >= 0 && Self.onlySpacesOrApostrophe(bytes, previousEnd..<range.lowerBound)
                    words.append(KeywordWord(
                        bytes: range, key: word.key, sentence: sentence, isStopword: isStopword,
                        isContent: !isStopword && !word.isNumber && letters >= 2,
                        isConnector: Self.connectorKeys.existingID(for: word.wordKey) != nil,
                        startsUpper: word.startsUpper, isAcronym: Self.isAcronym(bytes, range),
                        isSentenceStart: previousEnd < 0, joinsPrevious: joins))
                    previousEnd = range.upperBound
                }
            }
        }
        self.words = words
        self.sentenceCount = spans.count
    }

    /// Words that may link content words inside a phrase: `garanties de sécurité`,
    /// `ministère de l’Intérieur`, `Department of State`.
    private static let connectorKeys: TermTable = {
        let normalizer = TermNormalizer()
        var keys = TermTable(capacity: 16)
        for word in ["de", "du", "des", "d", "l", "la", "of", "the", "for"] { _ = keys.id(for: normalizer.normalize(word).wordKey) }
        return keys
    }()

    /// Whether the bytes between two words are only spaces, or an apostrophe (`l’`, `d'`).
    private static func onlySpacesOrApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        if gap.count == 1 && (bytes[gap.lowerBound] == 0x20 || bytes[gap.lowerBound] == 0x27) { return true }
        // ’ is E2 80 99; a no-break space is C2 A0.
        if gap.count == 3 && bytes[gap.lowerBound] == 0xE2 && bytes[gap.lowerBound + 1] == 0x80
            && bytes[gap.lowerBound + 2] == 0x99 { return true }
        return gap.allSatisfy { bytes[$0] == 0x20 } || (gap.count == 2 && bytes[gap.lowerBound] == 0xC2 && bytes[gap.lowerBound + 1] == 0xA0)
    }

    /// Whether a word of two letters or more is all ASCII capitals or digits, with a capital.
    private static func isAcronym(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        var hasCapital = false
        for index in range {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { hasCapital = true } else if byte < 0x30 || byte > 0x39 { return false }
        }
        return hasCapital
    }
}
