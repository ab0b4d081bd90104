/// The shared document model: one article that every stage reads and writes.
///
/// `text` is the current body. Stages that change it go through ``Article/applyEdits(_:step:)``,
/// which keeps `original`, records every removal with its reason and keeps an ``Alignment`` from
/// the current text back to the original, so nothing is ever lost. All spans are Unicode scalar
/// offsets into `text` (see ``Span``).
///
/// Every stored field but `pendingWarnings` has its line in ``ArticleField``'s table, from which
/// output, input, `Codable`, the plugin protocol, remapping on edit and span checks are derived:
/// a new annotation layer is a stored property here (with its empty default) and a case there.
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
    public var original: String? = nil
    /// Metadata fields by name (`title`, `date`, `authors`…), each with its provenance.
    public var metadata: [String: MetadataField] = [:]
    /// Blocks (lines or paragraphs) with their roles.
    public var blocks: [Block] = []
    /// Sentences, in text order.
    public var sentences: [Sentence] = []
    /// Tokens, in text order.
    public var tokens: [Token] = []
    /// Named-entity mentions, in text order.
    public var entities: [Entity] = []
    /// The extractive summary, with every sentence's score.
    public var summary: Summary? = nil
    /// Key phrases, best first.
    public var keywords: [Keyword] = []
    /// Text that stages dropped from the body: what, where, which stage and why.
    public var removals: [Removal] = []
    /// Maps offsets of the current `text` to offsets of `original` (nil while unedited).
    public var alignment: Alignment? = nil
    /// One entry per stage that processed the article, in order.
    public var trace: [StepTrace] = []
    /// Annotation layers that plugins attach, by layer name (see ``AnnotationLayer``).
    public var layers: [String: JSONValue] = [:]
    /// Warnings the running stage raised with ``warn(_:)``, moved into its ``StepTrace`` by
    /// ``recordTrace(step:seconds:)`` when it finishes (not encoded).
    public private(set) var pendingWarnings: [String] = []
    /// `text` as a `String`, as UTF-8 bytes, or both; see ``ArticleText``.
    private var body: ArticleText

    /// Creates an article with the given text and no annotations.
    public init(id: String, text: String, source: Source? = nil, language: LanguageCode? = nil) {
        self.id = id
        self.source = source
        self.language = language
        self.body = ArticleText(text)
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
    /// Decodes an article; every field but `id` and `text` may be missing (JSONL inputs often carry
    /// only those two), and a `language` that is no language code is dropped.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ArticleField.self)
        self.init(id: try c.decode(String.self, forKey: .id), text: try c.decode(String.self, forKey: .text))
        for definition in ArticleField.definitions where !definition.isRequired {
            try definition.decode(c, &self)
        }
    }

    /// Encodes the article in ``ArticleField`` order, leaving out empty layers to keep JSONL output small.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ArticleField.self)
        for definition in ArticleField.definitions where definition.hasValue(self) {
            try definition.encode(self, &c)
        }
    }
}
