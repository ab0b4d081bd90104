import TextMineCore

/// The language packs a stage works with (the shipped ones plus the user's `packs:` files), compiled
/// into matchers once, when the stage is built.
public struct PackLibrary: Sendable {
    /// The packs, shipped ones first.
    public let packs: [LanguagePack]
    /// Languages with stopwords, in pack order.
    public let languages: [LanguageCode]
    /// Stopwords of every language, each word with the bits of its languages (bit i: `languages[i]`).
    let stopwords: WordSet

    /// The `packs` option of a stage that reads language packs: extra pack files whose `what`
    /// (`stopwords`, `byline words`…) add to the shipped packs.
    static func option(adding what: String) -> StageOption<[String]> {
        .paths("packs", doc: "Extra language pack files (YAML) whose \(what) add to the built-in French, English and German ones.")
    }

    /// The shipped packs plus the packs read from `paths`.
    /// - Throws: the ``Diagnostic`` of the first pack that does not load.
    public init(userPacks paths: [String]) throws(Diagnostic) {
        var packs = BuiltinPacks.all
        for path in paths { packs.append(try LanguagePack(contentsOf: path)) }
        self.init(packs: packs)
    }

    /// A library of the given packs.
    public init(packs: [LanguagePack]) {
        self.packs = packs
        var words: [LanguageCode: [[UInt8]]] = [:]
        var languages: [LanguageCode] = []
        for pack in packs where !pack.stopwords.isEmpty {
            if words[pack.language] == nil { languages.append(pack.language) }
            words[pack.language, default: []].append(contentsOf: pack.stopwords)
        }
        self.languages = languages
        stopwords = WordSet(languages.enumerated().flatMap { bit, language in words[language]!.map { (word: $0, bit: bit) } })
    }

    /// All boilerplate patterns, labelled with their category.
    public var boilerplatePatterns: PatternSet {
        PatternSet(packs.flatMap { pack in
            pack.boilerplate.flatMap { category in category.patterns.map { PatternSet.Entry(pattern: $0, label: category.category) } }
        })
    }

    /// All credit-line patterns.
    public var creditPatterns: PatternSet {
        PatternSet(packs.flatMap { pack in pack.credits.map { PatternSet.Entry(pattern: $0, label: "credits") } })
    }

    /// The values of one metadata list over all packs (byline words, month names…), in pack order.
    public func metadataWords(_ keyPath: KeyPath<LanguagePack, [String]>) -> [String] {
        var seen: Set<String> = []
        return packs.flatMap { $0[keyPath: keyPath] }.filter { seen.insert($0.lowercased()).inserted }
    }
}
