import TextMineCore

/// An example corpus stage: removes lines that appear in many articles of the corpus (share
/// buttons, newsletter prompts, agency footers), each removal with its reason.
///
/// ``prepare(corpus:)`` counts in how many articles each line appears; ``process(_:context:)`` then
/// removes the frequent ones. Lines are compared after trimming spaces.
public struct CommonLines: CorpusStage {
    static let share = StageOption<Double>("share", in: 0.01...1, default: 0.5,
        doc: "The share of articles a line must appear in.")

    public static let description = StageDescription(
        id: "common-lines",
        abstract: "Removes lines found in many articles of the corpus (example corpus stage).",
        documentation: """
            Counts in how many articles each line appears, then removes the lines found in at least \
            `share` of them (and in two articles at least), with the reason `common-lines`.
            """,
        options: [share])

    private let share: Double
    private var common: Set<String> = []

    public init(options: StageOptions) throws {
        share = options[Self.share]
    }

    public mutating func prepare(corpus: [Article]) throws {
        var articlesWithLine: [String: Int] = [:]
        for article in corpus {
            for line in Set(Self.lines(of: article.text).map(\.key)) where !line.isEmpty {
                articlesWithLine[line, default: 0] += 1
            }
        }
        let threshold = max(2, share * Double(corpus.count))
        common = Set(articlesWithLine.filter { Double($0.value) >= threshold }.keys)
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let edits = Self.lines(of: article.text).filter { common.contains($0.key) }
            .map { TextEdit.remove($0.span, reason: "common-lines") }
        try article.applyEdits(edits, step: context.step)
    }

    /// Each line with its line break, and its trimmed text as the key.
    private static func lines(of text: String) -> [(span: Span, key: String)] {
        var lines: [(Span, String)] = []
        var start = 0
        var current = String.UnicodeScalarView()
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += 1
            if scalar == "\n" {
                lines.append((Span(start: start, end: offset), String(current).trimmingSpaces))
                start = offset
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if start < offset { lines.append((Span(start: start, end: offset), String(current).trimmingSpaces)) }
        return lines
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
