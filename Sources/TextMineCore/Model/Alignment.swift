/// Maps offsets of an article's current text back to its original text.
///
/// Stored as the list of edited regions; between them the two texts are identical, so an offset maps
/// by a constant shift. Offsets inside an edited region map to the region's original start (for a
/// span start) or end (for a span end). Build it through ``Article/applyEdits(_:step:)``.
public struct Alignment: Codable, Hashable, Sendable {
    /// One edited region: `current` in the current text replaced `original` in the original text.
    public struct Region: Codable, Hashable, Sendable {
        public var current: Span
        public var original: Span

        public init(current: Span, original: Span) {
            self.current = current
            self.original = original
        }
    }

    /// Edited regions in text order; they do not overlap on either side.
    public private(set) var regions: [Region]

    /// An alignment with no edits (identity).
    public init() { regions = [] }

    /// Maps a span of the current text to the span of the original text it came from, including
    /// text deleted right before or after it; see
    /// ``exactOriginalSpan(of:)`` for a span without adjacent deletions.
    public func originalSpan(of span: Span) -> Span {
        let start = originalOffset(of: span.start, roundingDown: true)
        let end = originalOffset(of: span.end, roundingDown: false)
        return Span(start: start, end: max(start, end))
    }

    /// Maps a span of the current text to exactly the original text it came from: text deleted
    /// right before or after the span (a removed byline, a dropped zero-width space) is not part of
    /// it, while a replaced character inside or at the edge of the span maps to the whole original
    /// it replaced (`'` → `’`, `é` → `Ã©`). Removals record their original span this way, so
    /// removals never overlap.
    public func exactOriginalSpan(of span: Span) -> Span {
        guard !regions.isEmpty else { return span }
        let start = tightOffset(span.start, isEnd: false)
        let end = span.isEmpty ? start : tightOffset(span.end, isEnd: true)
        return Span(start: start, end: max(start, end))
    }

    /// Whether no edit touched the inside of a span of the current text, so that its text is the
    /// same in the original (deletions right at its start or end do not count).
    func isUnedited(_ span: Span) -> Bool {
        // The first region ending after the span's start; regions are in text order.
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].current.end <= span.start { low = mid + 1 } else { high = mid }
        }
        guard low < regions.count else { return true }
        return regions[low].current.start >= span.end
    }

    /// A span start maps past any deletion sitting at it and to the start of a replacement holding
    /// it; a span end maps before any deletion sitting at it and to the end of a replacement.
    private func tightOffset(_ offset: Int, isEnd: Bool) -> Int {
        // The last region starting at or before the offset (strictly before, for an end).
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            let start = regions[mid].current.start
            if start < offset || (!isEnd && start == offset) { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let region = regions[low - 1]
        if isEnd ? offset <= region.current.end : offset < region.current.end {
            return isEnd ? region.original.end : region.original.start
        }
        return region.original.end + (offset - region.current.end)
    }

    /// Maps one offset of the current text to the original text. Inside an edited region it goes to
    /// the region's original start when `roundingDown`, else to its original end.
    public func originalOffset(of offset: Int, roundingDown: Bool) -> Int {
        // Last region whose current start is <= offset.
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].current.start <= offset { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        // For a start offset, prefer an empty region sitting exactly at it, so that a span starting
        // right where text was deleted covers that deletion's original position from its start.
        if roundingDown {
            while index > 0, regions[index - 1].current.start == offset { index -= 1 }
        }
        guard index >= 0 else { return offset }
        let region = regions[index]
        if offset < region.current.end || (offset == region.current.start && roundingDown) {
            return roundingDown ? region.original.start : region.original.end
        }
        return region.original.end + (offset - region.current.end)
    }

    /// Composes this alignment (current → original) with edits on the current text, giving the
    /// alignment of the edited text. `edits` are sorted, non-overlapping spans of the current text
    /// with the scalar length of their replacement.
    func applying(_ edits: [(span: Span, replacementLength: Int)]) -> Alignment {
        var result: [Region] = []
        result.reserveCapacity(regions.count + edits.count)
        var old = 0
        var delta = 0  // how much the new text is longer than the current text, so far
        for edit in edits {
            while old < regions.count, regions[old].current.end < edit.span.start {
                result.append(regions[old].shifted(by: delta))
                old += 1
            }
            var start = edit.span.start
            var end = edit.span.end
            // A deletion sitting where the previous edit ended already went into that edit's
            // region: start after it, so that regions never overlap.
            var originalStart = max(originalOffset(of: edit.span.start, roundingDown: true),
                                    result.last?.original.end ?? 0)
            var originalEnd = max(originalOffset(of: edit.span.end, roundingDown: false), originalStart)
            while old < regions.count, regions[old].current.start <= edit.span.end {
                let region = regions[old]
                start = min(start, region.current.start)
                end = max(end, region.current.end)
                originalStart = min(originalStart, region.original.start)
                originalEnd = max(originalEnd, region.original.end)
                old += 1
            }
            let newLength = (end - start) - edit.span.length + edit.replacementLength
            result.append(Region(
                current: Span(start: start + delta, end: start + delta + newLength),
                original: Span(start: originalStart, end: originalEnd)))
            delta += edit.replacementLength - edit.span.length
        }
        while old < regions.count {
            result.append(regions[old].shifted(by: delta))
            old += 1
        }
        var alignment = Alignment()
        alignment.regions = result
        return alignment
    }
}

extension Alignment.Region {
    fileprivate func shifted(by delta: Int) -> Self {
        Self(current: Span(start: current.start + delta, end: current.end + delta), original: original)
    }
}
