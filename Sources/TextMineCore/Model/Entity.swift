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
    /// The instance id of the stage that tagged it.
    public var stage: String

    public init(span: Span, text: String, label: String, canonical: String, confidence: Double, stage: String) {
        self.span = span
        self.text = text
        self.label = label
        self.canonical = canonical
        self.confidence = confidence
        self.stage = stage
    }
}
