import TextMineCore

/// An article's words with what key-phrase extraction needs to know about each, read in one pass
/// over the UTF-8 bytes.
struct KeywordText {
    /// The words in text order.
    let words: [KeywordWord]
    /// The number of sentences.
    let sentenceCount: Int

    /// Reads the words of `sentences` (the whole text as one sentence when there are none). Throws
    /// for a text of more than 4 GiB (see ``KeywordWord/maxTextBytes``).
    init(text: ScalarText, sentences: [Span], stopwords: StopwordList, normalizer: TermNormalizer) throws {
        guard text.utf8.count <= KeywordWord.maxTextBytes else {
            throw StageError("the text has \(text.utf8.count) bytes: keywords reads articles of up to 4 GiB")
        }
        let spans = sentences.isEmpty ? [Span(start: 0, end: text.scalarCount)] : sentences
        let connectors = Self.connectorKeys, longestConnector = Self.longestConnector
        var words: [KeywordWord] = []
        words.reserveCapacity(text.utf8.count / 5 + 8)
        text.utf8.withUnsafeBufferPointer { bytes in
            for (sentence, span) in spans.enumerated() {
                let sentenceBytes = text.byteRange(of: span)
                var index = sentenceBytes.lowerBound
                var previousEnd = -1
                while let (range, word) = normalizer.nextWord(in: bytes, from: &index, limit: sentenceBytes.upperBound) {
                    let isStopword = stopwords.contains(word)
                    // A hyphenated compound (`États-Unis`, `porte-parole`) is one word.
                    if previousEnd >= 0 && range.lowerBound == previousEnd + 1 && bytes[previousEnd] == 0x2D {
                        let last = words.count - 1
                        words[last].bytes = words[last].bytes.lowerBound..<range.upperBound
                        words[last].key = words[last].key &* 0x100_0000_01B3 ^ word.key
                        words[last].isStopword = words[last].isStopword && isStopword
                        words[last].isContent = !words[last].isStopword && !word.isNumber
                        words[last].isConnector = false
                        words[last].isAcronym = words[last].isAcronym && word.isAcronym
                        previousEnd = range.upperBound
                        continue
                    }
                    let joins = previousEnd >= 0 && Self.onlySpacesOrApostrophe(bytes, previousEnd..<range.lowerBound)
                    words.append(KeywordWord(
                        bytes: range, key: word.key, sentence: sentence, isStopword: isStopword,
                        isContent: !isStopword && !word.isNumber && word.length >= 2,
                        isConnector: word.length <= longestConnector && connectors.existingID(for: word.wordKey) != nil,
                        startsUpper: word.startsUpper, isAcronym: word.isAcronym,
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
    private static let connectorWords = ["de", "du", "des", "d", "l", "la", "of", "the", "for"]
    private static let connectorKeys: TermTable = {
        let normalizer = TermNormalizer()
        var keys = TermTable(capacity: 16)
        for word in connectorWords { _ = keys.id(for: normalizer.normalize(word).wordKey) }
        return keys
    }()
    /// The most normalised bytes in a connector: longer words need no look-up.
    private static let longestConnector = connectorWords.map(\.utf8.count).max() ?? 0

    /// Whether the bytes between two words are only spaces, or an apostrophe (`l’`, `d'`).
    @inline(__always)
    private static func onlySpacesOrApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        if gap.count == 1 && (bytes[gap.lowerBound] == 0x20 || bytes[gap.lowerBound] == 0x27) { return true }
        // ’ is E2 80 99; a no-break space is C2 A0.
        if gap.count == 3 && bytes[gap.lowerBound] == 0xE2 && bytes[gap.lowerBound + 1] == 0x80
            && bytes[gap.lowerBound + 2] == 0x99 { return true }
        return gap.allSatisfy { bytes[$0] == 0x20 } || (gap.count == 2 && bytes[gap.lowerBound] == 0xC2 && bytes[gap.lowerBound + 1] == 0xA0)
    }
}
