/// A named-entity mention.
public struct Entity: Codable, Hashable, Sendable {
    /// Where the mention is in `text`.
    public var span: Span
    /// The mention as it appears in the text.
    public var text: String
    /// The entity type: `PER`, `ORG`, `LOC`, `MISC`, or a label of a custom model.
    public var label: String
    /// The name all mentions of this entity in the article share (`Poutine` → `Vladimir Poutine`).
    public var canonical: String
    /// How sure the tagger is, from 0 to 1.
    public var confidence: Double
    /// The name of the step that tagged it (written as `stage` in JSON).
    public var step: String

    public init(span: Span, text: String, label: String, canonical: String, confidence: Double, step: String) {
        self.span = span
        self.text = text
        self.label = label
        self.canonical = canonical
        self.confidence = confidence
        self.step = step
    }

    private enum CodingKeys: String, CodingKey { case span, text, label, canonical, confidence, step = "stage" }
}
