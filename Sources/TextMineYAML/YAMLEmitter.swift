/// Writes ``YAMLNode`` trees as readable block-style YAML.
///
/// - Mappings are `key: value` lines, sequences `- item` lines, nested collections indented by two
///   spaces; empty collections are `{}` and `[]`.
/// - Plain scalars are written as they are (they keep their core-schema type). Strings (quoted,
///   block or tagged `!!str` scalars) are written plain only when they read back as the same string
///   (not `true`, `3`, `null`, `yes`, `a: b`, `#x`…), as a `|` block when they span several lines,
///   and double-quoted otherwise.
/// - Parsing the output gives back an equal node (equality ignores positions).
public enum YAMLEmitter {
    /// The YAML text of a node, ending with a newline.
    public static func emit(_ node: YAMLNode) -> String {
        var writer = Writer()
        writer.write(node, indent: 0, onOpenLine: false)
        if !writer.output.hasSuffix("\n") { writer.output += "\n" }
        return writer.output
    }

    /// How a string scalar must be written to read back as the same string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value <= 0xFF
                        ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether a text can be written as a plain scalar without changing how it is parsed
    /// (syntax only: the caller checks how the core schema would type it).
    static func isPlainSafe(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        if "?:-".unicodeScalars.contains(first) {
            if scalars.count == 1 || scalars[1] == " " { return false }
        } else if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            return false
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\t" || needsEscape(scalar) { return false }
            if scalar == ":" && index + 1 < scalars.count && scalars[index + 1] == " " { return false }
            if scalar == "#" && scalars[index - 1] == " " { return false }
        }
        return true
    }

    /// Whether a string written plain would read back as a string by YAML 1.2 and 1.1 readers alike.
    static func readsAsString(_ text: String) -> Bool {
        guard case .string = YAMLCoreSchema.resolve(text) else { return false }
        switch text.lowercased() {
        case "yes", "no", "on", "off", "y", "n", "<<", "=": return false
        default: break
        }
        let scalars = Array(text.unicodeScalars)
        let startsWithDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        if startsWithDigit(scalars[0]) { return false }
        if scalars.count > 1, "+-.".unicodeScalars.contains(scalars[0]), startsWithDigit(scalars[1]) { return false }
        return true
    }

    /// Whether a multi-line string can be a literal block (`|`) and read back the same.
    static func isLiteralSafe(_ text: String) -> Bool {
        guard text.contains("\n") else { return false }
        for scalar in text.unicodeScalars where scalar != "\n" && (needsEscape(scalar) || scalar == "\r") { return false }
        // The first non-empty line sets the block's indentation: it must not start with a space.
        // A block of only line breaks reads back empty.
        guard let firstContent = text.split(separator: "\n", omittingEmptySubsequences: true).first else { return false }
        return !(firstContent.first == " " || firstContent.first == "\t")
    }
}

/// Accumulates the output text.
private struct Writer {
    var output = ""

    /// Writes a node. `onOpenLine` says the cursor follows `- ` or `? ` on a line already begun, so
    /// the node's first line goes there and its other lines at `indent`.
    mutating func write(_ node: YAMLNode, indent: Int, onOpenLine: Bool) {
        switch node.kind {
        case .scalar:
            writeScalar(node, indent: indent)
            output += "\n"
        case .sequence(let items):
            guard !items.isEmpty else { output += "[]\n"; return }
            for (index, item) in items.enumerated() {
                if index > 0 || !onOpenLine { output += String(repeating: " ", count: indent) }
                output += "-"
                writeNested(item, indent: indent + 2, afterIndicator: true)
            }
        case .mapping(let pairs):
            guard !pairs.isEmpty else { output += "{}\n"; return }
            for (index, pair) in pairs.enumerated() {
                if index > 0 || !onOpenLine { output += String(repeating: " ", count: indent) }
                if pair.key.scalar != nil {
                    writeKey(pair.key)
                } else {
                    output += "?"
                    writeNested(pair.key, indent: indent + 2, afterIndicator: true)
                    output += String(repeating: " ", count: indent)
                }
                output += ":"
                writeNested(pair.value, indent: indent + 2, afterIndicator: false)
            }
        }
    }

    /// Writes a value after `key:`, `- ` or `? `: scalars and empty collections on the same line,
    /// other collections inline after `-` or on the next lines after a key.
    private mutating func writeNested(_ node: YAMLNode, indent: Int, afterIndicator: Bool) {
        let isEmptyCollection = node.sequence?.isEmpty ?? node.mapping?.isEmpty ?? true
        if afterIndicator || node.scalar != nil || isEmptyCollection {
            output += " "
            write(node, indent: indent, onOpenLine: true)
        } else {
            output += "\n"
            write(node, indent: indent, onOpenLine: false)
        }
    }

    private mutating func writeKey(_ key: YAMLNode) {
        guard case .scalar(let text, let style, let tag) = key.kind else { return }
        if let tag { output += Self.shorthand(tag) + " " }
        if style == .plain && tag == nil && YAMLEmitter.isPlainSafe(text) && text != "<<" {
            output += text
        } else if style != .plain || tag != nil, YAMLEmitter.isPlainSafe(text), YAMLEmitter.readsAsString(text) {
            output += text
        } else if style == .plain && text.isEmpty {
            output += "null"
        } else {
            output += YAMLEmitter.quoted(text)
        }
    }

    /// Writes a scalar value (without the final newline).
    private mutating func writeScalar(_ node: YAMLNode, indent: Int) {
        guard case .scalar(let text, let style, let tag) = node.kind else { return }
        if let tag { output += Self.shorthand(tag) + " " }
        if style == .plain && tag == nil {
            output += text.isEmpty ? "null" : YAMLEmitter.isPlainSafe(text) ? text : YAMLEmitter.quoted(text)
        } else if YAMLEmitter.isPlainSafe(text) && YAMLEmitter.readsAsString(text) {
            output += text
        } else if YAMLEmitter.isLiteralSafe(text) {
            writeLiteral(text, indent: indent)
        } else {
            output += YAMLEmitter.quoted(text)
        }
    }

    /// A `|` block: `|` keeps one final newline, `|-` none, `|+` all of them.
    private mutating func writeLiteral(_ text: String, indent: Int) {
        var body = Substring(text)
        if text.hasSuffix("\n\n") {
            output += "|+"
            body = body.dropLast()
        } else if text.hasSuffix("\n") {
            output += "|"
            body = body.dropLast()
        } else {
            output += "|-"
        }
        let padding = String(repeating: " ", count: indent)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            output += "\n"
            if !line.isEmpty { output += padding + line }
        }
    }

    /// `!!str` for the core tags, the tag itself for local `!tags`, `!<uri>` otherwise.
    private static func shorthand(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<\(tag)>"
    }
}
