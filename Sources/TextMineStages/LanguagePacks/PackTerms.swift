import TextMineCore

/// What `summarize` and `keywords` take from the language packs, per language, built once with the
/// stage: the words that are never terms (each pack's `term-stopwords`, else its `stopwords`), the
/// names entities go by (`entity-aliases`) and the words that are no key phrase alone
/// (`lone-words` with the pack's `months`). Packs of one language add up, so a user's pack
/// extends what both stages skip and join. An article in a language without stopwords gets the
/// stopwords of every language together and no aliases; one in a language without lone words gets
/// every language's.
struct PackTerms: Sendable {
    /// The languages with stopwords, in pack order.
    let languages: [LanguageCode]
    private let stopwords: [LanguageCode: StopwordList]
    /// Every language's stopwords, for articles in other languages or none.
    private let otherStopwords: StopwordList
    private let aliases: [LanguageCode: EntityAliases]
    private let loneWords: [LanguageCode: LoneWords]
    /// Every language's lone words, for articles in other languages or none.
    private let otherLoneWords: LoneWords

    /// The terms of the built-in packs, built once.
    static let builtIn = PackTerms(library: PackLibrary(packs: BuiltinPacks.all))

    /// The terms of the built-in packs plus the pack files at `paths` (the shared built-in terms
    /// when there are none).
    /// - Throws: the ``Diagnostic`` of the first pack that does not load.
    static func with(userPacks paths: [String]) throws(Diagnostic) -> PackTerms {
        paths.isEmpty ? builtIn : PackTerms(library: try PackLibrary(userPacks: paths))
    }

    /// The terms of a library's packs.
    init(library: PackLibrary) {
        let normalizer = TermNormalizer()
        var languages: [LanguageCode] = []
        var keys: [LanguageCode: [UInt64]] = [:]
        var names: [LanguageCode: [[String]]] = [:]
        var lone: [LanguageCode: [String]] = [:]
        for pack in library.packs {
            let packWords = pack.termStopwords ?? pack.stopwords
            if !packWords.isEmpty {
                if keys[pack.language] == nil { languages.append(pack.language) }
                keys[pack.language, default: []].append(contentsOf: packWords.map {
                    normalizer.normalize(String(decoding: $0, as: UTF8.self)).wordKey
                })
            }
            if !pack.entityAliases.isEmpty { names[pack.language, default: []].append(contentsOf: pack.entityAliases) }
            if !pack.loneWords.isEmpty { lone[pack.language, default: []].append(contentsOf: pack.loneWords + pack.months) }
        }
        self.languages = languages
        stopwords = keys.mapValues { StopwordList(wordKeys: $0) }
        otherStopwords = StopwordList(wordKeys: languages.flatMap { keys[$0]! })
        aliases = names.mapValues { EntityAliases(entities: $0) }
        loneWords = lone.mapValues { LoneWords(words: $0) }
        otherLoneWords = LoneWords(words: lone.values.flatMap { $0 })
    }

    /// The stopwords of an article's language; for another language, or none, those of every language.
    func stopwords(for language: LanguageCode?) -> StopwordList {
        language.flatMap { stopwords[$0] } ?? otherStopwords
    }

    /// The entity names of a language (none for a language without them).
    func aliases(for language: LanguageCode?) -> EntityAliases {
        language.flatMap { aliases[$0] } ?? .none
    }

    /// The lone words of a language; for a language without them, or none, those of every language.
    func loneWords(for language: LanguageCode?) -> LoneWords {
        language.flatMap { loneWords[$0] } ?? otherLoneWords
    }

    /// The warning for an article in a language without stopwords (nil for a language with them,
    /// `und` or none): the stage still runs, with the stopwords of every language.
    func warning(for language: LanguageCode?) -> String? {
        guard let language, !language.isUndetermined, stopwords[language] == nil else { return nil }
        let lists = languages.map(\.code).joined(separator: ", ")
        return "no stopwords for language '\(language)': the \(lists) stopwords apply, so words and phrases may be ranked poorly"
    }
}
