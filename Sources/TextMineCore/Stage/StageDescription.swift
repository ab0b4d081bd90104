/// What a stage type is, declared in one value: its id, what it does, its options, what it needs
/// from earlier steps and what it adds.
///
/// A stage type declares it once as ``Stage/description``; the registry, lint, `textmine stages`
/// and the JSON Schema export read it. Every field is typed by this initialiser, so
/// `requires: [.sentences]` is a `Set<Capability>` whether or not the declaration is annotated.
///
/// ```swift
/// static let description = StageDescription(
///     id: "keywords", abstract: "Key phrases per article.",
///     options: [count, language],
///     requires: [.sentences], produces: [.keywords])
/// ```
public struct StageDescription: Sendable {
    /// The name used after `use:` in pipelines; lowercase words joined by `-`.
    public var id: StageID
    /// One line that says what the stage does (`textmine stages`).
    public var abstract: String
    /// Longer documentation (Markdown) shown by `textmine stages ID`.
    public var documentation: String
    /// The options the stage accepts, with types, defaults and docs.
    public var options: OptionSchema
    /// What earlier steps must have produced.
    public var requires: Set<Capability>
    /// What this stage adds to the article.
    public var produces: Set<Capability>
    /// The languages the stage has its own rules, packs or models for, and what it does with others.
    public var languages: LanguageSupport

    public init(id: StageID, abstract: String, documentation: String = "", options: OptionSchema = [],
                requires: Set<Capability> = [], produces: Set<Capability> = [], languages: LanguageSupport = .any) {
        self.id = id
        self.abstract = abstract
        self.documentation = documentation
        self.options = options
        self.requires = requires
        self.produces = produces
        self.languages = languages
    }
}
