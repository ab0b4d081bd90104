/// A node of a YAML document: a scalar, a sequence or a mapping, with the position where it starts
/// and ends in the file.
///
/// Aliases are already resolved (an alias is a copy of its anchored node, with the anchored node's
/// positions) and merge keys (`<<`) are already applied.
///
/// Equality and hashing compare **meaning**, not spelling: positions are ignored, and scalars are
/// equal when their texts and their types are (the explicit tag, else string for quoted and block
/// scalars, else the core-schema type), so plain `x`, `'x'`, `"x"` and a `|` block holding `x` are
/// equal, but plain `3` and `"3"` are not. A document parsed from emitted YAML equals the node it was
/// emitted from.
public struct YAMLNode: Hashable, Sendable {
    /// How a scalar was written; decides how its text is typed (only plain scalars can be
    /// numbers, booleans or null).
    public enum ScalarStyle: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// One `key: value` entry of a mapping.
    public struct Pair: Hashable, Sendable {
        /// The key (a scalar, in pipelines).
        public var key: YAMLNode
        /// The value.
        public var value: YAMLNode

        /// An entry.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// What the node holds.
    public indirect enum Kind: Hashable, Sendable {
        /// A scalar's text (after unescaping and folding), its style, and its explicit tag
        /// (`tag:yaml.org,2002:str` for `!!str`), if any.
        case scalar(String, style: ScalarStyle, tag: String?)
        case sequence([YAMLNode])
        /// Entries in document order; keys are unique.
        case mapping([Pair])
    }

    /// What the node holds.
    public var kind: Kind
    /// Where the node starts.
    public var mark: YAMLMark
    /// Where the node ends (just after its last character).
    public var endMark: YAMLMark

    /// A node; nodes built in code (for the emitter) sit at 1:1 unless told otherwise.
    public init(_ kind: Kind, mark: YAMLMark = YAMLMark(line: 1, column: 1), endMark: YAMLMark? = nil) {
        self.kind = kind
        self.mark = mark
        self.endMark = endMark ?? mark
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.scalar(let a, _, _), .scalar(let b, _, _)): return a == b && lhs.effectiveTag == rhs.effectiveTag
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch kind {
        case .scalar(let text, _, _):
            hasher.combine(0)
            hasher.combine(text)
            hasher.combine(effectiveTag)
        case .sequence(let items):
            hasher.combine(1)
            hasher.combine(items)
        case .mapping(let pairs):
            hasher.combine(2)
            hasher.combine(pairs)
        }
    }

    /// The tag that decides a scalar's meaning: the explicit tag, else `!!str` for non-plain
    /// scalars, else the core-schema type of the text.
    private var effectiveTag: String? {
        guard case .scalar(let text, let style, let tag) = kind else { return nil }
        if let tag { return tag }
        guard style == .plain else { return YAMLTag.str }
        switch YAMLCoreSchema.resolve(text) {
        case .null: return YAMLTag.null
        case .bool: return YAMLTag.bool
        case .int: return YAMLTag.int
        case .float: return YAMLTag.float
        case .string: return YAMLTag.str
        }
    }
}

// MARK: - Building nodes in code

extension YAMLNode {
    /// A scalar node (plain style by default: the text is typed by the YAML core schema).
    public static func scalar(_ text: String, style: ScalarStyle = .plain, tag: String? = nil) -> YAMLNode {
        YAMLNode(.scalar(text, style: style, tag: tag))
    }

    /// A string scalar that is read back as a string whatever its text (`"true"` stays a string).
    public static func string(_ text: String) -> YAMLNode { scalar(text, style: .doubleQuoted) }

    /// A sequence node.
    public static func sequence(_ items: [YAMLNode]) -> YAMLNode { YAMLNode(.sequence(items)) }

    /// A mapping node from entries with string keys, in order.
    public static func mapping(_ entries: [(String, YAMLNode)]) -> YAMLNode {
        YAMLNode(.mapping(entries.map { Pair(key: .string($0.0), value: $0.1) }))
    }
}

// MARK: - Conveniences

extension YAMLNode {
    /// The scalar's text, or nil when the node is not a scalar.
    public var scalar: String? {
        if case .scalar(let text, _, _) = kind { return text }
        return nil
    }

    /// The items, or nil when the node is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The entries, or nil when the node is not a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The value of the entry whose key is the scalar `key`, if this is a mapping that has one.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// Whether the node is an untagged plain scalar (typed by the core schema, not a quoted string).
    public var isPlainScalar: Bool {
        if case .scalar(_, .plain, nil) = kind { return true }
        return false
    }

    /// Whether the node is null: a plain `null`, `~` or empty scalar (or one tagged `!!null`).
    public var isNull: Bool {
        guard case .scalar(let text, let style, let tag) = kind else { return false }
        if tag == YAMLTag.null { return true }
        return style == .plain && tag == nil && YAMLCoreSchema.resolve(text) == .null
    }

    /// A short name of the node's kind for messages: "a string", "a list", "a mapping"…
    public var kindDescription: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let text, let style, let tag):
            guard style == .plain, tag == nil else { return "a string" }
            switch YAMLCoreSchema.resolve(text) {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}
