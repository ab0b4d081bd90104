/// Text a stage dropped from the body, kept so that nothing is lost.
public struct Removal: Codable, Hashable, Sendable {
    /// The text that was removed.
    public var text: String
    /// Where it was in the original text (scalar offsets into ``Article/originalText``).
    public var original: Span
    /// The instance id of the stage that removed it.
    public var stage: String
    /// Why (`boilerplate: share-links`, `metadata: byline`…).
    public var reason: String

    public init(text: String, original: Span, stage: String, reason: String) {
        self.text = text
        self.original = original
        self.stage = stage
        self.reason = reason
    }
}
