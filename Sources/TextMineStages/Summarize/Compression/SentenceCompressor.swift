import TextMineCore

/// Extractive sentence compression: finds the parts of a selected sentence that a summary can
/// leave out without breaking the sentence, and that say little about the article.
///
/// A part is a *candidate* by its shape, read from the sentence's punctuation (commas outside
/// quotations and parentheses):
/// - ``Reason/parenthesis``: an aside in parentheses (`Le PCD (Parti chrétien-démocrate) a …`);
/// - ``Reason/opening``: the clause before the first comma when it opens with a preposition, a
///   day or an attribution (`Selon Le Parisien, …`, `Mardi soir, …`, `Interrogé par l'AFP, …`)
///   and what follows does not lean on it (no pronoun or connective opening);
/// - ``Reason/closing``: the clause after the last comma, up to the final full stop, when at least
///   ``minKeptWords`` words stay before it, no quotation ends there and it does not end an
///   enumeration (`…, a-t-il déclaré.`, `…, selon l'AFP.`, `…, qui avait été reportée.`);
/// - ``Reason/inserted``: a clause between two commas that is not an item of an enumeration
///   (`Jean Dupont, 45 ans, a …`, `La loi, votée en mai, …`).
///
/// A candidate is cut only when it is *peripheral*: at most ``maxWords`` words, none of its
/// content words (longer than three letters, not a stopword) in the title, fewer than half of
/// them found in another sentence of the article, and, with a learned ranker, no word whose
/// lexicon weight exceeds ``lexiconCeiling`` (words that abstracts keep: `révélé`, `condamné`).
/// The thresholds were chosen on a held-out slice of OrangeSum's training split
/// (docs/stages/summarize.md). Opening, closing and inserted
/// clauses need the language's word lists (``CompressionWords``); other languages only lose
/// parentheses.
struct SentenceCompressor: Sendable {
    /// Why a part was cut (the cut's `reason` in the output).
    enum Reason: String, Sendable {
        case parenthesis, opening, closing, inserted
    }

    /// A part to cut: UTF-8 byte offsets into the article's text.
    struct Cut: Equatable, Sendable {
        var bytes: Range<Int>
        var reason: Reason
    }

    /// The most words a cut part may have.
    static let maxWords = 12
    /// The fewest words a sentence keeps before a closing clause it loses.
    static let minKeptWords = 8
    /// Before a clause between commas that precedes the last clause: fewer words are a subject…
    static let subjectWords = 4
    /// …and at least this many a whole clause.
    static let clauseWords = 10
    /// The highest lexicon weight (log-odds of an oracle sentence) a word of a cut part may have.
    static let lexiconCeiling = 0.4
    /// How long, in bytes, an aside in parentheses may be.
    static let maxParenthesisBytes = 400

    private let normalizer = TermNormalizer()

    /// The parts of sentence `sentence` of `document` to cut, in text order, not overlapping;
    /// `words` gives the language's lists (nil: parentheses only), `lexicon` a learned ranker's
    /// word weights (nil: none).
    func cuts(sentence: Int, text: ScalarText, document: SummaryDocument, words: CompressionWords?, lexicon: SentenceLexicon?) -> [Cut] {
        let range = text.byteRange(of: document.spans[sentence])
        return text.utf8.withUnsafeBufferPointer { bytes in
            let profile = WordProfile(
                sentence: sentence, bytes: bytes, range: range, document: document, normalizer: normalizer, lexicon: lexicon)
            var found = Self.parentheses(bytes, range).filter { profile.isPeripheral($0) }
                .map { Cut(bytes: $0, reason: .parenthesis) }
            if let words {
                found += clauses(bytes, range, words: words, profile: profile)
            }
            found.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
            var kept: [Cut] = []
            for cut in found where cut.bytes.lowerBound >= (kept.last?.bytes.upperBound ?? 0) && Self.joinsCleanly(bytes, range, cut.bytes) {
                kept.append(cut)
            }
            return kept
        }
    }

    /// Opening, closing and inserted clauses that are peripheral.
    private func clauses(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, words: CompressionWords, profile: WordProfile) -> [Cut] {
        let shape = SentenceShape(bytes, range)
        let commas = shape.commas
        guard !commas.isEmpty else { return [] }
        var cuts: [Cut] = []
        // Opening: `Selon X, …`; what follows must stand on its own.
        let first = commas[0]
        var rest = first + 1
        while rest < shape.end, bytes[rest] == 0x20 || bytes[rest] == 0x0A || bytes[rest] == 0x09 { rest += 1 }
        // The cheap tests on the word profile come first: most clauses fail them.
        if profile.isPeripheral(range.lowerBound..<first), !Self.hasQuote(bytes, range.lowerBound..<first),
            let opener = SentenceOpening.firstWords(bytes, range.lowerBound..<first, count: 1).first.map(Self.bare),
            words.openings.contains(opener),
            let next = SentenceOpening.firstWords(bytes, rest..<range.upperBound, count: 1).first.map(Self.bare),
            !SentenceOpening.dependentWords.contains(next), !words.dependent.contains(next)
        {
            cuts.append(Cut(bytes: range.lowerBound..<rest, reason: .opening))
        }
        // Closing: `…, a-t-il déclaré.` before the final punctuation.
        if shape.end < shape.trimmedEnd, let last = commas.last {
            let clause = last + 1..<shape.end
            if profile.isPeripheral(clause), profile.wordCount(range.lowerBound..<last) >= Self.minKeptWords,
                !Self.hasQuote(bytes, clause), !Self.hasParenthesis(bytes, clause), !Self.endsWithQuote(bytes, range.lowerBound..<last),
                !SentenceOpening.firstWords(bytes, clause, count: 4).map(Self.bare).contains(where: words.conjunctions.contains)
            {
                cuts.append(Cut(bytes: last..<shape.end, reason: .closing))
            }
        }
        // Inserted: `A, X, B` loses `, X,` unless X is an item of an enumeration or a name (`le
        // porte-parole, Dmitri Peskov, a …`). When B is the last clause, A decides: a few words
        // are a subject (`La loi, votée hier, est contestée.`: both commas go), many a whole
        // clause (`… jeudi, qui a duré une heure, a déclaré Lavrov.`: the second comma stays);
        // in between it is not cut.
        for k in 0..<commas.count - 1 {
            let clause = commas[k] + 1..<commas[k + 1]
            let last = k + 2 == commas.count
            guard profile.isPeripheral(clause), !profile.isName(clause), !Self.hasQuote(bytes, clause) else { continue }
            let before = profile.wordCount(range.lowerBound..<commas[k])
            if last && before >= Self.subjectWords && before < Self.clauseWords { continue }
            let following = commas[k + 1] + 1..<(last ? shape.end : commas[k + 2])
            let ahead = SentenceOpening.firstWords(bytes, following, count: 4).map(Self.bare)
            guard let opener = SentenceOpening.firstWords(bytes, clause, count: 1).first.map(Self.bare),
                !words.conjunctions.contains(opener), !ahead.contains(where: words.conjunctions.contains)
            else { continue }
            let keepsComma = last && before >= Self.clauseWords
            cuts.append(Cut(bytes: commas[k]..<commas[k + 1] + (keepsComma ? 0 : 1), reason: .inserted))
        }
        return cuts
    }

    /// A word without the comma ``SentenceOpening/firstWords(_:_:count:)`` keeps after it.
    private static func bare(_ word: String) -> String { word.hasSuffix(",") ? String(word.dropLast()) : word }

    /// Asides in parentheses, each with the white space before it, not nested.
    static func parentheses(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let open = ByteSearch.first(0x28, 0x28, 0x28, in: bytes, from: index, limit: range.upperBound)
            guard open < range.upperBound else { break }
            var close = open + 1
            while close < range.upperBound, bytes[close] != 0x29, bytes[close] != 0x28 { close += 1 }
            index = close
            guard close < range.upperBound, bytes[close] == 0x29, close > open + 1, close - open <= maxParenthesisBytes else { continue }
            var start = open
            while start > range.lowerBound, bytes[start - 1] == 0x20 { start -= 1 }
            found.append(start..<close + 1)
            index = close + 1
        }
        return found
    }

    /// Whether removing `cut` leaves no debris: no comma, full stop or closing bracket right after
    /// a comma, an opening bracket or the sentence start.
    static func joinsCleanly(_ bytes: UnsafeBufferPointer<UInt8>, _ sentence: Range<Int>, _ cut: Range<Int>) -> Bool {
        var before = cut.lowerBound - 1
        while before >= sentence.lowerBound, bytes[before] == 0x20 { before -= 1 }
        var after = cut.upperBound
        while after < sentence.upperBound, bytes[after] == 0x20 { after += 1 }
        guard after < sentence.upperBound else { return before >= sentence.lowerBound }
        let next = bytes[after]
        let closing = next == 0x2C || next == 0x2E || next == 0x29 || next == 0x3B || next == 0x3A
        guard before >= sentence.lowerBound else { return !closing }
        let previous = bytes[before]
        return !(closing && (previous == 0x2C || previous == 0x28))
    }

    /// Whether the bytes hold a quotation mark (`«`, `»`, `“`, `”` or `"`).
    static func hasQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.contains { index in
            let byte = bytes[index]
            if byte == 0x22 { return true }
            guard index + 1 < range.upperBound else { return false }
            if byte == 0xC2 { return bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB }
            return byte == 0xE2 && index + 2 < range.upperBound && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D)
        }
    }

    private static func hasParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.contains { bytes[$0] == 0x28 || bytes[$0] == 0x29 }
    }

    /// Whether the bytes end (before trailing spaces) with a closing quotation mark.
    private static func endsWithQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > range.lowerBound else { return false }
        if bytes[end - 1] == 0x22 { return true }
        if end - 2 >= range.lowerBound, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xBB { return true }
        return end - 3 >= range.lowerBound && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x9D
    }
}

/// Where a sentence's clauses are: its commas outside quotations and parentheses (not between
/// two digits, `3,5`), and where its final punctuation starts.
struct SentenceShape {
    /// The commas' byte offsets, before ``end``.
    var commas: [Int] = []
    /// The end of the sentence without trailing white space.
    var trimmedEnd: Int
    /// The end without trailing white space and final `.`, `!`, `?` or `…`.
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D {
            end -= 1
        }
        trimmedEnd = end
        while end > range.lowerBound {
            let byte = bytes[end - 1]
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                end -= 1
            } else if end - 3 >= range.lowerBound, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, byte == 0xA6 {
                end -= 3
            } else {
                break
            }
        }
        self.end = end
        var quotes = 0
        var straight = false
        var parentheses = 0
        var index = range.lowerBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x22: straight.toggle()
            case 0x28: parentheses += 1
            case 0x29: parentheses = max(0, parentheses - 1)
            case 0xC2 where index + 1 < end:
                if bytes[index + 1] == 0xAB { quotes += 1 } else if bytes[index + 1] == 0xBB { quotes = max(0, quotes - 1) }
            case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80:
                if bytes[index + 2] == 0x9C { quotes += 1 } else if bytes[index + 2] == 0x9D { quotes = max(0, quotes - 1) }
            case 0x2C where quotes == 0 && !straight && parentheses == 0:
                let digits = index > range.lowerBound && index + 1 < end && Self.isDigit(bytes[index - 1]) && Self.isDigit(bytes[index + 1])
                if !digits { commas.append(index) }
            default: break
            }
            index += 1
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// The words of one sentence with what the compressor asks of them: where they are, and whether
/// each is a content word, in the title, or found in another sentence.
private struct WordProfile {
    /// Each word's first byte.
    var starts: [Int] = []
    /// Whether each word starts with a capital letter.
    var capitalised: [Bool] = []
    /// Each word's kind: 0 stopword or short word, 1 content word found in no other sentence,
    /// 2 content word found in another sentence, 3 content word of the title or any word weighed
    /// above ``SentenceCompressor/lexiconCeiling`` (a part holding one is kept).
    var kinds: [UInt8] = []

    init(
        sentence: Int, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, document: SummaryDocument, normalizer: TermNormalizer,
        lexicon: SentenceLexicon?
    ) {
        let terms = document.wordTerms(of: sentence)
        starts.reserveCapacity(terms.count)
        kinds.reserveCapacity(terms.count)
        capitalised.reserveCapacity(terms.count)
        var index = range.lowerBound
        var k = 0
        while let (word, normalized) = normalizer.nextWord(in: bytes, from: &index, limit: range.upperBound) {
            let term = k < terms.count ? terms[terms.startIndex + k] : -1
            var kind: UInt8 = 0
            if term >= 0 && normalized.length > 3 {
                if document.titleTerms.ids.contains(term) {
                    kind = 3
                } else {
                    kind = document.sentenceFrequency[Int(term)] >= 2 ? 2 : 1
                }
            }
            if let lexicon, lexicon.weight(normalized.key) > SentenceCompressor.lexiconCeiling { kind = 3 }
            starts.append(word.lowerBound)
            kinds.append(kind)
            capitalised.append(normalized.startsUpper)
            k += 1
        }
    }

    /// The number of words starting in `range`.
    func wordCount(_ range: Range<Int>) -> Int {
        var count = 0
        for start in starts where range.contains(start) { count += 1 }
        return count
    }

    /// Whether the words in `range` are a name: all of them start with a capital letter.
    func isName(_ range: Range<Int>) -> Bool {
        var any = false
        for (start, upper) in zip(starts, capitalised) where range.contains(start) {
            guard upper else { return false }
            any = true
        }
        return any
    }

    /// Whether the words in `range` say little about the article: at most
    /// ``SentenceCompressor/maxWords`` words, no content word of the title, and fewer than half of
    /// the content words found in another sentence.
    func isPeripheral(_ range: Range<Int>) -> Bool {
        var count = 0, content = 0, shared = 0
        for (start, kind) in zip(starts, kinds) where range.contains(start) {
            count += 1
            if kind == 3 { return false }
            if kind > 0 { content += 1 }
            if kind == 2 { shared += 1 }
        }
        return count <= SentenceCompressor.maxWords && 2 * shared < max(content, 1)
    }
}
