/// A change to an article's text: replace `span` with `replacement`.
///
/// An edit with a `reason` is recorded in ``Article/removals`` (use it for everything that drops
/// content: boilerplate, bylines, credits); an edit without one is a normalisation (quotes, spaces,
/// mojibake) and is kept only in the ``Alignment``.
public struct TextEdit: Hashable, Sendable {
    /// The span of the current text to replace.
    public var span: Span
    /// The text to put in its place (empty for a deletion).
    public var replacement: String
    /// Why the text is removed, when the edit drops content.
    public var reason: String?

    public init(span: Span, replacement: String = "", reason: String? = nil) {
        self.span = span
        self.replacement = replacement
        self.reason = reason
    }

    /// A deletion recorded as a removal.
    public static func remove(_ span: Span, reason: String) -> TextEdit {
        TextEdit(span: span, replacement: "", reason: reason)
    }
}
