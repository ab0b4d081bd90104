/// The shared document model: one article that every stage reads and writes.
///
/// `text` is the current body. Stages that change it go through ``Article/applyEdits(_:step:)``,
/// which keeps `original`, records every removal with its reason and keeps an ``Alignment`` from
/// the current text back to the original, so nothing is ever lost. All spans are Unicode scalar
/// offsets into `text` (see ``Span``).
public struct Article: Codable, Sendable, Equatable {
    /// A stable identifier, by default the input file name without extension (or the JSONL `id`).
    public var id: String
    /// Where the article came from.
    public var source: Source?
    /// The article's language (`fr`, `en`, `und`), when known: as the input said or the pipeline
    /// declared it, then as the `language` stage detected it.
    public var language: LanguageCode?
    /// The current body text.
    public var text: String {
        get { body.string }
        set { body = ArticleText(newValue) }
    }
    /// The text as it was read, kept once a stage edits `text` (nil while `text` is unedited).
    public var original: String?
    /// Metadata fields by name (`title`, `date`, `authors`…), each with its provenance.
    public var metadata: [String: MetadataField]
    /// Blocks (lines or paragraphs) with their roles.
    public var blocks: [Block]
    /// Sentences, in text order.
    public var sentences: [Sentence]
    /// Tokens, in text order.
    public var tokens: [Token]
    /// Named-entity mentions, in text order.
    public var entities: [Entity]
    /// The extractive summary, with every sentence's score.
    public var summary: Summary?
    /// Key phrases, best first.
    public var keywords: [Keyword]
    /// Text that stages dropped from the body: what, where, which stage and why.
    public var removals: [Removal]
    /// Maps offsets of the current `text` to offsets of `original` (nil while unedited).
    public var alignment: Alignment?
    /// One entry per stage that processed the article, in order.
    public var trace: [StepTrace]
    /// Annotation layers that plugins attach, by layer name (see ``AnnotationLayer``).
    public var layers: [String: JSONValue]
    /// Warnings the running stage raised with ``warn(_:)``, moved into its ``StepTrace`` by
    /// ``recordTrace(step:seconds:)`` when it finishes (not encoded).
    public private(set) var pendingWarnings: [String]
    /// `text` as a `String`, as UTF-8 bytes, or both; see ``ArticleText``.
    private var body: ArticleText

    /// Creates an article with the given text and no annotations.
    public init(id: String, text: String, source: Source? = nil, language: LanguageCode? = nil) {
        self.id = id
        self.source = source
        self.language = language
        self.body = ArticleText(text)
        self.original = nil
        self.metadata = [:]
        self.blocks = []
        self.sentences = []
        self.tokens = []
        self.entities = []
        self.summary = nil
        self.keywords = []
        self.removals = []
        self.alignment = nil
        self.trace = []
        self.layers = [:]
        self.pendingWarnings = []
    }

    /// Notes a warning about this article for the running stage's trace entry: the stage still
    /// processes the article, but says what it could not do (`no entity model for 'fi'`).
    public mutating func warn(_ message: String) {
        pendingWarnings.append(message)
    }

    /// Appends the trace entry of a stage that finished, with the warnings it raised.
    public mutating func recordTrace(step: String, seconds: Double?) {
        trace.append(StepTrace(step: step, seconds: seconds, warnings: pendingWarnings))
        pendingWarnings = []
    }

    /// The text as it was read: `original` when the text was edited, otherwise `text`.
    public var originalText: String { original ?? text }

    /// `text` as UTF-8 bytes with scalar-offset maps, built once and shared by every stage.
    ///
    /// Building a ``ScalarText`` scans the whole text, so stages read this instead of calling
    /// `ScalarText(article.text)`: it is built once per text, and ``applyEdits(_:step:)`` makes the
    /// view of the edited text directly from the previous one.
    public var scalarText: ScalarText { body.view }

    /// Whether `text` is empty or only white space (cheap: it stops at the first other character).
    public var isTextBlank: Bool { body.isBlank }

    /// Replaces `text` with an edited view; the `String` is made only if someone asks for `text`.
    mutating func replaceText(with view: ScalarText) {
        body = ArticleText(view)
    }
}

// MARK: - Codable

extension Article {
    private enum CodingKeys: String, CodingKey {
        case id, source, language, metadata, text, summary, keywords, entities, removals, original,
            sentences, blocks, tokens, alignment, trace, layers
    }

    /// Decodes an article; every field but `id` and `text` may be missing (JSONL inputs often carry
    /// only those two).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), text: try c.decode(String.self, forKey: .text))
        source = try c.decodeIfPresent(Source.self, forKey: .source)
        language = try c.decodeIfPresent(String.self, forKey: .language).flatMap { LanguageCode($0) }
        original = try c.decodeIfPresent(String.self, forKey: .original)
        metadata = try c.decodeIfPresent([String: MetadataField].self, forKey: .metadata) ?? [:]
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
        sentences = try c.decodeIfPresent([Sentence].self, forKey: .sentences) ?? []
        tokens = try c.decodeIfPresent([Token].self, forKey: .tokens) ?? []
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        summary = try c.decodeIfPresent(Summary.self, forKey: .summary)
        keywords = try c.decodeIfPresent([Keyword].self, forKey: .keywords) ?? []
        removals = try c.decodeIfPresent([Removal].self, forKey: .removals) ?? []
        alignment = try c.decodeIfPresent(Alignment.self, forKey: .alignment)
        trace = try c.decodeIfPresent([StepTrace].self, forKey: .trace) ?? []
        layers = try c.decodeIfPresent([String: JSONValue].self, forKey: .layers) ?? [:]
    }

    /// Encodes the article in ``ArticleField`` order, leaving out empty layers to keep JSONL output small.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(language, forKey: .language)
        if !metadata.isEmpty { try c.encode(metadata, forKey: .metadata) }
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(summary, forKey: .summary)
        if !keywords.isEmpty { try c.encode(keywords, forKey: .keywords) }
        if !entities.isEmpty { try c.encode(entities, forKey: .entities) }
        if !removals.isEmpty { try c.encode(removals, forKey: .removals) }
        try c.encodeIfPresent(original, forKey: .original)
        if !sentences.isEmpty { try c.encode(sentences, forKey: .sentences) }
        if !blocks.isEmpty { try c.encode(blocks, forKey: .blocks) }
        if !tokens.isEmpty { try c.encode(tokens, forKey: .tokens) }
        try c.encodeIfPresent(alignment, forKey: .alignment)
        if !trace.isEmpty { try c.encode(trace, forKey: .trace) }
        if !layers.isEmpty { try c.encode(layers, forKey: .layers) }
    }
}
