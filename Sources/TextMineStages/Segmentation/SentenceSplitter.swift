import TextMineCore

/// Splits text into sentences with rules, on UTF-8 bytes, over the tokens of a ``Tokenizer`` (so a
/// sentence boundary never falls inside a token).
///
/// Use it directly from any stage, without running the `sentences` stage:
///
/// ```swift
/// let splitter = SentenceSplitter(language: "fr")    // build once (in your stage's init)
/// let text = ScalarText(article.text)                  // once per article
/// for span in splitter.split(text) { print(text.string(span)) }
/// ```
///
/// A sentence ends:
/// - after `.`, `!`, `?`, `…` or `...` (with the closing quotes and brackets that follow, so
///   `« Nous partons. »` ends after `»`) when the next token starts a sentence: a capital, a digit,
///   an opening quote or bracket, a dash. After `!`, `?` and ellipses a lower-case word continues
///   the sentence (`« Quoi ? » dit-il`), as does a comma (`« … », a-t-il déclaré.`). After a period,
///   a lower-case word starts a new sentence unless the word before the period has three letters
///   or fewer (an unknown abbreviation, most likely);
/// - even without a space: `Pyrénées.Alors` (but not `U.S.A`, `3.5`, `www.site.fr` or `e.g.`);
/// - not after an abbreviation of the language that announces what follows (`M.`, `Dr.`, `p.`,
///   `art.`) or an initial (`J. Biden`); after one that may end a sentence (`etc.`, `J.-C.`) only
///   before a capital; not after a list number at the start of a line (`1. Introduction`);
/// - at a blank line, always; at a single line break as ``LineBreaks-swift.enum`` says (by default
///   unless the next line starts with a lower-case letter, so headings, datelines and list items
///   without final punctuation are sentences of their own).
///
/// Spans are Unicode scalar offsets into the text, in order, without leading or trailing white
/// space; text with no token has no sentence.
public struct SentenceSplitter: Sendable {
    /// What a single line break (not a blank line) means.
    public enum LineBreaks: String, Sendable, CaseIterable {
        /// Ends a sentence unless the next line starts with a lower-case letter (hard-wrapped text).
        case auto
        /// Always ends a sentence: every line is at least one sentence.
        case line
        /// Never ends a sentence by itself: only blank lines and punctuation do.
        case paragraph
    }

    /// The tokenizer whose tokens the splitter groups into sentences.
    public let tokenizer: Tokenizer
    /// What a single line break means.
    public let lineBreaks: LineBreaks

    /// A splitter with the built-in rules of a language (`fr`, `en`; generic rules for others).
    public init(language: LanguageCode, lineBreaks: LineBreaks = .auto) {
        self.init(rules: SegmentationRules(language: language), lineBreaks: lineBreaks)
    }

    /// A splitter with the given rules (for instance with extra abbreviations).
    public init(rules: SegmentationRules, lineBreaks: LineBreaks = .auto) {
        self.tokenizer = Tokenizer(rules: rules)
        self.lineBreaks = lineBreaks
    }

    /// The sentences of `text`, or of the part of it inside `span` (scalar offsets).
    public func split(_ text: ScalarText, in span: Span? = nil) -> [Span] {
        split(text, in: span, skimming: true)
    }

    /// The sentences of `text`, from all its tokens or (`skimming`, the fast way that gives the same
    /// result) only from those a boundary can depend on.
    func split(_ text: ScalarText, in span: Span?, skimming: Bool) -> [Span] {
        let range = span.map { text.byteRange(of: $0) } ?? 0..<text.utf8.count
        var tokens: [RawToken] = []
        tokens.reserveCapacity(range.count / (skimming ? 20 : 5))
        var sentences: [Span] = []
        text.utf8.withUnsafeBufferPointer { bytes in
            if skimming {
                TokenScanner.skim(bytes, range, rules: tokenizer.rules, into: &tokens)
            } else {
                TokenScanner.scan(bytes, range, rules: tokenizer.rules, into: &tokens)
            }
            sentences = group(tokens, bytes: bytes).map(text.span(ofBytes:))
        }
        return sentences
    }

    /// The byte ranges of the sentences made of `tokens`.
    private func group(_ tokens: [RawToken], bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var sentenceStart = 0
        var hasContent = false
        var quotes = StraightQuotes()
        var i = 0
        let count = tokens.count
        while i < count {
            let token = tokens[i]
            if token.kind.isContent { hasContent = true }
            quotes.pass(i, in: tokens, bytes)
            var last = i
            var ends = false
            if token.isTerminal || token.role == .trailingAbbreviation || isGluedReference(i, in: tokens) {
                var j = i + 1
                while j < count, lineBreaks(bytes, tokens[j - 1].end, tokens[j].start) == 0,
                    absorbs(j, in: tokens, quotes: quotes, bytes)
                {
                    quotes.pass(j, in: tokens, bytes)
                    j += 1
                }
                last = j - 1
                if j < count && hasContent {
                    let isListNumber = i - 1 == sentenceStart && tokens[sentenceStart].kind == .number
                        && tokens[sentenceStart].end - tokens[sentenceStart].start <= 3
                    ends = !isListNumber && startsSentence(j, in: tokens, after: token, previous: i > 0 ? tokens[i - 1] : nil,
                                                           quotes: quotes, bytes)
                }
            }
            if !ends && last + 1 < count {
                let breaks = lineBreaks(bytes, tokens[last].end, tokens[last + 1].start)
                if breaks >= 2 {
                    quotes = StraightQuotes()
                    ends = true
                } else if breaks == 1 {
                    switch lineBreaks {
                    case .auto: ends = !tokens[last + 1].first.contains(.lower)
                    case .line: ends = true
                    case .paragraph: break
                    }
                }
            }
            if ends || last + 1 == count {
                sentences.append(tokens[sentenceStart].start..<tokens[last].end)
                sentenceStart = last + 1
                hasContent = false
            }
            i = last + 1
        }
        return sentences
    }

    /// Whether `tokens[index]` is a lower-case abbreviation glued to a capitalised word
    /// (`vol.Les`): scraped paragraphs glued together, so the period ends a sentence.
    private func isGluedReference(_ index: Int, in tokens: [RawToken]) -> Bool {
        let token = tokens[index]
        guard token.role == .leadingAbbreviation, token.first.contains(.lower), index + 1 < tokens.count else {
            return false
        }
        let next = tokens[index + 1]
        return next.start == token.end && next.first.contains(.upper)
    }

    /// Whether a token after a terminal mark belongs to the sentence that mark ends: more terminal
    /// marks (`?!`, `. .`), closing quotes and brackets, a straight quote glued to what precedes.
    private func absorbs(_ index: Int, in tokens: [RawToken], quotes: StraightQuotes,
                         _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tokens[index]
        if token.isTerminal { return true }
        if token.first.contains(.straightQuote) { return quotes.closes(index, in: tokens, bytes) }
        return token.kind == .punct && token.first.contains(.closing)
    }

    /// Whether `next` starts a new sentence after the terminal token `terminal`, which follows
    /// `previous`.
    private func startsSentence(_ index: Int, in tokens: [RawToken], after terminal: RawToken, previous: RawToken?,
                                quotes: StraightQuotes, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = tokens[index].first
        let opensQuote = first.contains(.straightQuote) && !quotes.closes(index, in: tokens, bytes)
        let capitalLike = first.contains(.upper) || first.intersection([.opening, .dash, .hyphen]) != [] || opensQuote
            || (first.contains(.letter) && !first.contains(.lower))  // scripts without case
        switch terminal.role {
        case .period:
            if first.contains(.lower) {
                if tokens[index].start == terminal.end { return false }  // 20min.ch
                guard let previous, previous.kind == .word, previous.end == terminal.start else { return true }
                return previous.end - previous.start > 3
            }
            return capitalLike || first.intersection([.digit, .symbol]) != []
        case .exclamation:
            return capitalLike || first.contains(.digit)
        case .trailingAbbreviation:
            // After an initialism (`U.S.`), a capitalised name goes on the sentence (`U.S. Department`).
            guard capitalLike, !tokenizer.rules.sentenceStarters.isEmpty, isInitialism(terminal, bytes),
                  first.contains(.upper) else { return capitalLike }
            let next = tokens[index]
            return PackedWord(bytes, next.start..<next.end, asciiLowercased: true).map(tokenizer.rules.sentenceStarters.contains) ?? false
        case .ellipsis, .leadingAbbreviation:
            return capitalLike
        case .none:
            return false
        }
    }

    /// Whether a token is an initialism with inner periods (`U.S.`, `U.N.`).
    private func isInitialism(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        token.end - token.start >= 3 && (token.start..<(token.end - 1)).contains { bytes[$0] == 0x2E }
    }

    /// How many line breaks the white space `bytes[start..<end]` holds (2 for a blank line or more).
    @inline(__always)
    private func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        if end - start <= 1 && (start == end || bytes[start] == 0x20) { return 0 }  // the common case
        var breaks = 0
        var i = start
        while i < end {
            switch bytes[i] {
            case 0x0A, 0x0B: breaks += 1
            case 0x0D: if i + 1 == end || bytes[i + 1] != 0x0A { breaks += 1 }
            case 0x0C: breaks += 2
            case 0xE2 where i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                breaks += bytes[i + 2] == 0xA9 ? 2 : 1
            case 0xC2 where i + 1 < end && bytes[i + 1] == 0x85: breaks += 1
            default: break
            }
            i += 1
        }
        return breaks
    }
}

/// Which straight double quotes (`"`) open a quotation and which close one: one glued to the
/// token before and not to a word after closes (`non!", a-t-il`), one glued only to a word after
/// opens (`."Je`), and the others alternate, the first one of a paragraph opening.
private struct StraightQuotes {
    private var isOpen = false

    /// Whether `tokens[index]` is a `"` that closes a quotation.
    func closes(_ index: Int, in tokens: [RawToken], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[tokens[index].start] == 0x22 && closing(index, in: tokens)
    }

    /// Takes note of a token the splitter moves past.
    mutating func pass(_ index: Int, in tokens: [RawToken], _ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes[tokens[index].start] == 0x22 { isOpen = !closing(index, in: tokens) }
    }

    private func closing(_ index: Int, in tokens: [RawToken]) -> Bool {
        let token = tokens[index]
        let gluedBefore = index > 0 && tokens[index - 1].end == token.start
        let gluedAfter = index + 1 < tokens.count && tokens[index + 1].start == token.end
            && tokens[index + 1].kind.isContent
        if gluedBefore != gluedAfter { return gluedBefore }
        return isOpen
    }
}
