import TextMineCore

/// The `boilerplate` stage's decisions, stored with `explain: true`: every block and every trimmed
/// sentence with its verdict, score, reason and features. Spans are in the article's original text
/// (``Article/originalText``), so they stay valid whatever later stages do.
public struct BoilerplateExplanation: AnnotationLayer, Equatable {
    public static let layerName = "boilerplate.explain"

    /// One block or sentence the stage decided on.
    public struct Entry: Codable, Hashable, Sendable {
        /// Where it was in the original text.
        public var original: Span
        /// `block` or `sentence`.
        public var unit: String
        /// The first 80 characters, for reading the explanation.
        public var preview: String
        public var decision: BlockDecision
    }

    /// The entries in text order.
    public var entries: [Entry]
    /// The language the stage worked in.
    public var language: LanguageCode?
}
