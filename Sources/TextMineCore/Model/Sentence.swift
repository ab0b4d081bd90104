/// A sentence of the body.
public struct Sentence: Codable, Hashable, Sendable {
    /// Where the sentence is in `text`.
    public var span: Span

    public init(span: Span) { self.span = span }
}

/// A token of the body.
public struct Token: Codable, Hashable, Sendable {
    /// Where the token is in `text`.
    public var span: Span
    /// What kind of token it is (`word`, `number`, `punct`, `symbol`…), when the tokenizer says.
    public var kind: String?

    public init(span: Span, kind: String? = nil) {
        self.span = span
        self.kind = kind
    }
}
