import TextMineCore

/// The `tokens` stage: splits the whole text into tokens with ``Tokenizer``.
public struct TokensStage: Stage {
    public static let description = StageDescription(
        id: "tokens",
        abstract: "Splits the text into word, number, punctuation, symbol, URL and e-mail tokens.",
        documentation: """
            Fills `tokens` with the spans of all tokens of `text`, each with its `kind` (`word`, `number`, \
            `punct`, `symbol`, `url`, `email`). It needs no other stage. French elision keeps the apostrophe \
            (`l’` `Ukraine`, `jusqu’` `au`, `aujourd’hui` whole), hyphenated compounds are one token \
            (`États-Unis`, `porte-parole`), inverted pronouns are split off as in the French treebanks \
            (`a` `-t-il`), abbreviations keep their period (`M.`, `etc.`), numbers keep their separators \
            (`3,5`, `100 000`), « and » are tokens of their own. The language is the article's, else the \
            `language` option. Other stages can call `Tokenizer` directly. See docs/stages/tokens.md.
            """,
        options: OptionSchema(SegmentationOptions.all),
        produces: [.tokens], languages: SegmentationOptions.languages)

    private let rules: SegmentationOptions.RulesByLanguage

    public init(options: StageOptions) throws {
        rules = try SegmentationOptions.RulesByLanguage(options: options)
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let tokenizer = Tokenizer(rules: rules.rules(for: article))
        article.tokens = tokenizer.tokenize(article.scalarText)
    }
}
