import TextMineCore

/// Finds sentences that cannot stand alone in a summary: they lean on the sentence before them.
///
/// A sentence is *dependent* when
/// - it opens with a pronoun or a possessive that needs an antecedent (`Il`, `Elle`, `Cela`, `Ses`,
///   `He`, `They`…) or with a connective (`Mais`, `Cependant`, `En revanche`, `However`…);
/// - it is the tail of a quotation split across sentences (a `«` or `“` opened in an earlier sentence
///   of the same paragraph is still open where it starts);
/// - its attribution is a pronoun (`« … », a-t-il déclaré.`, `…, a-t-il dit.`, `…, he said.`): the
///   speaker is named in an earlier sentence.
///
/// The summarizer never selects a dependent sentence alone: it brings the sentence before it, or
/// leaves it out.
struct SentenceOpening: Sendable {
    /// Lowercase first words that make a sentence dependent.
    static let dependentWords: Set<String> = [
        // French pronouns and possessives that point back
        "il", "elle", "ils", "elles", "cela", "ceci", "ça", "celui-ci", "celle-ci", "ceux-ci", "celles-ci",
        "lui", "leur", "leurs", "son", "sa", "ses", "y",
        // French connectives
        "mais", "cependant", "pourtant", "toutefois", "néanmoins", "ainsi", "donc", "puis", "enfin", "or", "et",
        "car", "sinon", "d'ailleurs", "également", "aussi,", "alors,", "ensuite",
        // English
        "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "but", "however", "yet",
        "and", "so", "also", "moreover", "furthermore", "meanwhile", "nevertheless", "still", "instead", "then",
        "therefore", "thus", "besides",
    ]
    /// Lowercase first two words that make a sentence dependent.
    static let dependentPairs: Set<String> = [
        "en revanche", "par ailleurs", "de plus", "en outre", "du coup", "pour autant", "malgré cela", "selon lui",
        "selon elle", "selon eux", "d'après lui", "d'après elle", "pour lui", "pour elle", "dans ce", "à cet",
        "de son", "de leur", "in addition", "as well", "even so",
    ]
    /// Lowercase words that, after a quotation, attribute it to a pronoun: French ones only when
    /// inverted (`a-t-il`, `dit-elle`) or after `selon`/`d'après` (`selon lui`), so that an
    /// impersonal `il` (`…, il faut agir.`) does not count; English ones anywhere (`he said`).
    static let attributionPronouns: Set<String> = ["il", "elle", "ils", "elles", "lui", "he", "she", "they"]
    /// The English ones among them.
    static let englishAttributionPronouns: Set<String> = ["he", "she", "they"]
    /// Words after which a French pronoun names the speaker (`selon lui`, `d'après elle`).
    static let attributionPrepositions: Set<String> = ["selon", "après"]

    /// Whether each sentence is dependent.
    func dependentSentences(text: ScalarText, spans: [Span]) -> [Bool] {
        var result = [Bool](repeating: false, count: spans.count)
        var open = 0  // quotation marks open at the cursor, within the paragraph
        var cursor = 0
        text.utf8.withUnsafeBufferPointer { bytes in
            for (i, span) in spans.enumerated() {
                let range = text.byteRange(of: span)
                // Quotation depth between the previous sentence's start and this one's.
                Self.trackQuotes(bytes, cursor..<max(cursor, range.lowerBound), open: &open)
                let tail = open > 0
                cursor = range.lowerBound
                let opening: Bool
                if let quick = Self.quickOpening(bytes, range) {
                    opening = quick
                } else {
                    let words = Self.firstWords(bytes, range, count: 2)
                    let bare = words.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
                    opening = (words.first.map { Self.dependentWords.contains($0) || Self.dependentWords.contains(bare[0]) } ?? false)
                        || (words.count == 2 && Self.dependentPairs.contains(bare[0] + " " + bare[1]))
                }
                result[i] = tail || opening || Self.hasPronounAttribution(bytes, range)
            }
        }
        return result
    }

    /// Updates the number of open quotations over `range`; a line break closes them all.
    private static func trackQuotes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, open: inout Int) {
        var index = range.lowerBound
        while true {
            // Only line feeds and the lead bytes of « » (C2) and “ ” (E2) matter.
            index = ByteSearch.first(0x0A, 0xC2, 0xE2, in: bytes, from: index, limit: range.upperBound)
            guard index < range.upperBound else { break }
            let byte = bytes[index]
            if byte == 0x0A {
                open = 0
            } else if byte == 0xC2, index + 1 < range.upperBound {
                if bytes[index + 1] == 0xAB { open += 1 } else if bytes[index + 1] == 0xBB { open = max(0, open - 1) }
            } else if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80 {
                if bytes[index + 2] == 0x9C { open += 1 } else if bytes[index + 2] == 0x9D { open = max(0, open - 1) }
            }
            index += 1
        }
    }

    /// The first `count` words of the range, lowercased, with an apostrophe or hyphen inside a word
    /// kept (`d'ailleurs`, `celui-ci`) and a comma right after the word kept (`alors,`).
    static func firstWords(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, count: Int) -> [String] {
        var words: [String] = []
        var index = range.lowerBound
        while words.count < count, let word = nextWord(bytes, from: &index, limit: range.upperBound) {
            words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self).lowercased())
        }
        return words
    }

    /// The next word from `index` as ``firstWords(_:_:count:)`` cuts it (with inner apostrophes and
    /// hyphens and a comma right after it), advancing `index` past it; nil when there is none.
    private static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, limit: Int) -> Range<Int>? {
        // Skip to a word start.
        while index < limit {
            let (isWord, width) = WordScanner.classify(bytes, at: index, limit: limit)
            if isWord { break }
            index += width
        }
        let start = index
        while index < limit {
            let (isWord, width) = WordScanner.classify(bytes, at: index, limit: limit)
            if !isWord {
                let byte = bytes[index]
                let joiner = byte == 0x27 || byte == 0x2D
                let next = index + 1 < limit ? WordScanner.classify(bytes, at: index + 1, limit: limit).0 : false
                if joiner && next { index += 1; continue }
                if byte == 0x2C { index += 1 }
                break
            }
            index += width
        }
        return index > start ? start..<index : nil
    }

    /// Whether the sentence opens with a dependent word, decided from its first word alone when
    /// that word is ASCII, at most 8 bytes long and cannot start a dependent pair (most sentences);
    /// nil when the full check of ``firstWords(_:_:count:)`` is needed.
    private static func quickOpening(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool? {
        var index = range.lowerBound
        guard let word = nextWord(bytes, from: &index, limit: range.upperBound) else { return false }
        guard word.count <= 8, !word.contains(where: { bytes[$0] >= 0x80 }) else { return nil }
        let key = packed(bytes, word)
        let bare = bytes[word.upperBound - 1] == 0x2C ? packed(bytes, word.lowerBound..<word.upperBound - 1) : key
        if pairFirstKeys.contains(bare) { return nil }
        return openingKeys.contains(key) || openingKeys.contains(bare)
    }

    /// The ASCII ``dependentWords`` of at most 8 bytes, packed.
    private static let openingKeys = keys(dependentWords.filter { word in word.utf8.count <= 8 && word.utf8.allSatisfy { $0 < 0x80 } })
    /// The first words of ``dependentPairs``, packed.
    private static let pairFirstKeys = keys(Set(dependentPairs.map { String($0.split(separator: " ")[0]) }))

    /// Whether the words after the sentence's last closing quotation mark name the speaker with a
    /// pronoun (`a-t-il déclaré`, `selon elle`, `he said`).
    static func hasPronounAttribution(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var close = -1
        // The last closing mark: » (C2 BB), ” (E2 80 9D) or ", searched from the end.
        var end = range.upperBound
        while close < 0, let index = ByteSearch.last(0xC2, 0xE2, 0x22, in: bytes, from: range.lowerBound, limit: end) {
            let byte = bytes[index]
            if byte == 0x22 {
                close = index + 1
            } else if byte == 0xC2, index + 1 < range.upperBound, bytes[index + 1] == 0xBB {
                close = index + 2
            } else if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9D {
                close = index + 3
            }
            end = index
        }
        if close < 0 {
            // No quotation mark: a short clause after the last comma (`…, he said.`, `…, a-t-il dit.`).
            guard let comma = ByteSearch.last(0x2C, 0x2C, 0x2C, in: bytes, from: range.lowerBound, limit: range.upperBound) else {
                return false
            }
            var words = 0
            var index = comma
            while words <= 5, WordScanner.nextWord(in: bytes, from: &index, limit: range.upperBound) != nil { words += 1 }
            guard words <= 5 else { return false }
            close = comma
        }
        var afterPreposition = false
        var index = close
        while let word = WordScanner.nextWord(in: bytes, from: &index, limit: range.upperBound) {
            let key = word.count <= 8 ? packed(bytes, word) : 0
            if attributionKeys.contains(key) {
                let inverted = word.lowerBound > 0 && bytes[word.lowerBound - 1] == 0x2D
                if inverted || afterPreposition || englishAttributionKeys.contains(key) { return true }
            }
            afterPreposition = prepositionKeys.contains(key)
        }
        return false
    }

    /// The lowercased (ASCII letters) bytes of a word of at most 8 bytes, packed into an integer.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> UInt64 {
        var key: UInt64 = 0
        for k in word { key = key << 8 | UInt64(bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] | 0x20 : bytes[k]) }
        return key
    }

    /// A word list as packed keys (see ``packed(_:_:)``).
    private static func keys(_ words: Set<String>) -> PackedWords {
        PackedWords(words.map { word in word.utf8.reduce(0) { $0 << 8 | UInt64($1) } })
    }

    private static let attributionKeys = keys(attributionPronouns)
    private static let englishAttributionKeys = keys(englishAttributionPronouns)
    private static let prepositionKeys = keys(attributionPrepositions)
}

/// A few words packed into integers (see ``SentenceOpening``), looked up by binary search: no
/// hashing for the handful of look-ups per sentence.
private struct PackedWords: Sendable {
    private let keys: [UInt64]

    init(_ keys: [UInt64]) { self.keys = keys.sorted() }

    func contains(_ key: UInt64) -> Bool {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }
}
