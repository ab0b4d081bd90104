import TextMineCore

/// The options the `sentences` and `tokens` stages share, and the per-language rules they build.
enum SegmentationOptions {
    static let language = StageOption<String>(
        "language", default: "fr",
        doc: "The language of articles that do not say theirs (`article.language`): `fr` and `en` have their own "
            + "rules, any other code gets generic rules.")
    static let abbreviations = StageOption<[String]>(
        "abbreviations", default: [],
        doc: "More abbreviations that never end a sentence, such as titles (`Gén.`, `Cdt.`); the final period is "
            + "optional. A lower-case one also matches capitalised.")
    static let trailingAbbreviations = StageOption<[String]>(
        "trailing-abbreviations", default: [],
        doc: "More abbreviations that may end a sentence, which they do before a capital (`etc.`, `ibid.`).")
    static let abbreviationsFile = StageOption<String?>.path(
        "abbreviations-file",
        doc: "A text file of more abbreviations: one a line, `#` comments, `etc. trailing` for one that may end "
            + "a sentence.")

    /// The options both stages accept.
    static let all: [any OptionDeclaration] = [language, abbreviations, trailingAbbreviations, abbreviationsFile]

    /// The rules of each language, with the user's abbreviations added, built once per stage.
    struct RulesByLanguage: Sendable {
        /// The language of articles without one.
        let defaultLanguage: String
        private let french: SegmentationRules
        private let english: SegmentationRules
        private let generic: SegmentationRules

        init(options: StageOptions) throws {
            defaultLanguage = options[language]
            let leading = options[abbreviations]
            let trailing = options[trailingAbbreviations]
            let file = options[abbreviationsFile]
            func build(_ code: String) throws -> SegmentationRules {
                var rules = SegmentationRules(language: code)
                rules.addAbbreviations(leading, kind: .leading)
                rules.addAbbreviations(trailing, kind: .trailing)
                if let file {
                    do {
                        try rules.addAbbreviations(contentsOf: file)
                    } catch let error as StageError {
                        throw StageError(error.message, option: abbreviationsFile.name)
                    }
                }
                return rules
            }
            french = try build("fr")
            english = try build("en")
            generic = try build("und")
        }

        /// The rules for an article's language (`nil`: the default language).
        func rules(for articleLanguage: String?) -> SegmentationRules {
            switch SegmentationRules.baseLanguage(articleLanguage ?? defaultLanguage) {
            case "fr": return french
            case "en": return english
            default: return generic
            }
        }
    }
}
