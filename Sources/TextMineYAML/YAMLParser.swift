import CYAML

/// Parses YAML text into positioned ``YAMLNode`` trees with the system libyaml (event API).
///
/// - Anchors and aliases are resolved by copying the anchored node. The number of nodes aliases
///   copy is capped (``defaultAliasNodeLimit``, whatever the size of the document itself), so a
///   "billion laughs" document fails at the alias that crosses the cap instead of eating memory.
/// - Merge keys (`<<: *base` or `<<: [*a, *b]`) copy the entries of the merged mappings that the
///   mapping does not set itself.
/// - A key repeated in one mapping is an error (`duplicate key 'x' (first defined at 3:5)`);
///   ``parseRecovering(bytes:file:aliasNodeLimit:)`` collects such errors and goes on.
/// - An empty document (nothing but comments or whitespace) is a null node: a plain empty scalar
///   at 1:1.
public enum YAMLParser {
    /// The default cap on the nodes aliases copy, in all.
    public static let defaultAliasNodeLimit = 100_000

    /// Parses a stream that must hold at most one document.
    ///
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the file name used in errors.
    ///   - aliasNodeLimit: the most nodes aliases may copy, in all.
    public static func parse(_ text: String, file: String, aliasNodeLimit: Int = defaultAliasNodeLimit) throws(YAMLError) -> YAMLNode {
        try parse(bytes: Array(text.utf8), file: file, aliasNodeLimit: aliasNodeLimit)
    }

    /// Parses raw bytes (UTF-8, or UTF-16 with a byte order mark); invalid UTF-8 is reported with
    /// its position.
    public static func parse(bytes: [UInt8], file: String, aliasNodeLimit: Int = defaultAliasNodeLimit) throws(YAMLError) -> YAMLNode {
        var reader = EventReader(bytes: bytes, file: file, aliasNodeLimit: aliasNodeLimit)
        let documents = try reader.readDocuments(limit: 1)
        return documents.first ?? YAMLNode(.scalar("", style: .plain, tag: nil))
    }

    /// Parses a stream that must hold at most one document, going on after the problems that leave
    /// it readable, so that a linter can report them all at once: a repeated key keeps its first
    /// value, a bad merge key is left out. Syntax errors and alias problems still throw.
    public static func parseRecovering(bytes: [UInt8], file: String, aliasNodeLimit: Int = defaultAliasNodeLimit)
        throws(YAMLError) -> (node: YAMLNode, problems: [YAMLError])
    {
        var reader = EventReader(bytes: bytes, file: file, aliasNodeLimit: aliasNodeLimit, recovers: true)
        let documents = try reader.readDocuments(limit: 1)
        return (documents.first ?? YAMLNode(.scalar("", style: .plain, tag: nil)), reader.problems)
    }

    /// Parses every document of a stream (`---`-separated); the alias limit applies to the whole stream.
    public static func parseAll(_ text: String, file: String, aliasNodeLimit: Int = defaultAliasNodeLimit) throws(YAMLError) -> [YAMLNode] {
        var reader = EventReader(bytes: Array(text.utf8), file: file, aliasNodeLimit: aliasNodeLimit)
        return try reader.readDocuments(limit: nil)
    }
}

/// Turns libyaml's event stream into nodes.
private struct EventReader {
    let bytes: [UInt8]
    let file: String
    let aliasNodeLimit: Int
    /// Whether problems that leave the document readable are collected in ``problems`` instead of thrown.
    let recovers: Bool
    /// The problems collected when ``recovers`` is set, in document order.
    private(set) var problems: [YAMLError] = []

    /// A collection being built: its children so far. Frames are changed in place on the stack
    /// (never copied out and back), so adding a child does not copy the children before it.
    private struct Frame {
        var mark: YAMLMark
        var anchor: String?
        /// The items of a sequence.
        var items: [YAMLNode] = []
        /// The entries of a mapping (nil for a sequence).
        var mapping: MappingBuilder?
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var anchorsInProgress: Set<String> = []
    private var documents: [YAMLNode] = []
    /// Nodes copied by aliases so far.
    private var aliasNodes = 0
    /// Subtree sizes parallel to the nodes on the stack (index 0 is the document level).
    private var sizes: [Int] = [0]

    init(bytes: [UInt8], file: String, aliasNodeLimit: Int, recovers: Bool = false) {
        self.bytes = bytes
        self.file = file
        self.aliasNodeLimit = aliasNodeLimit
        self.recovers = recovers
    }

    mutating func readDocuments(limit: Int?) throws(YAMLError) -> [YAMLNode] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(file: file, mark: YAMLMark(line: 1, column: 1), message: "out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml reads from a buffer that must outlive the parser: copy it into one we own.
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        defer { buffer.deallocate() }
        buffer.initialize(from: bytes, count: bytes.count)
        yaml_parser_set_input_string(&parser, buffer, bytes.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser) }
            defer { yaml_event_delete(&event) }
            let done = try handle(event, documentLimit: limit)
            if done { break }
        }
        return documents
    }

    /// Handles one event; returns true at the end of the stream.
    private mutating func handle(_ event: yaml_event_t, documentLimit: Int?) throws(YAMLError) -> Bool {
        let start = Self.mark(event.start_mark)
        let end = Self.mark(event.end_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            if let documentLimit, documents.count >= documentLimit {
                throw YAMLError(file: file, mark: start, message: "expected one document, found another",
                                hint: "remove the '---' line and what follows, or split the file")
            }
            anchors = [:]
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = Self.string(scalar.value, length: scalar.length)
            let tag = Self.optionalString(scalar.tag)
            let node = YAMLNode(.scalar(text, style: Self.style(scalar.style), tag: tag), mark: start, endMark: end)
            try add(node, size: 1, anchor: Self.optionalString(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                if anchorsInProgress.contains(name) {
                    throw YAMLError(file: file, mark: start, message: "alias '*\(name)' refers to a node that contains it",
                                    hint: "recursive structures are not supported")
                }
                throw YAMLError(file: file, mark: start, message: "undefined alias '*\(name)'",
                                hint: "define the anchor '&\(name)' before this alias")
            }
            try add(anchored.node, size: anchored.size, anchor: nil, aliasMark: start)
        case YAML_SEQUENCE_START_EVENT:
            begin(Frame(mark: start, anchor: Self.optionalString(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            begin(Frame(mark: start, anchor: Self.optionalString(event.data.mapping_start.anchor),
                        mapping: MappingBuilder(mark: start)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let size = sizes.removeLast()
            let kind: YAMLNode.Kind = frame.mapping.map { .mapping($0.pairs()) } ?? .sequence(frame.items)
            try add(YAMLNode(kind, mark: frame.mark, endMark: end), size: size, anchor: frame.anchor)
        default:
            break
        }
        return false
    }

    private mutating func begin(_ frame: Frame) {
        if let anchor = frame.anchor { anchorsInProgress.insert(anchor) }
        stack.append(frame)
        sizes.append(1)
    }

    /// Adds a finished node to its parent (or as a document), registering its anchor.
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?,
                              aliasMark: YAMLMark? = nil) throws(YAMLError) {
        if let aliasMark { try countAlias(size, at: aliasMark) }
        if let anchor {
            anchors[anchor] = (node, size)
            anchorsInProgress.remove(anchor)
        }
        sizes[sizes.count - 1] += size
        guard !stack.isEmpty else {
            documents.append(node)
            sizes = [0]
            return
        }
        let top = stack.count - 1
        if stack[top].mapping == nil {
            stack[top].items.append(node)
        } else if let problem = stack[top].mapping!.add(node, isAlias: aliasMark != nil) {
            let error = YAMLError(file: file, mark: problem.mark, message: problem.message, hint: problem.hint)
            guard recovers else { throw error }
            problems.append(error)
        }
    }

    private mutating func countAlias(_ size: Int, at mark: YAMLMark) throws(YAMLError) {
        aliasNodes += size
        if aliasNodes > aliasNodeLimit {
            throw YAMLError(
                file: file, mark: mark,
                message: "aliases expand to more than \(aliasNodeLimit) nodes",
                hint: "aliases that repeat aliases grow exponentially (a 'billion laughs' document); use fewer nested aliases")
        }
    }

    // MARK: libyaml conversions

    private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func optionalString(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// The error libyaml reports, with its position and wording.
    private func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = Self.optionalString(parser.problem) ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            let mark = Self.mark(ofByte: parser.problem_offset, in: bytes)
            let isEncoding = problem.contains("UTF-8") || problem.contains("Unicode")
            return YAMLError(file: file, mark: mark, message: isEncoding ? "invalid UTF-8: \(problem)" : problem,
                             hint: isEncoding ? "save the file as UTF-8" : nil)
        }
        let mark = Self.mark(parser.problem_mark)
        var message = problem
        if let context = Self.optionalString(parser.context) {
            message += " (\(context) at \(Self.mark(parser.context_mark)))"
        }
        return YAMLError(file: file, mark: mark, message: message, hint: hint(for: problem, at: mark))
    }

    private func hint(for problem: String, at mark: YAMLMark) -> String? {
        if character(at: mark) == "\t" { return "YAML does not allow tabs for indentation; use spaces" }
        if problem.contains("mapping values are not allowed") {
            return "quote a value that contains ': ', or check the indentation of this line"
        }
        if problem.contains("could not find expected ':'") { return "a mapping entry needs 'key: value'; check the indentation" }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return "check the indentation of this line against the lines above"
        }
        return nil
    }

    /// The character at a 1-based line and column (columns count Unicode scalars).
    private func character(at mark: YAMLMark) -> Unicode.Scalar? {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where line < mark.line && byte == UInt8(ascii: "\n") {
            line += 1
            start = index + 1
        }
        guard line == mark.line else { return nil }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let scalars = Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
        return mark.column - 1 < scalars.count ? scalars[mark.column - 1] : nil
    }

    /// The line and column of a byte offset (for reader errors, which libyaml gives as offsets).
    private static func mark(ofByte offset: Int, in bytes: [UInt8]) -> YAMLMark {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return YAMLMark(line: line, column: column)
    }
}
