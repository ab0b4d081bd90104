import TextMineCore

/// The `language` annotation layer: what the `language` stage detected, how sure it was, what the
/// input declared and which of them became the article's `language`; with `blocks: true`, the
/// language of every non-blank line.
public struct LanguageLayer: AnnotationLayer, Equatable {
    public static let layerName = "language"

    /// One non-blank line (block) and its language.
    public struct Block: Codable, Sendable, Equatable {
        /// The line's span in the text, as `[start, end]`.
        public var span: [Int]
        public var language: LanguageCode
        /// The model's confidence, rounded to three decimals.
        public var confidence: Double
    }

    /// The language the model found (`und` when it cannot tell).
    public var detected: LanguageCode
    /// The model's confidence in it, rounded to three decimals.
    public var confidence: Double
    /// The language the input or the pipeline declared, if any.
    public var declared: LanguageCode?
    /// Which one became `language`: `detected`, `declared` or `undetermined`.
    public var used: String
    /// Every non-blank line's language, with `blocks: true`.
    public var blocks: [Block]?
}
