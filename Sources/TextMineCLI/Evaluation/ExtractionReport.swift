/// Scores of extracted texts against gold texts, per language and overall: pooled ("micro")
/// precision, recall and F1 over all tokens, and the mean of per-page F1 ("macro").
struct ExtractionReport: Sendable {
    /// One page's score.
    struct Page: Sendable {
        var id: String
        var language: String
        var score: TokenOverlap
    }

    private(set) var pages: [Page] = []

    mutating func add(id: String, language: String, predicted: String, gold: String) {
        pages.append(Page(id: id, language: language, score: TokenOverlap(predicted: predicted, gold: gold)))
    }

    /// Rows for `all` and each language (most pages first; `only` keeps just those languages).
    func rows(languages only: [String]? = nil) -> [(name: String, pages: Int, micro: TokenOverlap, macroF1: Double)] {
        var groups: [String: [Page]] = [:]
        for page in pages { groups[page.language, default: []].append(page) }
        var names = groups.keys.sorted { (groups[$0]!.count, $1) > (groups[$1]!.count, $0) }
        if let only { names = only.filter { groups[$0] != nil } }
        return [("all", pages)] .map(row) + names.map { row(($0, groups[$0]!)) }
    }

    private func row(_ group: (String, [Page])) -> (name: String, pages: Int, micro: TokenOverlap, macroF1: Double) {
        let micro = group.1.reduce(TokenOverlap()) { $0 + $1.score }
        let macro = group.1.isEmpty ? 0 : group.1.reduce(0) { $0 + $1.score.f1 } / Double(group.1.count)
        return (group.0, group.1.count, micro, macro)
    }

    /// A plain-text table of the rows.
    func table(title: String, languages: [String]? = nil) -> String {
        var lines = [title, "lang     pages      P      R     F1   macro-F1"]
        for row in rows(languages: languages) {
            lines.append(
                row.name.padding(toLength: 8, withPad: " ", startingAt: 0) + " "
                    + String(row.pages).leftPadded(to: 5) + "  " + format(row.micro.precision) + "  "
                    + format(row.micro.recall) + "  " + format(row.micro.f1) + "      " + format(row.macroF1))
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        return "\(thousandths / 1000).\(String(thousandths % 1000).leftPadded(to: 3, with: "0"))"
    }
}

extension String {
    fileprivate func leftPadded(to length: Int, with pad: Character = " ") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
