import TextMineCore

/// The `language` stage: identifies each article's language (and each block's, on request) with a
/// character n-gram model, and sets `article.language` to it when sure; the declared language (the
/// input's or the pipeline's `language:`) is the fallback.
public struct LanguageStage: Stage {
    static let model = StageOption<String?>.path("model",
        doc: "A model trained with `textmine train language`; default: the built-in model (de, en, es, fr, it, nl, pl, pt, ru).")
    static let minConfidence = StageOption<Double>("min-confidence", in: 0...1, default: 0.8,
        doc: "Below this confidence the detection is unsure: the declared language stays (`und` when there is none).")
    static let blocks = StageOption<Bool>("blocks", default: false,
        doc: "Also identify each non-blank line (block) of the text, in the `language` layer.")

    public static let description = StageDescription(
        id: "language",
        abstract: "Identifies the article's language (and each block's) with a character n-gram model.",
        documentation: """
            Reads the text once (hashed character n-grams of 1 to 4 letters and whole words, naive \
            Bayes weights refined by averaged-perceptron passes; over 50 MB per second) and sets `language` to the detected language when its \
            confidence reaches `min-confidence`; otherwise the declared language (the input's, or the \
            pipeline's `language:`) stays, and `und` when there is none. Text in none of the model's \
            languages (another script, or words the model's languages do not use) or too short to tell \
            is `und`; a label for text that sits between two of the model's languages or beside one \
            (a close relative: Galician, Afrikaans) keeps a confidence of at most 0.5, so the declared \
            language stays. The `language` layer records `detected`, `confidence`, `declared` and which one \
            was used, and with `blocks: true` the language and confidence of every non-blank line. \
            Later stages follow `language` (their `language: auto`). See docs/stages/language.md.
            """,
        options: [model, minConfidence, blocks],
        languages: LanguageSupport(["de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"], others: .undetermined))

    /// The most bytes read for the article's language (the start of a longer text is enough).
    static let articleSampleBytes = 64 * 1024

    private let identifier: LanguageModel
    private let minConfidence: Double
    private let perBlock: Bool

    public init(options: StageOptions) throws {
        do {
            identifier = try options[Self.model].map { try LanguageModel(contentsOf: $0) } ?? LanguageModel.builtIn()
        } catch let error as StageError {
            throw StageError(error.message, option: Self.model.name)
        }
        minConfidence = options[Self.minConfidence]
        perBlock = options[Self.blocks]
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let found = text.utf8.withUnsafeBufferPointer {
            identifier.identify(UnsafeBufferPointer(rebasing: $0.prefix(Self.articleSampleBytes)))
        }
        let declared = article.language
        let sure = !found.language.isUndetermined && found.confidence >= minConfidence
        article.language = sure ? found.language : declared ?? .undetermined
        var layer = LanguageLayer(
            detected: found.language, confidence: Self.rounded(found.confidence), declared: declared,
            used: sure ? "detected" : declared == nil ? "undetermined" : "declared")
        if perBlock {
            let lines = TextLines.ranges(in: text.utf8)
            layer.blocks = text.utf8.withUnsafeBufferPointer { bytes in
                lines.map { line in
                    let block = identifier.identify(UnsafeBufferPointer(rebasing: bytes[line]))
                    let span = text.span(ofBytes: line)
                    return LanguageLayer.Block(span: [span.start, span.end], language: block.language,
                                               confidence: Self.rounded(block.confidence))
                }
            }
        }
        article[layer: LanguageLayer.self] = layer
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
