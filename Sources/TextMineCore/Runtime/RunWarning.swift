/// Something a run reports about an article that is not a failure: the article went through, or
/// was left out on purpose, but the user should know. The CLI prints them on standard error.
public struct RunWarning: Hashable, Sendable, CustomStringConvertible {
    /// What kind of thing happened.
    public enum Kind: String, Hashable, Sendable {
        /// A step left the article's text empty (see ``EmptyPolicy``).
        case emptied
        /// An earlier article of the run has the same id.
        case duplicateID = "duplicate-id"
        /// The input was read, but may not be what it was meant to be (a text file that looks like
        /// JSON lines, say).
        case input
    }

    public var kind: Kind
    /// The article's id.
    public var id: String
    /// Where the article came from: `path` or `path:line`.
    public var source: String?
    /// What happened, as a sentence.
    public var message: String

    public init(kind: Kind, id: String, source: String?, message: String) {
        self.kind = kind
        self.id = id
        self.source = source
        self.message = message
    }

    /// `article 'x' (seeds/x.txt): message`.
    public var description: String { "article '\(id)'\(source.map { " (\($0))" } ?? ""): \(message)" }
}
