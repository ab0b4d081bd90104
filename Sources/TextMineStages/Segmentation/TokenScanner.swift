/// The byte-level scanner behind ``Tokenizer`` and ``SentenceSplitter``: one pass over UTF-8,
/// no allocation per token.
struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let rules: SegmentationRules
    /// Where scanning stops (exclusive byte offset).
    let end: Int
    /// ``CharacterClass/basicPlane``, read through a pointer in the hot loops.
    let classes: UnsafeBufferPointer<CharacterClass>

    /// Appends the tokens of `bytes[range]` to `tokens`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, rules: SegmentationRules,
                     into tokens: inout [RawToken])
    {
        scan(bytes, range, rules: rules) { tokens.append($0) }
    }

    /// Calls `emit` with each token of `bytes[range]`, in order.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, rules: SegmentationRules,
                     emit: (RawToken) -> Void)
    {
        CharacterClass.basicPlane.withUnsafeBufferPointer { classes in
            let scanner = TokenScanner(bytes: bytes, rules: rules, end: range.upperBound, classes: classes)
            var position = range.lowerBound
            var wordEnd = -1
            while let token = scanner.nextToken(from: position, wordEnd: wordEnd) {
                emit(token)
                wordEnd = token.kind == .word ? token.end : -1
                position = token.end
            }
        }
    }

    /// The class of the scalar starting at byte `index` and its length in bytes.
    @inline(__always)
    func characterClass(at index: Int) -> (CharacterClass, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (classes[Int(byte)], 1) }
        let (value, length) = bytes.scalar(at: index)
        return (value < 0x10000 ? classes[Int(value)] : CharacterClass.classify(value), length)
    }

    /// The first token at or after `start` (white space is skipped), or nil at the end.
    ///
    /// - Parameter wordEnd: the end of the word token just before `start`, if any (-1 otherwise),
    ///   so that a suffix glued to it (`-t-il`, `'s`) is recognised.
    func nextToken(from start: Int, wordEnd: Int) -> RawToken? {
        var i = start
        while i < end {
            let (cls, length) = characterClass(at: i)
            if cls.intersection(.whitespace) != [] {
                i += length
                continue
            }
            if cls.intersection([.letter, .mark]) != [] { return scanWord(at: i, first: cls) }
            if cls.contains(.digit) { return scanNumber(at: i, first: cls) }
            if i == wordEnd, let suffix = glued(at: i) {
                return RawToken(start: i, end: i + suffix, kind: .word, first: cls)
            }
            return scanPunctuation(at: i, first: cls, length: length)
        }
        return nil
    }

    /// The length of an inverted pronoun (`-t-il`) or English clitic (`'s`) glued to the word before.
    private func glued(at i: Int) -> Int? {
        if let pronoun = rules.invertedPronounLength(bytes, at: i, end: end) { return pronoun }
        return rules.cliticLength(bytes, at: i, end: end)
    }

    // MARK: - Words

    private func scanWord(at start: Int, first: CharacterClass) -> RawToken {
        if Self.mayStartURL(bytes[start]), let url = scanURL(at: start) { return url }
        var j = start
        var segmentStart = start
        var longestDottedSegment = 0
        var hasDot = false
        var hasHyphen = false
        joining: while true {
            while j < end {
                let (cls, length) = characterClass(at: j)
                guard cls.intersection(.wordCharacter) != [] else { break }
                j += length
            }
            guard j < end, Self.mayJoinWords(bytes[j]) else { break }
            let (cls, length) = characterClass(at: j)
            let next = j + length
            guard next < end else { break }
            let (nextClass, _) = characterClass(at: next)
            let joinsWord = nextClass.intersection(.wordCharacter) != []
            switch bytes[j] {
            case 0x2E:  // '.': inside U.S.A, e.g, www.site.fr, v1.5 — but not Pyrénées.Alors, va.Le, sociaux.20
                let segment = j - segmentStart
                let isInitial = bytes.scalar(at: segmentStart).length == segment
                    && characterClass(at: segmentStart).0.contains(.upper)
                let continuesNumber = nextClass.contains(.digit) && characterClass(at: j - 1).0.contains(.digit)
                guard joinsWord, nextClass.contains(.lower) || continuesNumber || isInitial else { break joining }
                hasDot = true
                longestDottedSegment = max(longestDottedSegment, segment)
            case 0x40:  // '@'
                guard joinsWord else { break joining }
                return scanEmail(from: start, at: next)
            case 0x5F:  // '_'
                guard joinsWord else { break joining }
            default:
                if cls.contains(.hyphen) {
                    guard joinsWord else { break joining }
                    if let pronoun = rules.invertedPronounLength(bytes, at: j, end: end),
                        !rules.isHyphenatedWord(bytes, start..<(j + pronoun))
                    {
                        break joining
                    }
                    hasHyphen = true
                } else if cls.contains(.apostrophe) {
                    guard nextClass.contains(.letter) else { break joining }
                    if !hasHyphen && !hasDot && rules.isElision(bytes, start..<j) {
                        return RawToken(start: start, end: next, kind: .word, first: first)
                    }
                    if rules.cliticLength(bytes, at: j, end: end) != nil { break joining }
                    if j - 1 > start, rules.cliticLength(bytes, at: j - 1, end: end) != nil {
                        j -= 1
                        break joining
                    }
                } else {
                    break joining
                }
            }
            j = next
            segmentStart = j
        }
        var token = RawToken(start: start, end: j, kind: .word, first: first)
        if hasDot && max(longestDottedSegment, j - segmentStart) > 2 { token.kind = .url }  // lemonde.fr
        if token.kind == .word && j < end && bytes[j] == 0x2E {
            attachAbbreviationPeriod(to: &token, hasDot: hasDot, hasHyphen: hasHyphen)
        }
        return token
    }

    /// Whether a byte can start a scalar that joins two parts of a word: `.` `@` `_` `-` `'`, or a
    /// non-ASCII scalar (`’`, U+2010…).
    @inline(__always)
    private static func mayJoinWords(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x2E || byte == 0x40 || byte == 0x5F || byte == 0x2D || byte == 0x27
    }

    /// Extends a word that is an abbreviation or an initial to its period (`M.`, `etc.`, `J.`,
    /// `U.S.`, `J.-C.`), recording whether it may end a sentence.
    private func attachAbbreviationPeriod(to token: inout RawToken, hasDot: Bool, hasHyphen: Bool) {
        let j = token.end
        guard j < end, bytes[j] == 0x2E, !(j + 1 < end && bytes[j + 1] == 0x2E) else { return }
        if !hasHyphen, let dotted = rules.dottedAbbreviation(bytes, at: token.start, end: end),
            dotted.length > j - token.start
        {
            token.end = token.start + dotted.length
            token.role = dotted.kind == .leading ? .leadingAbbreviation : .trailingAbbreviation
        } else if hasDot {
            token.end = j + 1  // an acronym with periods: U.S., e.g., Ph.D.
            token.role = .trailingAbbreviation
        } else if let kind = rules.abbreviation(bytes, token.start..<j) {
            token.end = j + 1
            token.role = kind == .leading ? .leadingAbbreviation : .trailingAbbreviation
        } else if token.first.contains(.upper), bytes.scalar(at: token.start).length == j - token.start {
            token.end = j + 1  // an initial: J. Biden; J.-P. Sartre
            token.role = .leadingAbbreviation
            if j + 3 < end, bytes[j + 1] == 0x2D, bytes[j + 2] >= 0x41, bytes[j + 2] <= 0x5A, bytes[j + 3] == 0x2E {
                token.end = j + 4
            }
        }
    }

    /// Whether a byte can start `http`, `www` or `ftp`.
    @inline(__always)
    private static func mayStartURL(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower == 0x68 || lower == 0x77 || lower == 0x66
    }

    /// A URL starting with `http://`, `https://`, `ftp://` or `www.`, up to white space, without
    /// trailing punctuation.
    private func scanURL(at start: Int) -> RawToken? {
        guard start + 4 <= end else { return nil }
        let lower = (bytes[start] | 0x20, bytes[start + 1] | 0x20, bytes[start + 2] | 0x20)
        guard lower == (0x68, 0x74, 0x74) || lower == (0x77, 0x77, 0x77) || lower == (0x66, 0x74, 0x70)  // htt www ftp
        else { return nil }
        guard hasPrefix("https://", at: start) || hasPrefix("http://", at: start) || hasPrefix("www.", at: start)
            || hasPrefix("ftp://", at: start)
        else { return nil }
        var j = start
        var openParentheses = 0
        while j < end {
            let (cls, length) = characterClass(at: j)
            if cls.intersection(.whitespace) != [] || (cls.intersection([.opening, .closing]) != [] && length > 1)
                || bytes[j] == 0x22 || bytes[j] == 0x3C || bytes[j] == 0x3E
            {
                break
            }
            if bytes[j] == 0x28 { openParentheses += 1 }
            if bytes[j] == 0x29 { openParentheses -= 1 }
            j += length
        }
        while j > start {
            let last = bytes[j - 1]
            let trailing = last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F
                || last == 0x27 || (last == 0x29 && openParentheses < 0)
            guard trailing else { break }
            if last == 0x29 { openParentheses += 1 }
            j -= 1
        }
        return RawToken(start: start, end: j, kind: .url, first: .letter)
    }

    private func hasPrefix(_ prefix: StaticString, at start: Int) -> Bool {
        guard start + prefix.utf8CodeUnitCount <= end else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<prefix.utf8CodeUnitCount where bytes[start + offset] | 0x20 != pointer[offset] {
            return false
        }
        return true
    }

    /// An e-mail address whose domain starts at `domainStart`.
    private func scanEmail(from start: Int, at domainStart: Int) -> RawToken {
        var j = domainStart
        while j < end {
            let (cls, length) = characterClass(at: j)
            if cls.intersection(.wordCharacter) != [] {
                j += length
            } else if (bytes[j] == 0x2E || bytes[j] == 0x2D) && j + 1 < end
                && characterClass(at: j + 1).0.intersection(.wordCharacter) != []
            {
                j += 1
            } else {
                break
            }
        }
        return RawToken(start: start, end: j, kind: .email, first: .letter)
    }

    // MARK: - Numbers

    /// A number: digits with decimal or grouping separators (`3,5`, `1.5`, `100 000`), ranges and
    /// dates (`2022-01`, `01/02/2022`), times (`10:30`) and a letter suffix (`26e`, `1er`, `10h30`).
    private func scanNumber(at start: Int, first: CharacterClass) -> RawToken {
        var j = skipDigits(from: start)
        let firstGroup = j - start
        var groupsBySpaces = firstGroup <= 3
        while j < end {
            let byte = bytes[j]
            let (cls, length) = characterClass(at: j)
            if byte == 0x2E || byte == 0x2C || byte == 0x3A || byte == 0x2F || cls.contains(.hyphen) {
                // . , : / - between digits
                guard j + length < end, bytes[j + length] >= 0x30, bytes[j + length] <= 0x39 else { break }
                j = skipDigits(from: j + length)
                groupsBySpaces = false
            } else if cls.contains(.groupSeparator), groupsBySpaces, let group = thousandsGroup(after: j + length) {
                j = group
            } else if cls.intersection([.letter, .mark]) != [] {
                while j < end, characterClass(at: j).0.intersection(.wordCharacter) != [] {
                    j += bytes.scalar(at: j).length
                }
                break
            } else {
                break
            }
        }
        return RawToken(start: start, end: j, kind: .number, first: first)
    }

    @inline(__always)
    private func skipDigits(from start: Int) -> Int {
        var j = start
        while j < end {
            let (cls, length) = characterClass(at: j)
            guard cls.contains(.digit) else { break }
            j += length
        }
        return j
    }

    /// The end of a group of exactly three ASCII digits starting at `start`, if there is one.
    private func thousandsGroup(after start: Int) -> Int? {
        guard start + 3 <= end else { return nil }
        for offset in 0..<3 where !(bytes[start + offset] >= 0x30 && bytes[start + offset] <= 0x39) { return nil }
        let after = start + 3
        if after < end, characterClass(at: after).0.contains(.digit) { return nil }
        return after
    }

    // MARK: - Punctuation and symbols

    private func scanPunctuation(at start: Int, first: CharacterClass, length: Int) -> RawToken {
        let byte = bytes[start]
        var token = RawToken(start: start, end: start + length, kind: first.contains(.punct) ? .punct : .symbol,
                             first: first)
        if byte == 0x2E {  // '.' or '...'
            var j = start + 1
            while j < end && bytes[j] == 0x2E { j += 1 }
            token.end = j
            token.role = j - start == 1 ? .period : .ellipsis
        } else if first.contains(.terminal) {
            let (value, _) = bytes.scalar(at: start)
            if value == 0x2026 {
                token.role = .ellipsis
            } else {
                var j = start + length
                while j < end {
                    let (cls, next) = characterClass(at: j)
                    guard cls.contains(.terminal), bytes[j] != 0x2E else { break }
                    j += next
                }
                token.end = j
                token.role = .exclamation
            }
        } else if byte == 0x2D {  // '--'
            var j = start + 1
            while j < end && bytes[j] == 0x2D { j += 1 }
            token.end = j
        }
        return token
    }
}
