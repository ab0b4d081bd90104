import TextMineCore

/// The lines of an article's text that must not yield entities, whatever the tagger says:
/// lines in another language than the article's (`Share Post:`, `You might also enjoy`), shouting
/// lines (`ABONNEZ-VOUS MAINTENANT`, `EPA/SERGEY DOLZHENKO`), links to other articles
/// (`READ  Des Népalais…`) and contributor credits (`… ont contribué au reportage.`).
///
/// These are boilerplate the `boilerplate` stage normally removes; the rules keep the `entities`
/// stage precise when it stays, or when the pipeline has no boilerplate stage.
struct NoiseLines {
    /// Why a line yields no entities.
    enum Reason: String {
        case foreignLanguage = "foreign-language line"
        case shouting = "all-caps line"
        case link = "link to another article"
        case credits = "contributor credits"
    }

    /// The word lists a folded word is in, as ``WordList`` bits, by its folded hash: one lookup a word.
    private let lists: HashedKeyTable<UInt8>

    /// The word lists of the rules.
    private enum WordList: UInt8 {
        /// Common words of the article's language.
        case own = 1
        /// Common words of the other languages (not of the article's).
        case other = 2
        /// Words that open a link to another article (`READ`, `LIRE`).
        case linkMarker = 4
        /// `contribué`, `contributed`.
        case creditMarker = 8
        /// What contributors contributed to (`reportage`, `story`).
        case creditObject = 16
    }

    /// Rules for articles in `language`; `others` are the languages whose lines are noise in it.
    init(language: LanguageCode) {
        var lists = HashedKeyTable<UInt8>()
        func add(_ words: some Sequence<String>, _ list: WordList) {
            for word in words { lists.insert(Self.foldedHash(word), orBits: list.rawValue) }
        }
        add(CommonWords.words(of: language), .own)
        let others = EntityTagger.languages.filter { $0 != language }
        add(others.flatMap { CommonWords.words(of: $0) }.filter { !CommonWords.words(of: language).contains($0) }, .other)
        add(["read", "lire", "voir", "also", "related", "see", "watch", "regarder"], .linkMarker)
        add(["contribué", "contributed"], .creditMarker)
        add(["reportage", "report", "article", "rapport", "story"], .creditObject)
        self.lists = lists
    }

    /// The folded hash of a word, as ``TokenAttributes/folded`` computes it.
    static func foldedHash(_ word: String) -> UInt64 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { TokenAttributes(bytes: $0, range: 0..<bytes.count).folded }
    }

    /// For each token (byte ranges into `bytes`, with their attributes), the reason its line is
    /// noise, or nil.
    func classify(bytes: [UInt8], tokens: [Range<Int>], attributes: TokenAttributeTable) -> [Reason?] {
        var reasons = [Reason?](repeating: nil, count: tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            // Tokens up to the next newline.
            var lineEnd = lineStart + 1
            while lineEnd < tokens.count && !Self.newline(between: tokens[lineEnd - 1].upperBound, tokens[lineEnd].lowerBound, in: bytes) {
                lineEnd += 1
            }
            if let reason = classifyLine(attributes[lineStart..<lineEnd]) {
                for k in lineStart..<lineEnd { reasons[k] = reason }
            }
            lineStart = lineEnd
        }
        return reasons
    }

    private static func newline(between start: Int, _ end: Int, in bytes: [UInt8]) -> Bool {
        var k = start
        while k < end {
            if bytes[k] == 0x0A { return true }
            k += 1
        }
        return false
    }

    private func classifyLine(_ line: Slice<TokenAttributeTable>) -> Reason? {
        var words = 0, shouting = 0, own = 0, other = 0, credits = 0, objects = 0
        var first: (flags: TokenAttributes.Flag, length: Int, lists: UInt8)?
        for k in line.startIndex..<line.endIndex {
            let token = line.base[k]
            let flags = token.flags
            guard flags.contains(.hasLetter) else { continue }
            let length = token.length
            let lists = self.lists[token.folded] ?? 0
            if first == nil { first = (flags, length, lists) }
            words += 1
            if flags.contains(.allCaps) && length >= 2 { shouting += 1 }
            if lists & WordList.own.rawValue != 0 { own += 1 }
            if lists & WordList.other.rawValue != 0 { other += 1 }
            if lists & WordList.creditMarker.rawValue != 0 { credits += 1 }
            if lists & WordList.creditObject.rawValue != 0 { objects += 1 }
        }
        guard let first else { return nil }
        if first.flags.contains(.allCaps) && first.length >= 3 && first.lists & WordList.linkMarker.rawValue != 0 { return .link }
        if other >= 2 && other > own { return .foreignLanguage }
        if words <= 4 && other >= 1 && own == 0 && words >= 2 { return .foreignLanguage }
        if shouting >= 2 && shouting * 10 >= words * 6 { return .shouting }
        if credits > 0 && objects > 0 && words <= 60 { return .credits }
        return nil
    }
}
