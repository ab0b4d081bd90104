/// Where an article was read from.
public struct Source: Codable, Hashable, Sendable {
    /// The input path (`-` for standard input).
    public var path: String
    /// The input format (`text`, `jsonl`, `html`…).
    public var format: String
    /// The 1-based line of a JSONL input the article came from, if any.
    public var line: Int?

    public init(path: String, format: String, line: Int? = nil) {
        self.path = path
        self.format = format
        self.line = line
    }

    /// `path` or `path:line`, for error messages.
    public var location: String { line.map { "\(path):\($0)" } ?? path }
}
