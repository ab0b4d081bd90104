/// A metadata value (`title`, `date`, `authors`…) with its provenance.
public struct MetadataField: Codable, Hashable, Sendable {
    /// The value: usually a string, or a list of strings (`authors`).
    public var value: JSONValue
    /// The name of the step that set it (written as `stage` in JSON).
    public var step: String
    /// The rule inside that stage that matched (`date-header`, `byline-fr`…).
    public var rule: String
    /// Where the value was found, as scalar offsets into the article's original text, if known.
    public var source: Span?

    public init(value: JSONValue, step: String, rule: String, source: Span? = nil) {
        self.value = value
        self.step = step
        self.rule = rule
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case value, step = "stage", rule, source }
}
