/// Where an article was read from.
public struct Source: Codable, Hashable, Sendable {
    /// The input path (`-` for standard input).
    public var path: String
    /// The input format (`text`, `jsonl`, `html`…).
    public var format: String
    /// The 1-based line of a JSONL input the article came from, if any.
    public var line: Int?
    /// The character encoding the text was decoded from, when it was not UTF-8 without a byte-order
    /// mark: `utf-8` (a mark was dropped), `utf-16le`, `utf-16be`, `windows-1252` (also read for
    /// Latin-1), or the encoding `--input-encoding` named.
    public var encoding: String?

    public init(path: String, format: String, line: Int? = nil, encoding: String? = nil) {
        self.path = path
        self.format = format
        self.line = line
        self.encoding = encoding
    }

    /// `path` or `path:line`, for error messages.
    public var location: String { line.map { "\(path):\($0)" } ?? path }
}
