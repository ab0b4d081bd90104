import TextMineCore

/// An example stage from outside TextMine's built-ins: removes the lines that start with a prefix
/// (photo credits, say), recording each removal with its reason, and counts them in a layer.
///
/// The same stage runs the three ways a stage can be added to TextMine: compiled into a command
/// line (`textmine-example`), served out of process (`textmine-example serve-stage`), and loaded
/// from a dynamic library (`libTextMineExamplePlugin.so`).
public struct StripLines: Stage {
    static let prefix = StageOption<String>("prefix", default: "Photo",
        doc: "Lines starting with this text are removed.")

    public static let description = StageDescription(
        id: "strip-lines",
        abstract: "Removes lines that start with a prefix (example stage from another package).",
        documentation: """
            Removes every line that starts with `prefix` (after leading spaces), with its line break. \
            Each removal is recorded with the reason `strip-lines: <prefix>`; the `strip-lines` layer \
            holds how many lines were removed.
            """,
        options: [prefix])

    /// The layer the stage writes.
    public struct Count: AnnotationLayer, Equatable {
        public static let layerName = "strip-lines"
        /// How many lines the stage removed.
        public var lines: Int
        public init(lines: Int) { self.lines = lines }
    }

    private let prefix: [Unicode.Scalar]
    private let reason: String

    public init(options: StageOptions) throws {
        let prefix = options[Self.prefix]
        guard !prefix.isEmpty else { throw StageError("the prefix must not be empty", option: Self.prefix.name) }
        self.prefix = Array(prefix.unicodeScalars)
        self.reason = "strip-lines: \(prefix)"
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let scalars = Array(article.text.unicodeScalars)
        var edits: [TextEdit] = []
        var lineStart = 0
        while lineStart < scalars.count {
            var lineEnd = lineStart
            while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
            let end = min(lineEnd + 1, scalars.count)
            var first = lineStart
            while first < lineEnd && (scalars[first] == " " || scalars[first] == "\t") { first += 1 }
            if lineEnd - first >= prefix.count && scalars[first..<first + prefix.count].elementsEqual(prefix) {
                edits.append(.remove(Span(start: lineStart, end: end), reason: reason))
            }
            lineStart = end
        }
        try article.applyEdits(edits, step: context.step)
        article[layer: Count.self] = Count(lines: edits.count)
    }
}
