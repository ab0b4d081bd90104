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

    /// Spans that do not lie inside the text, and removals that do not match the original text.
    static func spanProblems(in article: Article) -> [String] {
        let length = article.text.unicodeScalars.count
        var problems: [String] = []
        func check(_ spans: [Span], _ layer: String) {
            if let bad = spans.first(where: { $0.end > length }) {
                problems.append("\(layer) span \(bad) lies outside the text (\(length) scalars)")
            }
        }
        check(article.blocks.map(\.span), "block")
        check(article.sentences.map(\.span), "sentence")
        check(article.tokens.map(\.span), "token")
        check(article.entities.map(\.span), "entity")
        check(article.keywords.flatMap(\.spans), "keyword")
        check(article.summary?.scores.map(\.span) ?? [], "summary")
        for entity in article.entities where entity.span.end <= length && article.text(of: entity.span) != entity.text {
            problems.append("entity \(entity.span) says '\(entity.text)' but the text there is '\(article.text(of: entity.span))'")
        }
        let original = Array(article.originalText.unicodeScalars)
        for removal in article.removals {
            guard removal.original.end <= original.count else {
                problems.append("removal \(removal.original) lies outside the original text")
                continue
            }
            let removed = String(String.UnicodeScalarView(original[removal.original.range]))
            if removed != removal.text {
                problems.append("removal \(removal.original) says '\(removal.text)' but the original text there is '\(removed)'")
            }
        }
        return problems
    }
}
