import TextMineCore

/// The options the `sentences` and `tokens` stages share, and the per-language rules they build.
enum SegmentationOptions {
    /// The languages with their own rules; others get generic rules.
    static let languages = LanguageSupport(["fr", "en"], others: .generic)
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
    static let all: [any OptionDeclaration] = [LanguageSetting.option, abbreviations, trailingAbbreviations, abbreviationsFile]

    /// The rules of each language, with the user's abbreviations added, built once per stage.
    struct RulesByLanguage: Sendable {
        /// The `language` option.
        let setting: LanguageSetting
        private let french: SegmentationRules
        private let english: SegmentationRules
        private let generic: SegmentationRules

        init(options: StageOptions) throws {
            setting = options[LanguageSetting.option]
            let leading = options[abbreviations]
            let trailing = options[trailingAbbreviations]
            let file = options[abbreviationsFile]
            func build(_ code: LanguageCode) throws -> SegmentationRules {
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
            generic = try build(.undetermined)
        }

        /// The rules for an article: those of its language (French for an article without one, as
        /// French is TextMine's first language), generic rules for other languages.
        func rules(for article: Article) -> SegmentationRules {
            switch setting.language(of: article) ?? "fr" {
            case "fr": return french
            case "en": return english
            default: return generic
            }
        }
    }
}
