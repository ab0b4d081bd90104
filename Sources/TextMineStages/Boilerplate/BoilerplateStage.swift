import TextMineCore

/// Removes boilerplate (share and subscribe prompts, comment forms, related links, cookie notices,
/// galleries, author bios, English noise in a French article, a repeated title) from the body,
/// block by block and, at the edges of long paragraphs, sentence by sentence.
public struct BoilerplateStage: Stage {
    static let packs = PackLibrary.option(adding: "stopwords and boilerplate patterns")
    static let aggressiveness = StageOption<Double>("aggressiveness", in: 0...1, default: 0.5,
        doc: "From 0 (keep anything plausible) to 1 (remove anything doubtful); moves the content-score threshold from 0.3 to 0.6.")
    static let shortWords = StageOption<Int>("short-words", in: 1...50, default: 7,
        doc: "Blocks with fewer words are short: their neighbours decide whether they are content.")
    static let sentences = StageOption<Bool>("sentences", default: true,
        doc: "Trim boilerplate sentences from the start and end of long paragraphs.")
    static let otherLanguage = StageOption<Bool>("other-language", default: true,
        doc: "Remove blocks written in another language than the article (English noise in a French article).")
    static let titleRepeat = StageOption<Bool>("title-repeat", default: true,
        doc: "Remove blocks that repeat the title found by `metadata`.")
    static let smoothing = StageOption<Bool>("smoothing", default: true,
        doc: "Let neighbouring blocks decide short blocks (jusText-style); otherwise their own score does.")
    static let categories = StageOption<[String]>("categories", default: [],
        doc: "Pattern categories to use (`share`, `subscribe`, `newsletter`, `comments`, `related`, `cookies`, `gallery`, `legal`, `navigation`, `dates`, or a category of your packs); empty uses all.")
    static let explain = StageOption<Bool>("explain", default: false,
        doc: "Store every block's decision, score, reason and features in the `boilerplate.explain` layer.")

    public static let description = StageDescription(
        id: "boilerplate",
        abstract: "Classifies blocks as content or boilerplate and removes the boilerplate.",
        documentation: """
            Each line of the text is a block. Every block gets features (words, stopword density in \
            the article's language, the language whose stopwords dominate it, share of capitals and \
            punctuation, whether it ends like a sentence, a boilerplate phrase from the language \
            packs, repetition of the title, position) and a content score. A boilerplate phrase in a \
            short block, a block in another language or a repeated title is boilerplate at once; \
            blocks shorter than `short-words` take the class of their neighbours (jusText-style \
            smoothing); the rest are kept when their score reaches the threshold set by \
            `aggressiveness`. In paragraphs of three or more sentences, boilerplate sentences at \
            the start and end are trimmed (subscription appeals glued to the last paragraph).

            Removed text goes to the article's removals with the reason (`boilerplate: share`, \
            `boilerplate: other-language`, `boilerplate: title-repeat`…). Kept blocks are stored \
            in `blocks` with their role (`body`, or `heading` for a short line without final \
            punctuation) and score. With `explain: true` the `boilerplate.explain` layer holds \
            every decision with its score, reason and features. An article that is all \
            boilerplate ends with an empty body and the metadata field `empty-body: true`.

            The article's language is the pipeline's `language` (or the article's own); when \
            neither is set, the language whose stopwords are densest in the text.
            """,
        options: [packs, aggressiveness, shortWords, sentences, otherLanguage, titleRepeat, smoothing, categories, explain],
        produces: [.blocks, .boilerplateRemoved],
        languages: LanguageSupport(BuiltinPacks.all.map(\.language), others: .generic))

    private let classifier: BoilerplateClassifier
    private let trimSentences: Bool
    private let explain: Bool
    /// Sentence splitters by language, built once.
    private let splitters: [LanguageCode: SentenceSplitter]

    public init(options: StageOptions) throws {
        let library = try PackLibrary(userPacks: options[Self.packs])
        classifier = BoilerplateClassifier(library: library, settings: .init(
            aggressiveness: options[Self.aggressiveness], shortWords: options[Self.shortWords],
            otherLanguage: options[Self.otherLanguage], titleRepeat: options[Self.titleRepeat],
            smoothing: options[Self.smoothing], categories: options[Self.categories]))
        trimSentences = options[Self.sentences]
        explain = options[Self.explain]
        var splitters: [LanguageCode: SentenceSplitter] = [:]
        for language in library.languages + [.undetermined] { splitters[language] = SentenceSplitter(language: language) }
        self.splitters = splitters
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let lines = TextLines.ranges(in: text.utf8)
        let declared = article.language.flatMap { $0.isUndetermined ? nil : $0 }
        let language = declared ?? classifier.guessLanguage(of: article.text)
        if let declared, classifier.model.languageIndex(declared) == nil {
            article.warn("no language pack for '\(declared)': the patterns of all packs apply, the other-language rule does not")
        }
        let title = article.metadata["title"]?.value.stringValue
        let decisions = classifier.classify(bytes: text.utf8, blocks: lines, language: language, title: title)
        try context.checkDeadline()

        var removals: [(range: Range<Int>, reason: String)] = []
        var entries: [BoilerplateExplanation.Entry] = []
        var blocks: [Block] = []
        let splitter = language.flatMap { splitters[$0] } ?? splitters[.undetermined]!
        let trimming = SentenceTrimming(classifier: classifier, splitter: splitter)
        let languageIndex = classifier.model.languageIndex(language)
        for (line, decision) in zip(lines, decisions) {
            if explain { entries.append(entry(article, text, line, unit: "block", decision)) }
            if decision.isBoilerplate {
                removals.append((TextLines.removalRange(of: line, in: text.utf8), decision.reason))
                continue
            }
            let isShort = decision.features.words < classifier.settings.shortWords
            let role: BlockRole = isShort && !BlockFeatures.ending(text.utf8, line).punctuated ? .heading : .body
            blocks.append(Block(span: text.span(ofBytes: line), role: role, score: decision.score))
            guard trimSentences, decision.features.words > BoilerplateClassifier.paragraphWords else { continue }
            for trimmed in trimming.trim(text, block: line, language: languageIndex,
                                                  marks: decision.features.sentenceMarks) {
                removals.append(trimmed)
                if explain {
                    var sentenceDecision = decision
                    sentenceDecision.isBoilerplate = true
                    sentenceDecision.reason = trimmed.reason
                    sentenceDecision.score = 0.05
                    entries.append(entry(article, text, trimmed.range, unit: "sentence", sentenceDecision))
                }
            }
        }

        article.blocks = blocks
        if explain { article[layer: BoilerplateExplanation.self] = BoilerplateExplanation(entries: entries, language: language) }
        if article.language == nil { article.language = language }
        try article.applyEdits(article.removalEdits(RemovalPlan.tidy(removals, in: text.utf8), in: text),
                               step: context.step)
        if !lines.isEmpty, blocks.isEmpty {
            article.metadata["empty-body"] = MetadataField(value: true, step: context.step, rule: "all-blocks-boilerplate")
        }
    }

    private func entry(_ article: Article, _ text: ScalarText, _ range: Range<Int>, unit: String,
                       _ decision: BlockDecision) -> BoilerplateExplanation.Entry {
        let span = text.span(ofBytes: range)
        let preview = String(text.string(span).unicodeScalars.prefix(80))
        return .init(original: article.originalSpan(of: span), unit: unit, preview: preview, decision: decision)
    }
}
