import Foundation
import TextMineCore

/// The language-specific data of the ``Tokenizer`` and the ``SentenceSplitter``: abbreviations,
/// elided articles, inverted pronouns and clitics.
///
/// Built-in data exists for French (`fr`) and English (`en`); any other language gets a small
/// generic set of international abbreviations. Users extend it with their own abbreviations:
///
/// ```swift
/// var rules = SegmentationRules(language: "fr")
/// rules.addAbbreviations(["Gén.", "Cdt."], kind: .leading)
/// rules.addAbbreviations(["Sqq."], kind: .trailing)
/// try rules.addAbbreviations(contentsOf: "/path/to/abbreviations.txt")
/// let tokenizer = Tokenizer(rules: rules)
/// ```
public struct SegmentationRules: Sendable {
    /// How an abbreviation behaves at the end of a sentence.
    public enum AbbreviationKind: String, Sendable {
        /// Announces what follows and never ends a sentence: titles and references
        /// (`M.`, `Mme.`, `Dr.`, `St.`, `p.`, `art.`, `av.`).
        case leading
        /// May end a sentence, which it does when the next word starts with a capital
        /// (`etc.`, `J.-C.`, `Inc.`, `janv.`).
        case trailing
    }

    /// The language the rules are for: `fr`, `en`, or any other code (generic rules).
    public let language: LanguageCode

    /// Abbreviations without inner period, by their letters (without the final period).
    var abbreviations: [PackedWord: AbbreviationKind] = [:]
    /// Abbreviations with an inner period (`J.-C.`, `c.-à-d.`), as UTF-8 with their final period.
    var dottedAbbreviations: [(bytes: [UInt8], kind: AbbreviationKind)] = []
    /// Words that elide before a vowel and keep their apostrophe (`l'`, `qu'`), lower-cased.
    var elisions: Set<PackedWord> = []
    /// The length in bytes of the longest elided word (0 when the language elides none).
    var longestElision = 0
    /// Pronouns that follow a verb after a hyphen (`il` in `dit-il`, `t-il` in `a-t-il`), longest first.
    var invertedPronouns: [[UInt8]] = []
    /// Hyphenated words that end like an inverted pronoun but are one word (`rendez-vous`), lower-cased.
    var hyphenatedWords: Set<PackedWord> = []
    /// Whether English clitics are split off (`do` `n't`, `it` `'s`).
    var splitsEnglishClitics = false
    /// Lower-cased words that may start a sentence after an initialism (see ``LanguageData/sentenceStarters``).
    var sentenceStarters: Set<PackedWord> = []

    /// The built-in rules of a language (`fr`, `en`); generic rules for others.
    public init(language: LanguageCode) {
        self.language = language
        let data = LanguageData.forLanguage(language)
        addAbbreviations(data.leadingAbbreviations, kind: .leading)
        addAbbreviations(data.trailingAbbreviations, kind: .trailing)
        elisions = Set(data.elisions.compactMap { PackedWord($0, asciiLowercased: true) })
        longestElision = data.elisions.map(\.utf8.count).max() ?? 0
        invertedPronouns = data.invertedPronouns.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        hyphenatedWords = Set(data.hyphenatedWords.compactMap { PackedWord($0, asciiLowercased: true) })
        splitsEnglishClitics = data.splitsEnglishClitics
        sentenceStarters = Set(data.sentenceStarters.compactMap { PackedWord($0, asciiLowercased: true) })
    }

    /// Adds abbreviations, written with or without their final period (`Gén.` or `Gén`).
    ///
    /// An abbreviation written in lower case also matches with a capital first letter, as at the
    /// start of a sentence (`art.` matches `Art.`). Abbreviations longer than 16 UTF-8 bytes
    /// without an inner period are ignored.
    public mutating func addAbbreviations(_ words: [String], kind: AbbreviationKind) {
        for word in words {
            var text = word.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix(".") { text.removeLast() }
            guard !text.isEmpty else { continue }
            for variant in Self.caseVariants(of: text) {
                if variant.contains(".") {
                    let bytes = Array((variant + ".").utf8)
                    dottedAbbreviations.removeAll { $0.bytes == bytes }
                    dottedAbbreviations.append((bytes, kind))
                } else if let key = PackedWord(variant) {
                    abbreviations[key] = kind
                }
            }
        }
    }

    /// Adds the abbreviations of a text file: one a line, `#` starts a comment, and a line
    /// `etc. trailing` marks an abbreviation that may end a sentence (the default is `leading`).
    ///
    /// - Throws: ``StageError`` naming the file and line when the file cannot be read or a line
    ///   has an unknown kind.
    public mutating func addAbbreviations(contentsOf path: String) throws {
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StageError("cannot read abbreviations file \(path): \(error.localizedDescription)")
        }
        for (index, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let word = fields.first else { continue }
            var kind = AbbreviationKind.leading
            if fields.count > 1 {
                guard fields.count == 2, let parsed = AbbreviationKind(rawValue: String(fields[1])) else {
                    throw StageError(
                        "\(path):\(index + 1): expected an abbreviation, optionally followed by 'leading' or "
                            + "'trailing', got '\(line.trimmingCharacters(in: .whitespaces))'")
                }
                kind = parsed
            }
            addAbbreviations([String(word)], kind: kind)
        }
    }

    /// The word itself, plus its capitalised form when it starts with an ASCII lower-case letter.
    private static func caseVariants(of word: String) -> [String] {
        guard let first = word.unicodeScalars.first, first.isASCII, first.properties.isLowercase else { return [word] }
        return [word, word.prefix(1).uppercased() + word.dropFirst()]
    }

    // MARK: - Lookups used by the scanners

    /// The kind of the abbreviation spelled by `bytes[range]` (without its period), if it is one.
    @inline(__always)
    func abbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> AbbreviationKind? {
        guard !abbreviations.isEmpty, let key = PackedWord(bytes, range) else { return nil }
        return abbreviations[key]
    }

    /// The length and kind of an abbreviation with inner periods starting at `start`, if one does.
    func dottedAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
        -> (length: Int, kind: AbbreviationKind)?
    {
        for entry in dottedAbbreviations where entry.bytes.count <= end - start {
            var matches = true
            for (offset, byte) in entry.bytes.enumerated() where bytes[start + offset] != byte {
                matches = false
                break
            }
            guard matches else { continue }
            let after = start + entry.bytes.count
            if after < end, bytes.characterClass(at: after).0.contains(.letter) { continue }
            return (entry.bytes.count, entry.kind)
        }
        return nil
    }

    /// Whether `bytes[range]` is an elided word that keeps its apostrophe (`l`, `qu`, `jusqu`).
    @inline(__always)
    func isElision(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= longestElision, let key = PackedWord(bytes, range, asciiLowercased: true) else { return false }
        return elisions.contains(key)
    }

    /// The length in bytes of the inverted pronoun, hyphen included, starting at the hyphen at
    /// `hyphen` (`-t-il`, `-vous`), when the rest of the hyphenated chain is only inverted pronouns.
    func invertedPronounLength(_ bytes: UnsafeBufferPointer<UInt8>, at hyphen: Int, end: Int) -> Int? {
        guard !invertedPronouns.isEmpty, bytes[hyphen] == 0x2D else { return nil }
        var first: Int?
        var position = hyphen
        while position < end && bytes[position] == 0x2D {
            guard let length = pronounLength(bytes, at: position + 1, end: end) else { return nil }
            if first == nil { first = length + 1 }
            position += length + 1
        }
        if position < end, bytes.characterClass(at: position).0.intersection([.letter, .digit, .mark, .hyphen]) != [] {
            return nil
        }
        return first
    }

    private func pronounLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int? {
        candidates: for pronoun in invertedPronouns where pronoun.count <= end - start {
            for (offset, byte) in pronoun.enumerated() where bytes[start + offset] != byte { continue candidates }
            let after = start + pronoun.count
            if after < end {
                let (cls, _) = bytes.characterClass(at: after)
                if cls.intersection(.wordCharacter) != [] { continue }
            }
            return pronoun.count
        }
        return nil
    }

    /// Whether `bytes[range]` is a hyphenated word kept whole although it ends like an inverted
    /// pronoun (`rendez-vous`).
    func isHyphenatedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !hyphenatedWords.isEmpty, let key = PackedWord(bytes, range, asciiLowercased: true) else { return false }
        return hyphenatedWords.contains(key)
    }

    /// The length of an English clitic (`'s`, `'re`, `'ll`, `n't`…) starting at `start`, when the
    /// clitic ends the word; `start` is the apostrophe, or the `n` of `n't`.
    func cliticLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int? {
        guard splitsEnglishClitics else { return nil }
        var position = start
        var letters: [UInt8] = []
        if bytes[position] | 0x20 == 0x6E {  // n't
            position += 1
            guard position < end, bytes.characterClass(at: position).0.contains(.apostrophe) else { return nil }
            position += bytes.scalar(at: position).length
            guard position < end, bytes[position] | 0x20 == 0x74 else { return nil }
            position += 1
        } else {
            guard bytes.characterClass(at: position).0.contains(.apostrophe) else { return nil }
            position += bytes.scalar(at: position).length
            while position < end, letters.count < 3, bytes[position] < 0x80,
                bytes.characterClass(at: position).0.contains(.letter)
            {
                letters.append(bytes[position] | 0x20)
                position += 1
            }
            guard Self.englishClitics.contains(letters) else { return nil }
        }
        if position < end, bytes.characterClass(at: position).0.intersection(.wordCharacter) != [] { return nil }
        return position - start
    }

    private static let englishClitics: Set<[UInt8]> = Set(["s", "re", "ve", "ll", "d", "m"].map { Array($0.utf8) })
}
