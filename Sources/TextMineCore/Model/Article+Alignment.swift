extension Article {
    /// Maps a span of the current `text` to the span of ``originalText`` it came from, through every
    /// edit stages made (normalisations and removals alike).
    ///
    /// The result is tight: text deleted right before or after the span (a removed byline, a
    /// dropped zero-width space) is not part of it, while a normalised character inside or at the
    /// edge of the span maps to the whole original it replaced (`'` → `’`, `é` → `Ã©`).
    ///
    /// ```swift
    /// let raw = article.originalSpan(of: entity.span)  // where the mention was in the input file
    /// ```
    public func originalSpan(of span: Span) -> Span {
        guard let regions = alignment?.regions, !regions.isEmpty else { return span }
        let start = Self.originalStart(of: span.start, regions)
        let end = span.isEmpty ? start : Self.originalEnd(of: span.end, regions)
        return Span(start: start, end: max(start, end))
    }

    /// The text of ``originalText`` that a span of the current `text` came from.
    public func originalText(of span: Span) -> String {
        let original = originalSpan(of: span)
        let scalars = originalText.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: original.start)
        let end = scalars.index(start, offsetBy: original.length)
        return String(scalars[start..<end])
    }

    /// A start offset: after any deletion sitting at it, at the start of a replacement containing it.
    private static func originalStart(of offset: Int, _ regions: [Alignment.Region]) -> Int {
        // Last region whose current start is <= offset.
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].current.start <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let region = regions[low - 1]
        if offset < region.current.end { return region.original.start }
        return region.original.end + (offset - region.current.end)
    }

    /// An end offset: before any deletion sitting at it, at the end of a replacement containing it.
    private static func originalEnd(of offset: Int, _ regions: [Alignment.Region]) -> Int {
        // Last region whose current start is < offset.
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].current.start < offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let region = regions[low - 1]
        if offset <= region.current.end { return region.original.end }
        return region.original.end + (offset - region.current.end)
    }
}
