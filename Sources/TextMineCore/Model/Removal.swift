/// Text a stage dropped from the body, kept so that nothing is lost.
public struct Removal: Codable, Hashable, Sendable {
    /// The text that was removed.
    public var text: String
    /// Where it was in the original text (scalar offsets into ``Article/originalText``).
    public var original: Span
    /// The name of the step that removed it (written as `stage` in JSON).
    public var step: String
    /// Why (`boilerplate: share-links`, `metadata: byline`…).
    public var reason: String

    public init(text: String, original: Span, step: String, reason: String) {
        self.text = text
        self.original = original
        self.step = step
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case text, original, step = "stage", reason }
}
