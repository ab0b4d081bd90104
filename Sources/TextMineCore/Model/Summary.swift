/// An extractive summary that keeps every sentence's score, not only the selection, and every
/// part of the selected sentences that the summary text leaves out.
public struct Summary: Codable, Hashable, Sendable {
    /// The method that scored the sentences (`lead`, `textrank`, `news`…).
    public var method: String
    /// One entry per sentence of the article, in text order.
    public var scores: [ScoredSentence]
    /// Indexes into `scores` of the selected sentences, in document order.
    public var selected: [Int]
    /// Parts of the selected sentences left out of `text` (an attribution, an aside), in text
    /// order, each inside one selected sentence; empty when the sentences are kept whole.
    public var cuts: [SummaryCut]
    /// The summary text: the selected sentences in document order without their cuts, white space
    /// collapsed, a sentence whose opening was cut starting with a capital.
    public var text: String

    public init(method: String, scores: [ScoredSentence], selected: [Int], cuts: [SummaryCut] = [], text: String) {
        self.method = method
        self.scores = scores
        self.selected = selected
        self.cuts = cuts
        self.text = text
    }

    private enum CodingKeys: String, CodingKey { case method, scores, selected, cuts, text }

    /// Reads a summary; one written before cuts existed (no `cuts` key) has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(String.self, forKey: .method)
        scores = try container.decode([ScoredSentence].self, forKey: .scores)
        selected = try container.decode([Int].self, forKey: .selected)
        cuts = try container.decodeIfPresent([SummaryCut].self, forKey: .cuts) ?? []
        text = try container.decode(String.self, forKey: .text)
    }
}

/// A part of a selected sentence that the summary text leaves out, and why. The article's text
/// keeps it: `text[span]` is what was cut.
public struct SummaryCut: Codable, Hashable, Sendable {
    /// What was cut (scalar offsets into the article's `text`).
    public var span: Span
    /// Why: `parenthesis`, `opening`, `closing` or `inserted` for the built-in `summarize` (see
    /// docs/stages/summarize.md); plugins may give their own reasons.
    public var reason: String

    public init(span: Span, reason: String) {
        self.span = span
        self.reason = reason
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
