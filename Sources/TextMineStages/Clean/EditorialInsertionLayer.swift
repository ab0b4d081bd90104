import TextMineCore

/// The editorial insertions `clean` found with `editorial: flag`, as spans of the article's
/// original text (``Article/originalText``), which later edits do not move.
public struct EditorialInsertionLayer: AnnotationLayer, Equatable {
    public static let layerName = "clean.editorial-insertions"
    /// Where each insertion is in the original text, brackets included.
    public var spans: [Span]

    public init(spans: [Span]) { self.spans = spans }
}
