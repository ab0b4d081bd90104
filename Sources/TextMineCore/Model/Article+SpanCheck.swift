extension Article {
    /// Checks every span of the article against the text it points into: annotation spans
    /// `0 ≤ start ≤ end ≤` the length of `text`; removal, alignment-original and metadata source
    /// spans against the original text; alignment regions in text order without overlap; summary
    /// selections inside the scores. Articles read from outside (JSONL input) are checked before any
    /// stage slices text with their spans.
    ///
    /// - Returns: what is wrong, naming the field (`sentences[3]: span [5, 90) lies outside the text
    ///   (42 scalars)`), or nil when every span fits.
    public func spanProblem() -> String? {
        let hasSpans = !blocks.isEmpty || !sentences.isEmpty || !tokens.isEmpty || !entities.isEmpty
            || !keywords.isEmpty || summary != nil || !removals.isEmpty || alignment != nil
            || metadata.values.contains { $0.source != nil }
        guard hasSpans else { return nil }
        let length = text.unicodeScalars.count
        let originalLength = original.map { $0.unicodeScalars.count } ?? length

        func check(_ field: String, _ spans: some Sequence<Span>, within limit: Int) -> String? {
            for (index, span) in spans.enumerated() where span.start < 0 || span.start > span.end || span.end > limit {
                return "\(field)[\(index)]: \(SpanError(start: span.start, end: span.end, length: limit))"
            }
            return nil
        }
        if let problem = check("blocks", blocks.lazy.map(\.span), within: length)
            ?? check("sentences", sentences.lazy.map(\.span), within: length)
            ?? check("tokens", tokens.lazy.map(\.span), within: length)
            ?? check("entities", entities.lazy.map(\.span), within: length)
            ?? check("keywords", keywords.lazy.flatMap(\.spans), within: length)
            ?? check("summary.scores", (summary?.scores ?? []).lazy.map(\.span), within: length)
            ?? check("removals", removals.lazy.map(\.original), within: originalLength)
            ?? check("alignment.current", (alignment?.regions ?? []).lazy.map(\.current), within: length)
            ?? check("alignment.original", (alignment?.regions ?? []).lazy.map(\.original), within: originalLength) {
            return problem
        }
        for name in metadata.keys.sorted() {
            if let source = metadata[name]?.source,
               let problem = check("metadata.\(name).source", [source], within: originalLength) {
                return problem
            }
        }
        if let regions = alignment?.regions {
            for (index, (before, after)) in zip(regions, regions.dropFirst()).enumerated()
            where after.current.start < before.current.end || after.original.start < before.original.end {
                return "alignment[\(index + 1)]: regions must be in text order without overlap"
            }
        }
        if let summary, let bad = summary.selected.first(where: { !summary.scores.indices.contains($0) }) {
            return "summary.selected: \(bad) is not an index into summary.scores (\(summary.scores.count) sentences)"
        }
        return nil
    }
}
