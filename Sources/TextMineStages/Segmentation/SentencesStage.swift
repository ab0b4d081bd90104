import TextMineCore

/// The `sentences` stage: splits the text into sentences with ``SentenceSplitter``.
public struct SentencesStage: Stage {
    static let lineBreaks = StageOption<SentenceSplitter.LineBreaks>(
        "line-breaks", default: .auto,
        doc: "What a single line break means: `auto` ends a sentence unless the next line starts in lower case, "
            + "`line` always ends one, `paragraph` never does (blank lines always end a sentence).")

    public static let description = StageDescription(
        id: "sentences",
        abstract: "Splits the text into sentences (rules for French, English and other languages).",
        documentation: """
            Fills `sentences` with the spans of the sentences of `text`, by rules on the tokens of the \
            `tokens` stage's tokenizer (so no sentence boundary falls inside a token). It knows the \
            abbreviations of French and English (`M.`, `Mme`, `Dr.`, `etc.`, `p.`, `art.`, `av. J.-C.`), \
            initials (`J. Biden`), numbers (`1.5`, `100 000`), ellipses, « » and “ ” quotations \
            (`« Nous partons. »` ends after `»`; `« … », a-t-il déclaré.` is one sentence), sentences glued \
            without a space (`Pyrénées.Alors`), blank lines, and headings or list items without final \
            punctuation on their own line. The language is the article's, else the `language` option. \
            Other stages can call `SentenceSplitter` directly. See docs/stages/sentences.md.
            """,
        options: OptionSchema(SegmentationOptions.all + [lineBreaks]),
        produces: [.sentences], languages: SegmentationOptions.languages)

    private let rules: SegmentationOptions.RulesByLanguage
    private let lineBreaks: SentenceSplitter.LineBreaks

    public init(options: StageOptions) throws {
        rules = try SegmentationOptions.RulesByLanguage(options: options)
        lineBreaks = options[Self.lineBreaks]
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let splitter = SentenceSplitter(rules: rules.rules(for: article), lineBreaks: lineBreaks)
        article.sentences = splitter.split(article.scalarText).map(Sentence.init(span:))
    }
}
