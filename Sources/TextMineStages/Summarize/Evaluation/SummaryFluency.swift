import TextMineCore

/// Checks whether a summary reads as prose: no debris left by removals and no sentence that leans
/// on one the summary left out. Used by `textmine eval summarize` to count faulty summaries.
package enum SummaryFluency {
    /// Whether the text holds debris: a `.` or `,` after a full stop with only spaces between
    /// (`ukrainienne. . Selon`, `Peskov. , a rapporté`; an ellipsis `...` is fine), a doubled comma,
    /// a space before a comma, or an all-capitals article before a capitalised one (`UNE La BBC`).
    package static func hasDebris(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where scalar == "." || scalar == "," {
            var j = i + 1
            while j < scalars.count, scalars[j] == " " || scalars[j] == "\u{A0}" { j += 1 }
            guard j > i + 1, j < scalars.count else {
                if scalar == ",", i > 0, scalars[i - 1] == " " { return true }
                continue
            }
            if scalars[j] == "," { return true }
            if scalars[j] == "." && scalar == "." {
                // `. . .` is a spaced ellipsis.
                let before = i > 1 && scalars[i - 1] == " " && scalars[i - 2] == "."
                let after = j + 2 < scalars.count && scalars[j + 1] == " " && scalars[j + 2] == "."
                if !before && !after { return true }
            }
            if scalar == ",", i > 0, scalars[i - 1] == " " { return true }
        }
        for word in ["UNE ", "UN ", "LE ", "LA ", "LES ", "DES "] {
            var rest = Substring(text)
            while let range = rest.range(of: word) {
                let atStart = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " "
                let next = rest[range.upperBound...].prefix(3)
                if atStart, ["La ", "Le ", "Les", "L'", "Un ", "Une"].contains(where: { next.hasPrefix($0) }) { return true }
                rest = rest[range.upperBound...]
            }
        }
        return false
    }

    /// Whether a selected sentence of the article's summary cannot stand alone (see
    /// ``SentenceOpening``) and the sentence before it is not in the summary (the article's first
    /// sentence leans on nothing). Sentences are the summary's scored spans, else the article's; a
    /// sentence whose opening was cut is read from the end of that cut, as the summary text has it.
    package static func hasOrphanOpening(_ article: Article) -> Bool {
        guard let summary = article.summary, !summary.selected.isEmpty else { return false }
        var spans = summary.scores.isEmpty ? article.sentences.map(\.span) : summary.scores.map(\.span)
        for cut in summary.cuts {
            if let i = spans.firstIndex(where: { $0.start == cut.span.start && cut.span.end <= $0.end }) {
                spans[i] = Span(start: cut.span.end, end: spans[i].end)
            }
        }
        let dependent = SentenceOpening().dependentSentences(text: article.scalarText, spans: spans)
        let selected = Set(summary.selected)
        return summary.selected.contains { $0 > 0 && $0 < dependent.count && dependent[$0] && !selected.contains($0 - 1) }
    }
}
