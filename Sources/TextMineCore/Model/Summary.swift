/// An extractive summary that keeps every sentence's score, not only the selection.
public struct Summary: Codable, Hashable, Sendable {
    /// The method that scored the sentences (`lead`, `textrank`, `news`…).
    public var method: String
    /// One entry per sentence of the article, in text order.
    public var scores: [ScoredSentence]
    /// Indexes into `scores` of the selected sentences, in document order.
    public var selected: [Int]
    /// The summary text: the selected sentences in document order.
    public var text: String

    public init(method: String, scores: [ScoredSentence], selected: [Int], text: String) {
        self.method = method
        self.scores = scores
        self.selected = selected
        self.text = text
    }
}

/// A sentence with its summary score.
public struct ScoredSentence: Codable, Hashable, Sendable {
    /// Where the sentence is in `text`.
    public var span: Span
    /// The method's score (higher is better).
    public var score: Double
    /// The 1-based rank by score (1 = best).
    public var rank: Int
    /// Why the sentence could not be selected (`boilerplate`, `fragment`…), if it could not.
    public var ineligible: String?
    /// The feature values a learned method scored the sentence on, by name (nil for methods
    /// without features).
    public var features: FeatureValues?

    public init(span: Span, score: Double, rank: Int, ineligible: String? = nil, features: FeatureValues? = nil) {
        self.span = span
        self.score = score
        self.rank = rank
        self.ineligible = ineligible
        self.features = features
    }
}
