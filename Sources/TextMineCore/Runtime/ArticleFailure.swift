/// Why one article could not be processed: written to the dead letters (`--errors PATH`) as one JSON
/// line `{"error": …, "id": …, "source": …, "stage": …}` (`stage` holds ``step``).
///
/// Input problems (unreadable file, invalid UTF-8, empty article, bad JSONL line) are failures of the
/// pseudo-step ``inputStep``; an article the output format cannot encode fails in ``outputStep``.
public struct ArticleFailure: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The article's id (for an input that could not be parsed: the file name, with `:line` for JSONL).
    public var id: String
    /// Where the article came from: `path` or `path:line`.
    public var source: String?
    /// The step that failed: a step name, ``inputStep`` or ``outputStep``.
    public var step: String
    /// What went wrong.
    public var error: String

    public init(id: String, source: String?, step: String, error: String) {
        self.id = id
        self.source = source
        self.step = step
        self.error = error
    }

    private enum CodingKeys: String, CodingKey { case id, source, step = "stage", error }

    /// The pseudo-step of failures while reading input.
    public static let inputStep = "input"
    /// The pseudo-step of failures while encoding output.
    public static let outputStep = "output"

    /// `article 'x' (seeds/x.txt): step 'clean' failed: message`.
    public var description: String {
        let origin = source.map { " (\($0))" } ?? ""
        return "article '\(id)'\(origin): \(step == Self.inputStep ? "input" : "step '\(step)'") failed: \(error)"
    }
}
