/// A block of the body (a line or a paragraph) with the role a stage gave it.
public struct Block: Codable, Hashable, Sendable {
    /// Where the block is in `text`.
    public var span: Span
    /// What the block is.
    public var role: BlockRole
    /// The classifier's score, when a stage scored the block (higher = more content-like).
    public var score: Double?

    public init(span: Span, role: BlockRole, score: Double? = nil) {
        self.span = span
        self.role = role
        self.score = score
    }
}

/// The role of a block. An open set: stages may define their own roles.
public struct BlockRole: StringName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let heading: BlockRole = "heading"
    public static let body: BlockRole = "body"
    public static let boilerplate: BlockRole = "boilerplate"
    public static let listItem: BlockRole = "list-item"
    public static let quote: BlockRole = "quote"
}
