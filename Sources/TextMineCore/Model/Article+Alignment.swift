extension Article {
    /// Maps a span of the current `text` to the span of ``originalText`` it came from, through every
    /// edit stages made (normalisations and removals alike).
    ///
    /// The result is exact (see ``Alignment/exactOriginalSpan(of:)``): an entity right after a removed
    /// byline maps to the entity alone.
    ///
    /// ```swift
    /// let raw = article.originalSpan(of: entity.span)  // where the mention was in the input file
    /// ```
    public func originalSpan(of span: Span) -> Span {
        alignment?.exactOriginalSpan(of: span) ?? span
    }

    /// The text of ``originalText`` that a span of the current `text` came from.
    public func originalText(of span: Span) -> String {
        let original = originalSpan(of: span)
        let scalars = originalText.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: original.start)
        let end = scalars.index(start, offsetBy: original.length)
        return String(scalars[start..<end])
    }
}
