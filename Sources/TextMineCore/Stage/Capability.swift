/// Something a stage produces and a later stage may require: an annotation layer or a property of
/// the text. Lint checks that every requirement is produced by an earlier stage.
public struct Capability: StringName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The text has been normalised by `clean`.
    public static let cleanText: Capability = "clean-text"
    /// Metadata fields were extracted.
    public static let metadata: Capability = "metadata"
    /// Blocks with roles.
    public static let blocks: Capability = "blocks"
    /// Boilerplate has been removed from the text.
    public static let boilerplateRemoved: Capability = "boilerplate-removed"
    /// Sentence spans.
    public static let sentences: Capability = "sentences"
    /// Token spans.
    public static let tokens: Capability = "tokens"
    /// Named entities.
    public static let entities: Capability = "entities"
    /// A summary.
    public static let summary: Capability = "summary"
    /// Key phrases.
    public static let keywords: Capability = "keywords"
}
