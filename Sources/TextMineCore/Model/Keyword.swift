/// A key phrase of the article.
public struct Keyword: Codable, Hashable, Sendable {
    /// The phrase, normalised (lowercase unless it is a name).
    public var phrase: String
    /// The score (higher is more important).
    public var score: Double
    /// Where the phrase occurs in `text`.
    public var spans: [Span]

    public init(phrase: String, score: Double, spans: [Span] = []) {
        self.phrase = phrase
        self.score = score
        self.spans = spans
    }
}
