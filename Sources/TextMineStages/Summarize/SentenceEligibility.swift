import TextMineCore

/// Why a sentence may never be part of a summary. Recorded in ``ScoredSentence/ineligible``.
enum IneligibilityReason: String, CaseIterable, Sendable {
    /// Inside a block marked boilerplate, or a navigation/credit/sharing line (`Lire aussi`,
    /// `Share Post:`, an all-capitals photo credit).
    case boilerplate
    /// The same words as an earlier sentence.
    case duplicate
    /// Starts with a lower-case letter or punctuation, or does not end with final punctuation.
    case fragment
    /// A quotation with no attribution (`« … »` and nothing else).
    case quote
    /// Fewer words than `min-words`.
    case tooShort = "too-short"
    /// More words than `max-words`.
    case tooLong = "too-long"
    /// Cannot stand alone (see ``SentenceOpening``) and the sentence before it cannot be selected
    /// with it (it is ineligible or dependent itself). The article's first sentence never is. Set
    /// by the stage after the other reasons.
    case dependent
}

/// Decides which sentences may be selected; the first reason that applies, in the order of
/// ``IneligibilityReason``, is recorded.
struct SentenceEligibility {
    /// The fewest words an eligible sentence has.
    var minWords: Int
    /// The most words an eligible sentence has.
    var maxWords: Int

    /// The reason each sentence is ineligible, or nil when it may be selected.
    func reasons(text: ScalarText, document: SummaryDocument, blocks: [Block]) -> [IneligibilityReason?] {
        let boilerplateBlocks = IntervalIndex(blocks.lazy.filter { $0.role == .boilerplate }.map(\.span.range))
        var seen = KeySet(capacity: document.count)
        return text.utf8.withUnsafeBufferPointer { bytes in
            document.spans.indices.map { i -> IneligibilityReason? in
                let span = document.spans[i]
                let range = text.byteRange(of: span)
                if boilerplateBlocks.overlaps(span.range) || Self.isBoilerplate(bytes, range) {
                    return .boilerplate
                }
                let hash = document.contentHashes[i]
                if hash != 0 && !seen.insert(hash) { return .duplicate }
                if Self.isFragment(bytes, range) { return .fragment }
                if Self.isBareQuote(bytes, range) { return .quote }
                if document.wordCounts[i] < minWords { return .tooShort }
                if document.wordCounts[i] > maxWords { return .tooLong }
                return nil
            }
        }
    }

    // MARK: - Rules

    /// Whether the sentence starts like a boilerplate line or is written in capitals.
    static func isBoilerplate(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = firstWordStart(bytes, range)
        // Only prefixes that start with the sentence's first byte (lowered) can match.
        if start < range.upperBound, boilerplateFirstBytes[Int(lowered(bytes[start]))], boilerplatePrefixes.contains(where: startsWith) {
            return true
        }
        return isShouting(bytes, range)

        func startsWith(_ prefix: [UInt8]) -> Bool {
            guard range.upperBound - start >= prefix.count else { return false }
            for (offset, expected) in prefix.enumerated() {
                let byte = bytes[start + offset]
                if lowered(byte) != expected { return false }
            }
            return true
        }
    }

    /// An ASCII capital lowered; any other byte as it is.
    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Whether most of the first 64 letters are capitals (credits such as `EPA/SERGEY DOLZHENKO`,
    /// headers). Stops at the 13th small letter: 51 capitals at most can follow among 64 letters,
    /// fewer than four for each small one.
    private static func isShouting(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var upper = 0, letters = 0
        var index = range.lowerBound
        while index < range.upperBound && letters < 64 && letters - upper < 13 {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 {
                    letters += 1
                    if byte &- 0x41 < 26 { upper += 1 }
                }
                index += 1
                continue
            }
            let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
            let (isLetter, isUpper) = WordScanner.letterCase(value)
            if isLetter {
                letters += 1
                if isUpper { upper += 1 }
            }
            index += width
        }
        return letters >= 8 && upper * 10 >= letters * 8
    }

    /// Whether the sentence starts with a lower-case letter or punctuation, or lacks final
    /// punctuation.
    static func isFragment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        // Skip opening quotes, dashes and spaces; then the first scalar must start a word.
        while index < range.upperBound {
            let (isWord, width) = WordScanner.classify(bytes, at: index, limit: range.upperBound)
            let (value, _) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
            if isWord {
                if value < 0x80 {
                    if value &- 0x61 < 26 { return true }  // a-z: the ASCII lower-case letters
                } else if let scalar = Unicode.Scalar(value), scalar.properties.isLowercase {
                    return true
                }
                break
            }
            if !isLeadingPunctuation(value) { return true }
            index += width
        }
        var end = range.upperBound
        while end > range.lowerBound {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { end -= 1 } else { break }
        }
        guard end > range.lowerBound else { return true }
        var last = end - 1
        while last > range.lowerBound && bytes[last] & 0xC0 == 0x80 { last -= 1 }
        let (value, _) = UTF8Scalar.decode(bytes, at: last, limit: end)
        return !isFinalPunctuation(value)
    }

    /// Whether the sentence is a quotation and nothing else (no `a-t-il dit`, no `selon …`).
    static func isBareQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound && (bytes[index] == 0x20 || bytes[index] == 0x0A) { index += 1 }
        guard index < range.upperBound else { return false }
        let (first, width) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
        guard isOpeningQuote(first) else { return false }
        index += width
        // Find where the quotation closes; a quote that never closes is bare too.
        var depth = 1
        while index < range.upperBound {
            let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
            index += width
            if value == first && first != 0x22 { depth += 1 } else if isClosingQuote(value) {
                depth -= 1
                if depth == 0 { break }
            }
        }
        // Attributed when a word follows the closing quote.
        var attributed = false
        WordScanner.forEachWord(in: bytes, range: index..<range.upperBound) { _ in attributed = true }
        return !attributed
    }

    /// The byte offset of the first word character of the range (or its end).
    private static func firstWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound {
            let (isWord, width) = WordScanner.classify(bytes, at: index, limit: range.upperBound)
            if isWord || bytes[index] == 0xC2 { return index }  // 0xC2 0xA9 is ©
            index += width
        }
        return index
    }

    // MARK: - Tables

    /// Sentence openings of navigation, sharing, subscription and credit lines (lowercase UTF-8).
    private static let boilerplatePrefixes: [[UInt8]] = [
        "read more", "read also", "read ", "related:", "share post", "share this", "share on", "stay connected",
        "more updates", "subscribe", "sign up", "click here", "follow us", "see also", "advertisement",
        "all rights reserved", "copyright", "photo:", "photo :", "photo credit", "credit:", "lire aussi",
        "lire la suite", "à lire", "À lire", "voir aussi", "laisser un commentaire", "partager", "abonnez", "inscrivez",
        "cliquez", "suivez-nous", "publicité", "tous droits réservés", "crédit photo", "crédits photo", "©",
    ].map { Array($0.utf8) }

    /// Whether some boilerplate prefix starts with each byte.
    private static let boilerplateFirstBytes: [Bool] = (0..<256).map { byte in
        boilerplatePrefixes.contains { $0.first == UInt8(byte) }
    }

    /// What may come before a sentence's first word: opening quotes and brackets, dashes, bullets,
    /// spaces.
    private static func isLeadingPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x0A, 0x09, 0x0D, 0xA0, 0x22, 0x27, 0x28, 0x5B, 0xAB, 0x201C, 0x201E, 0x2018, 0x2013, 0x2014, 0x2015,
            0x2D, 0x2022, 0x202F, 0xBF, 0xA1, 0x2026:
            return true
        default:
            return false
        }
    }
    /// What a complete sentence may end with: terminal punctuation or a closing quote or bracket.
    private static func isFinalPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0xBB, 0x201D, 0x22, 0x27, 0x2019, 0x29: return true
        default: return false
        }
    }
    /// Quotation marks that open a quotation.
    private static func isOpeningQuote(_ value: UInt32) -> Bool { value == 0xAB || value == 0x201C || value == 0x201E || value == 0x22 }
    /// Quotation marks that close one.
    private static func isClosingQuote(_ value: UInt32) -> Bool { value == 0xBB || value == 0x201D || value == 0x22 }
}
