import TextMineCore

/// What TextMine knows about one language: stopwords (for the stopword density of a block, and the
/// words that are never terms of summaries and key phrases), metadata cues (byline words, date
/// labels, month names, credit lines), boilerplate phrases by category (share, subscribe,
/// comments…), the names entities go by (`OTAN` for `Organisation du Traité de l'Atlantique
/// Nord`) and the words that are no key phrase on their own (`lundi`, `deux`, `nouvelle`).
///
/// Packs are YAML files (see `docs/stages/boilerplate.md`); the French, English and German packs
/// ship with TextMine and users add their own with the `packs:` option of the stages that read
/// them (`extract`, `metadata`, `boilerplate`, `summarize`, `keywords`). Several packs for one
/// language add up.
public struct LanguagePack: Sendable {
    /// The language of the pack (`fr`, `en`).
    public var language: LanguageCode
    /// The file the pack was read from (`<builtin>/fr.yaml` for shipped packs), for messages.
    public var file: String
    /// Frequent function words, folded (lowercase): their density tells prose from boilerplate.
    public var stopwords: Set<[UInt8]>
    /// The words `summarize` and `keywords` never count as terms, folded: function words, rarer
    /// auxiliary forms, reporting verbs (`déclaré`, `said`). Nil when the pack has no
    /// `term-stopwords`: its `stopwords` serve.
    public var termStopwords: Set<[UInt8]>?
    /// Names of one entity, its canonical name first (`Russie`, `Fédération de Russie`):
    /// `keywords` lists a phrase that names an entity under its canonical name.
    public var entityAliases: [[String]]
    /// Words `keywords` never keeps as a key phrase on their own, whatever their statistics
    /// (calendar words, quantities, adverbs, adjectives that come before their noun, the commonest
    /// verb forms of news); they still count inside longer phrases. The pack's `months` join them.
    public var loneWords: [String]
    /// Words that open a byline (`par`, `by`).
    public var bylineWords: [String]
    /// Words that join author names (`et`, `and`).
    public var nameJoiners: [String]
    /// Labels that introduce a date (`publié le`, `updated`).
    public var dateLabels: [String]
    /// Labels that introduce an update date (`mis à jour le`).
    public var updateLabels: [String]
    /// Month names, January first.
    public var months: [String]
    /// Patterns of credit lines (`* ont contribué au reportage`).
    public var credits: [TextPattern]
    /// Boilerplate patterns by category, in file order.
    public var boilerplate: [(category: String, patterns: [TextPattern])]

    public init(language: LanguageCode, file: String, stopwords: Set<[UInt8]> = [], termStopwords: Set<[UInt8]>? = nil,
                entityAliases: [[String]] = [], loneWords: [String] = [], bylineWords: [String] = [],
                nameJoiners: [String] = [], dateLabels: [String] = [], updateLabels: [String] = [],
                months: [String] = [], credits: [TextPattern] = [],
                boilerplate: [(category: String, patterns: [TextPattern])] = []) {
        self.language = language
        self.file = file
        self.stopwords = stopwords
        self.termStopwords = termStopwords
        self.entityAliases = entityAliases
        self.loneWords = loneWords
        self.bylineWords = bylineWords
        self.nameJoiners = nameJoiners
        self.dateLabels = dateLabels
        self.updateLabels = updateLabels
        self.months = months
        self.credits = credits
        self.boilerplate = boilerplate
    }
}

/// The language packs that ship with TextMine, as YAML text compiled into the library (so they work
/// the same from `swift run`, `swift test` and an installed binary).
public enum BuiltinPacks {
    /// The shipped packs by file name.
    static let sources: [(file: String, yaml: String)] = [
        ("<builtin>/en.yaml", english),
        ("<builtin>/fr.yaml", french),
        ("<builtin>/de.yaml", german),
    ]

    /// The shipped packs, parsed once.
    public static let all: [LanguagePack] = sources.map { source in
        do {
            return try LanguagePack(yaml: source.yaml, file: source.file)
        } catch {
            preconditionFailure("built-in language pack is invalid: \(error)")
        }
    }
}
