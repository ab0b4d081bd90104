import TextMineCore

/// The rules every stage follows, checked on an article before and after a stage processed it.
///
/// ``StageHarness`` checks them after every run; call ``violations(before:after:checks:)`` directly
/// to check a whole pipeline's output.
public enum StageContract {
    /// Which rules to check.
    public struct Checks: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Every span lies inside `text`, and removals point at their text in the original.
        public static let spans = Checks(rawValue: 1 << 0)
        /// `text` changed only through `applyEdits` (so nothing was lost silently).
        public static let editsOnly = Checks(rawValue: 1 << 1)
        /// A second run on the same article gives the same result.
        public static let determinism = Checks(rawValue: 1 << 2)

        /// All rules.
        public static let all: Checks = [.spans, .editsOnly, .determinism]
    }

    /// The rules `after` breaks, as sentences; empty when the stage kept the contract.
    public static func violations(before: Article, after: Article, checks: Checks = .all) -> [String] {
        var problems: [String] = []
        if checks.contains(.editsOnly), after.text != before.text {
            if after.original == nil || after.alignment == before.alignment && after.original == before.original {
                problems.append("'text' was assigned directly; change it with article.applyEdits(_:step:)")
            }
        }
        if checks.contains(.editsOnly), after.removals.count < before.removals.count
            || zip(before.removals, after.removals).contains(where: { $0 != $1 })
        {
            problems.append("earlier removals were changed or dropped")
        }
        if checks.contains(.spans) {
            problems += spanProblems(in: after)
        }
        return problems
    }

    /// Spans that do not lie inside the text they point into, quoted text (an entity's mention,
    /// a removal's text) that differs from the text at its span, and values whose parts disagree
    /// (a summary selection outside its scores, a cut outside the selected sentences), for every
    /// field of ``ArticleField``'s table.
    static func spanProblems(in article: Article) -> [String] {
        let text = Array(article.text.unicodeScalars)
        let original = article.original.map { Array($0.unicodeScalars) } ?? text
        func scalars(_ target: SpanTarget) -> [Unicode.Scalar] { target == .text ? text : original }
        func describe(_ target: SpanTarget) -> String { target == .text ? "the text" : "the original text" }
        var problems: [String] = []
        for definition in ArticleField.definitions {
            var outside: (Span, SpanTarget)?
            definition.forEachSpan?(article) { span, target in
                if outside == nil, span.end > scalars(target).count { outside = (span, target) }
            }
            if let (span, target) = outside {
                problems.append("\(definition.itemName) span \(span) lies outside \(describe(target)) (\(scalars(target).count) scalars)")
            }
        }
        for definition in ArticleField.definitions {
            definition.forEachQuote?(article) { quoted, span, target in
                let source = scalars(target)
                guard span.end <= source.count else { return }
                let there = String(String.UnicodeScalarView(source[span.range]))
                if there != quoted {
                    problems.append("\(definition.itemName) \(span) says '\(quoted)' but \(describe(target)) there is '\(there)'")
                }
            }
        }
        for definition in ArticleField.definitions {
            if let problem = definition.shapeProblem?(article) { problems.append(problem) }
        }
        return problems
    }
}
