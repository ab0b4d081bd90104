/// A processing step of a pipeline: the extension point of TextMine.
///
/// A stage type describes itself in one static value, ``description`` (id, one-line abstract,
/// documentation, options, requirements, products); its option schema drives option parsing, lint,
/// `textmine stages` and JSON-schema export.
/// The runtime builds one instance per pipeline step from validated options and calls
/// ``process(_:context:)`` once per article.
///
/// Implementation requirements:
/// - `process` is called **concurrently** from several threads on different articles, so a stage
///   keeps no mutable state (it is `Sendable`); build tables, models and patterns once in `init`.
/// - Given the same article and options, `process` gives the same result (determinism).
/// - A stage changes `text` only through ``Article/applyEdits(_:step:)``, so removals and the
///   alignment to the original are kept; it records provenance with `context.step`.
/// - A stage reports bad input by throwing; the error policy of the pipeline decides what happens
///   to the article. Throw ``StageError`` for messages meant for users.
///
/// ```swift
/// struct Shout: Stage {
///     static let suffix = StageOption<String>("suffix", default: "", doc: "Text added at the end.")
///     static let description = StageDescription(id: "shout", abstract: "Upper-cases the text.", options: [suffix])
///
///     let suffix: String
///     init(options: StageOptions) throws { suffix = options[Self.suffix] }
///     func process(_ article: inout Article, context: StageContext) throws {
///         try article.applyEdits([TextEdit(span: Span(start: 0, end: article.text.unicodeScalars.count),
///                                          replacement: article.text.uppercased() + suffix)], step: context.step)
///     }
/// }
/// ```
public protocol Stage: Sendable {
    /// What the stage is: id, abstract, documentation, options, requirements and products.
    ///
    /// One value without a default, so a declaration the compiler does not match fails to compile
    /// instead of silently losing to a default.
    static var description: StageDescription { get }

    /// Builds the stage from options already validated against its schema (defaults filled in);
    /// read them with the stage's ``StageOption`` keys: `options[Self.count]`.
    /// Throw ``StageError`` (with the option's name) for a value the schema cannot check, such as a
    /// model file that does not load.
    init(options: StageOptions) throws

    /// Processes one article.
    func process(_ article: inout Article, context: StageContext) throws
}

/// A stage that needs statistics over the whole corpus (document frequencies, say) before it can
/// process any article.
///
/// The runtime runs the earlier stages on every article, calls ``prepare(corpus:)`` once with all of
/// them, and then resumes article by article. A pipeline with a corpus stage holds the corpus in
/// memory.
public protocol CorpusStage: Stage {
    /// Gathers corpus statistics from all articles as the earlier stages left them.
    mutating func prepare(corpus: [Article]) throws
}

/// What the runtime tells a stage about the step it is running as.
public struct StageContext: Sendable {
    /// The name of this step in the pipeline (its `id:` in YAML, else its stage id); record
    /// it as the provenance of what the stage adds.
    public var step: String
    /// When the step must give up on this article (`limits.step-timeout`), or nil for no limit.
    public var deadline: StepDeadline?

    public init(step: String, deadline: StepDeadline? = nil) {
        self.step = step
        self.deadline = deadline
    }

    /// Throws when the step has spent its time budget on this article, so that a long loop stops
    /// instead of running on: that article fails with an error naming the step and the limit, and
    /// the run goes on. One clock read per call (tens of nanoseconds): call it at the head of a
    /// long loop every few hundred iterations or between phases, not per character or token.
    @inline(__always)
    public func checkDeadline() throws(StageError) {
        guard let deadline, SystemClock.nanoseconds > deadline.nanoseconds else { return }
        throw StageError(deadline.problem(step: step))
    }
}
