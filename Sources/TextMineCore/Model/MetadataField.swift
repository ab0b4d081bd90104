/// A metadata value (`title`, `date`, `authors`…) with its provenance.
public struct MetadataField: Codable, Hashable, Sendable {
    /// The value: usually a string, or a list of strings (`authors`).
    public var value: JSONValue
    /// The instance id of the stage that set it.
    public var stage: String
    /// The rule inside that stage that matched (`date-header`, `byline-fr`…).
    public var rule: String
    /// Where the value was found, as scalar offsets into the article's original text, if known.
    public var source: Span?

    public init(value: JSONValue, stage: String, rule: String, source: Span? = nil) {
        self.value = value
        self.stage = stage
        self.rule = rule
        self.source = source
    }
}
