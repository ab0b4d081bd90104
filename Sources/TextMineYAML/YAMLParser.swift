import CYAML

/// Parses YAML text into positioned ``YAMLNode`` trees with the system libyaml (event API).
///
/// - Anchors and aliases are resolved by copying the anchored node. The total number of nodes
///   after expansion is capped (``defaultNodeLimit``), so a "billion laughs" document fails at the
///   alias that crosses the cap instead of eating memory.
/// - Merge keys (`<<: *base` or `<<: [*a, *b]`) copy the entries of the merged mappings that the
///   mapping does not set itself.
/// - A key repeated in one mapping is an error (`duplicate key 'x' (first defined at 3:5)`).
/// - An empty document (nothing but comments or whitespace) is a null node: a plain empty scalar
///   at 1:1.
public enum YAMLParser {
    /// The default cap on nodes after alias expansion.
    public static let defaultNodeLimit = 100_000

    /// Parses a stream that must hold at most one document.
    ///
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the file name used in errors.
    ///   - nodeLimit: the most nodes the document may hold once aliases are expanded.
    public static func parse(_ text: String, file: String, nodeLimit: Int = defaultNodeLimit) throws(YAMLError) -> YAMLNode {
        try parse(bytes: Array(text.utf8), file: file, nodeLimit: nodeLimit)
    }

    /// Parses raw bytes (UTF-8, or UTF-16 with a byte order mark); invalid UTF-8 is reported with
    /// its position.
    public static func parse(bytes: [UInt8], file: String, nodeLimit: Int = defaultNodeLimit) throws(YAMLError) -> YAMLNode {
        var reader = EventReader(bytes: bytes, file: file, nodeLimit: nodeLimit)
        let documents = try reader.readDocuments(limit: 1)
        return documents.first ?? YAMLNode(.scalar("", style: .plain, tag: nil))
    }

    /// Parses every document of a stream (`---`-separated); the node limit applies to the stream.
    public static func parseAll(_ text: String, file: String, nodeLimit: Int = defaultNodeLimit) throws(YAMLError) -> [YAMLNode] {
        var reader = EventReader(bytes: Array(text.utf8), file: file, nodeLimit: nodeLimit)
        return try reader.readDocuments(limit: nil)
    }
}

/// Turns libyaml's event stream into nodes.
private struct EventReader {
    let bytes: [UInt8]
    let file: String
    let nodeLimit: Int

    /// A node being built: its children so far.
    private enum Frame {
        case sequence(items: [YAMLNode], mark: YAMLMark, anchor: String?)
        case mapping(MappingBuilder, anchor: String?)
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var anchorsInProgress: Set<String> = []
    private var documents: [YAMLNode] = []
    /// Nodes so far, counting each alias as the size of what it copies.
    private var nodeCount = 0
    /// Subtree sizes parallel to the nodes on the stack (index 0 is the document level).
    private var sizes: [Int] = [0]

    init(bytes: [UInt8], file: String, nodeLimit: Int) {
        self.bytes = bytes
        self.file = file
        self.nodeLimit = nodeLimit
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
            let anchor = Self.optionalString(event.data.sequence_start.anchor)
            try begin(.sequence(items: [], mark: start, anchor: anchor), anchor: anchor, mark: start)
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.optionalString(event.data.mapping_start.anchor)
            try begin(.mapping(MappingBuilder(mark: start), anchor: anchor), anchor: anchor, mark: start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let size = sizes.removeLast()
            switch frame {
            case .sequence(let items, let mark, let anchor):
                try add(YAMLNode(.sequence(items), mark: mark, endMark: end), size: size, anchor: anchor, counted: true)
            case .mapping(let builder, let anchor):
                let node = YAMLNode(.mapping(builder.pairs()), mark: builder.mark, endMark: end)
                try add(node, size: size, anchor: anchor, counted: true)
            }
        default:
            break
        }
        return false
    }

    private mutating func begin(_ frame: Frame, anchor: String?, mark: YAMLMark) throws(YAMLError) {
        try count(1, at: mark)
        if let anchor { anchorsInProgress.insert(anchor) }
        stack.append(frame)
        sizes.append(1)
    }

    /// Adds a finished node to its parent (or as a document), registering its anchor.
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, counted: Bool = false,
                              aliasMark: YAMLMark? = nil) throws(YAMLError) {
        if !counted { try count(size, at: aliasMark ?? node.mark) }
        if let anchor {
            anchors[anchor] = (node, size)
            anchorsInProgress.remove(anchor)
        }
        sizes[sizes.count - 1] += size
        guard let top = stack.popLast() else {
            documents.append(node)
            sizes = [0]
            return
        }
        switch top {
        case .sequence(var items, let mark, let anchor):
            items.append(node)
            stack.append(.sequence(items: items, mark: mark, anchor: anchor))
        case .mapping(var builder, let anchor):
            if let problem = builder.add(node, isAlias: aliasMark != nil) {
                throw YAMLError(file: file, mark: problem.mark, message: problem.message, hint: problem.hint)
            }
            stack.append(.mapping(builder, anchor: anchor))
        }
    }

    private mutating func count(_ size: Int, at mark: YAMLMark) throws(YAMLError) {
        nodeCount += size
        if nodeCount > nodeLimit {
            throw YAMLError(
                file: file, mark: mark,
                message: "the document expands to more than \(nodeLimit) nodes through aliases",
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
