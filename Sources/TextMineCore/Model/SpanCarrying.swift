/// Which text a span points into.
public enum SpanTarget: Sendable {
    /// The article's current `text`.
    case text
    /// The text as it was read (``Article/originalText``).
    case original
}

/// A value that holds spans: the checks of ``Article/spanProblem()`` and of the test kit's
/// contract visit them through the field table (``ArticleField/definition``), whatever the field.
public protocol SpanCarrying {
    /// Calls `visit` with every span of the value, in order, and the text it points into.
    func forEachSpan(_ visit: (Span, SpanTarget) -> Void)
    /// Calls `visit` with every piece of text the value quotes from the article (an entity's
    /// mention, a removal's removed text) and where it says it was; none by default.
    func forEachQuote(_ visit: (String, Span, SpanTarget) -> Void)
    /// What is wrong with the value besides spans outside their text (alignment regions out of
    /// order, a summary selection outside its scores); nil by default.
    var shapeProblem: String? { get }
}

extension SpanCarrying {
    public func forEachQuote(_ visit: (String, Span, SpanTarget) -> Void) {}
    public var shapeProblem: String? { nil }
}

/// A value whose spans point into the current text and follow it when a stage edits the text
/// (``Article/applyEdits(_:step:)`` remaps every field of such a value).
public protocol TextAnchored: SpanCarrying {
    /// The value with each span mapped by `map` (nil for a span whose text was removed); nil when
    /// the value no longer has any text and is dropped (a sentence inside removed text).
    func remapped(_ map: (Span) -> Span?) -> Self?
}

// MARK: - Containers

extension Optional: SpanCarrying where Wrapped: SpanCarrying {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { self?.forEachSpan(visit) }
    public func forEachQuote(_ visit: (String, Span, SpanTarget) -> Void) { self?.forEachQuote(visit) }
    public var shapeProblem: String? { self?.shapeProblem }
}

extension Optional: TextAnchored where Wrapped: TextAnchored {
    /// The wrapped value remapped; an optional field keeps no value when its value is dropped.
    public func remapped(_ map: (Span) -> Span?) -> Self? { .some(self.flatMap { $0.remapped(map) }) }
}

extension Array: SpanCarrying where Element: SpanCarrying {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) {
        for element in self { element.forEachSpan(visit) }
    }
    public func forEachQuote(_ visit: (String, Span, SpanTarget) -> Void) {
        for element in self { element.forEachQuote(visit) }
    }
}

extension Array: TextAnchored where Element: TextAnchored {
    /// The elements remapped, without those that lost their text.
    public func remapped(_ map: (Span) -> Span?) -> Self? { compactMap { $0.remapped(map) } }
}

extension Dictionary: SpanCarrying where Key == String, Value: SpanCarrying {
    /// The values' spans, by sorted key.
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) {
        for key in keys.sorted() { self[key]!.forEachSpan(visit) }
    }
}

// MARK: - Model types

extension Block: TextAnchored {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { visit(span, .text) }
    public func remapped(_ map: (Span) -> Span?) -> Block? { map(span).map { Block(span: $0, role: role, score: score) } }
}

extension Sentence: TextAnchored {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { visit(span, .text) }
    public func remapped(_ map: (Span) -> Span?) -> Sentence? { map(span).map(Sentence.init(span:)) }
}

extension Token: TextAnchored {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { visit(span, .text) }
    public func remapped(_ map: (Span) -> Span?) -> Token? { map(span).map { Token(span: $0, kind: kind) } }
}

extension Entity: TextAnchored {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { visit(span, .text) }
    public func forEachQuote(_ visit: (String, Span, SpanTarget) -> Void) { visit(text, span, .text) }
    public func remapped(_ map: (Span) -> Span?) -> Entity? {
        map(span).map { var moved = self; moved.span = $0; return moved }
    }
}

extension Keyword: TextAnchored {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { for span in spans { visit(span, .text) } }
    /// The keyword with the occurrences that kept their text (a keyword stays, even without any).
    public func remapped(_ map: (Span) -> Span?) -> Keyword? {
        var moved = self
        moved.spans = spans.compactMap(map)
        return moved
    }
}

extension Summary: TextAnchored {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) {
        for scored in scores { visit(scored.span, .text) }
        for cut in cuts { visit(cut.span, .text) }
    }
    /// The summary with each sentence's span remapped; a sentence whose text was removed keeps its
    /// score with an empty span at 0, so that `selected` still indexes `scores`. A cut whose text
    /// was removed is dropped (there is nothing left to leave out).
    public func remapped(_ map: (Span) -> Span?) -> Summary? {
        var moved = self
        for index in moved.scores.indices {
            moved.scores[index].span = map(scores[index].span) ?? Span(start: 0, end: 0)
        }
        moved.cuts = cuts.compactMap { cut in map(cut.span).map { SummaryCut(span: $0, reason: cut.reason) } }
        return moved
    }
    /// `selected` must index `scores`, and each cut must lie inside a selected sentence, in text
    /// order without overlapping.
    public var shapeProblem: String? {
        if let bad = selected.first(where: { !scores.indices.contains($0) }) {
            return "summary.selected: \(bad) is not an index into summary.scores (\(scores.count) sentences)"
        }
        var previousEnd = 0
        for cut in cuts {
            guard cut.span.start >= previousEnd else {
                return "summary.cuts: \(cut.span) overlaps or precedes the cut before it"
            }
            guard selected.contains(where: { scores[$0].span.start <= cut.span.start && cut.span.end <= scores[$0].span.end }) else {
                return "summary.cuts: \(cut.span) is not inside a selected sentence"
            }
            previousEnd = cut.span.end
        }
        return nil
    }
}

extension Removal: SpanCarrying {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { visit(original, .original) }
    public func forEachQuote(_ visit: (String, Span, SpanTarget) -> Void) { visit(text, original, .original) }
}

extension MetadataField: SpanCarrying {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) { if let source { visit(source, .original) } }
}

/// The alignment's spans are not remapped: ``Article/applyEdits(_:step:)`` rebuilds it.
extension Alignment: SpanCarrying {
    public func forEachSpan(_ visit: (Span, SpanTarget) -> Void) {
        for region in regions {
            visit(region.current, .text)
            visit(region.original, .original)
        }
    }
    public var shapeProblem: String? {
        for (index, (before, after)) in zip(regions, regions.dropFirst()).enumerated()
        where after.current.start < before.current.end || after.original.start < before.original.end {
            return "alignment[\(index + 1)]: regions must be in text order without overlap"
        }
        return nil
    }
}
