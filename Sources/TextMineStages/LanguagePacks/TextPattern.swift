import TextMineCore

/// A phrase pattern of a language pack, matched against folded text (see ``TextFolding``): case,
/// apostrophe style and white space do not matter.
///
/// The syntax is deliberately small, so that patterns compile to a fast matcher and mistakes are
/// easy to report:
///
/// | syntax | matches |
/// |---|---|
/// | `lire aussi` | the words, case-insensitively, starting at a word boundary |
/// | `^` (first) | only at the start of the block or sentence |
/// | `$` (last) | only at its end (trailing spaces and punctuation are ignored) |
/// | `*` | any text, possibly empty |
/// | `#` | a number (one or more digits) |
/// | `(facebook\|twitter)` | one of the alternatives (plain words) |
/// | `(…)?` | an optional group |
/// | `\\(` | a literal `(` (escape any of `^ $ * # ( ) \| ? \\`) |
///
/// A match must end at a word boundary, so `par` does not match `partager`.
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case literal([UInt8])
        case alternatives([[UInt8]], optional: Bool)
        case anything
        case number
    }

    /// The pattern as written.
    public let source: String
    let tokens: [Token]
    let anchoredAtStart: Bool
    let anchoredAtEnd: Bool

    /// A problem in a pattern: what is wrong and at which scalar offset of the pattern.
    public struct SyntaxError: Error, Sendable, Hashable {
        public var message: String
        /// 0-based offset (in Unicode scalars) into the pattern text.
        public var offset: Int
    }

    /// Compiles a pattern.
    /// - Throws: ``SyntaxError`` for unbalanced or empty groups, misplaced anchors, `?` that does
    ///   not follow a group, a trailing `\`, or a pattern that matches nothing.
    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        let scalars = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var literal = ""
        var anchoredAtStart = false
        var anchoredAtEnd = false
        var index = 0

        func flush() {
            let folded = TextFolding.fold(literal)
            if !folded.isEmpty { tokens.append(.literal(folded)) }
            else if literal.contains(" "), !tokens.isEmpty { tokens.append(.literal([0x20])) }
            literal = ""
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else { throw SyntaxError(message: "'\\' at the end of the pattern escapes nothing", offset: index) }
                literal.unicodeScalars.append(scalars[index + 1])
                index += 2
                continue
            case "^":
                guard index == 0 else { throw SyntaxError(message: "'^' must be the first character of the pattern (write '\\^' for a literal caret)", offset: index) }
                anchoredAtStart = true
            case "$":
                guard index == scalars.count - 1 else { throw SyntaxError(message: "'$' must be the last character of the pattern (write '\\$' for a literal dollar)", offset: index) }
                anchoredAtEnd = true
            case "*":
                flush()
                if tokens.last == .anything { throw SyntaxError(message: "'**' is redundant: write a single '*'", offset: index) }
                tokens.append(.anything)
            case "#":
                flush()
                tokens.append(.number)
            case "(":
                flush()
                var alternatives: [[UInt8]] = []
                var current = ""
                var cursor = index + 1
                var closed = false
                while cursor < scalars.count {
                    let inner = scalars[cursor]
                    if inner == "\\", cursor + 1 < scalars.count {
                        current.unicodeScalars.append(scalars[cursor + 1])
                        cursor += 2
                        continue
                    }
                    if inner == "|" || inner == ")" {
                        let folded = TextFolding.fold(current)
                        guard !folded.isEmpty else { throw SyntaxError(message: "empty alternative in a group", offset: cursor) }
                        alternatives.append(folded)
                        current = ""
                        if inner == ")" { closed = true; break }
                    } else if "(*#^$?".unicodeScalars.contains(inner) {
                        throw SyntaxError(message: "'\(inner)' is not allowed inside a group: alternatives are plain words", offset: cursor)
                    } else {
                        current.unicodeScalars.append(inner)
                    }
                    cursor += 1
                }
                guard closed else { throw SyntaxError(message: "unclosed '(': add ')'", offset: index) }
                var optional = false
                if cursor + 1 < scalars.count, scalars[cursor + 1] == "?" {
                    optional = true
                    cursor += 1
                }
                tokens.append(.alternatives(alternatives, optional: optional))
                index = cursor
            case ")":
                throw SyntaxError(message: "')' without a matching '('", offset: index)
            case "|":
                throw SyntaxError(message: "'|' outside a group: write alternatives as '(a|b)'", offset: index)
            case "?":
                throw SyntaxError(message: "'?' must follow a group '(…)'", offset: index)
            default:
                literal.unicodeScalars.append(scalar)
            }
            index += 1
        }
        flush()
        // Spaces around wildcards are written for readability; the wildcard absorbs them.
        tokens = tokens.enumerated().compactMap { offset, token in
            if case .literal(let bytes) = token {
                var trimmed = bytes[...]
                if offset > 0, tokens[offset - 1] == .anything { while trimmed.first == 0x20 { trimmed.removeFirst() } }
                if offset + 1 < tokens.count, tokens[offset + 1] == .anything { while trimmed.last == 0x20 { trimmed.removeLast() } }
                return trimmed.isEmpty ? nil : .literal(Array(trimmed))
            }
            return token
        }
        if !anchoredAtStart { while tokens.first == .anything { tokens.removeFirst() } }
        guard tokens.contains(where: { if case .literal = $0 { return true }; if case .alternatives(_, false) = $0 { return true }; return false }) else {
            throw SyntaxError(message: "the pattern has no words to match", offset: 0)
        }
        self.tokens = tokens
        self.anchoredAtStart = anchoredAtStart
        self.anchoredAtEnd = anchoredAtEnd
    }

    public var description: String { source }

    // MARK: - Matching

    /// Whether the pattern matches folded text.
    public func matches(folded text: [UInt8]) -> Bool {
        if anchoredAtStart { return match(text, token: 0, at: Self.contentStart(text)) }
        var position = 0
        while position < text.count {
            if text[position] & 0xC0 != 0x80, Self.isWordStart(text, position), match(text, token: 0, at: position) {
                return true
            }
            position += 1
        }
        return false
    }

    /// Whether the pattern matches at one position of folded text (used by ``PatternSet``).
    func matches(folded text: [UInt8], at position: Int) -> Bool { match(text, token: 0, at: position) }

    /// The bytes a match can start with, or nil when it can start with anything.
    var firstBytes: Set<UInt8>? {
        switch tokens.first {
        case .literal(let bytes)?: return [bytes[0]]
        case .alternatives(let alternatives, false)?: return Set(alternatives.map { $0[0] })
        case .number?: return Set(0x30...0x39)
        default: return nil
        }
    }

    private func match(_ text: [UInt8], token: Int, at position: Int) -> Bool {
        guard token < tokens.count else { return isEnd(text, position) }
        switch tokens[token] {
        case .literal(let bytes):
            guard Self.hasPrefix(text, bytes, at: position) else { return false }
            return match(text, token: token + 1, at: position + bytes.count)
        case .alternatives(let alternatives, let optional):
            for alternative in alternatives where Self.hasPrefix(text, alternative, at: position) {
                if match(text, token: token + 1, at: position + alternative.count) { return true }
            }
            return optional && match(text, token: token + 1, at: position)
        case .number:
            var end = position
            while end < text.count, text[end] >= 0x30, text[end] <= 0x39 { end += 1 }
            guard end > position else { return false }
            return match(text, token: token + 1, at: end)
        case .anything:
            if token + 1 == tokens.count { return true }
            var end = position
            while end <= text.count {
                if match(text, token: token + 1, at: end) { return true }
                end += 1
            }
            return false
        }
    }

    /// Whether a match may end here: at a word boundary, and at the end of the text for `$`.
    private func isEnd(_ text: [UInt8], _ position: Int) -> Bool {
        if anchoredAtEnd {
            var cursor = position
            while cursor < text.count, Self.isTrailingPunctuation(text[cursor]) { cursor += 1 }
            return cursor == text.count
        }
        guard position < text.count, position > 0 else { return true }
        return !(Self.isWordScalar(text, before: position) && Self.isWordScalar(text, at: position))
    }

    @inline(__always)
    private static func hasPrefix(_ text: [UInt8], _ prefix: [UInt8], at position: Int) -> Bool {
        guard position + prefix.count <= text.count else { return false }
        var offset = 0
        while offset < prefix.count {
            if text[position + offset] != prefix[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether the scalar at `position` is a letter or digit.
    @inline(__always)
    static func isWordScalar(_ text: [UInt8], at position: Int) -> Bool {
        let byte = text[position]
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        let value = UTF8Decoding.scalar(in: text, at: position).value
        return UTF8Decoding.isLetter(value)
    }

    /// Whether the scalar ending just before `position` is a letter or digit.
    @inline(__always)
    static func isWordScalar(_ text: [UInt8], before position: Int) -> Bool {
        let byte = text[position - 1]
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        return isWordScalar(text, at: UTF8Decoding.previousScalarStart(in: text, before: position))
    }

    /// Whether a word starts at `position` (which must be the start of a scalar).
    @inline(__always)
    static func isWordStart(_ text: [UInt8], _ position: Int) -> Bool {
        position == 0 || !isWordScalar(text, before: position) || !isWordScalar(text, at: position)
    }

    /// Spaces and punctuation that may close a block after an anchored match (`Share Post:`).
    @inline(__always)
    private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2E, 0x3A, 0x21, 0x3F, 0x2C, 0x3B, 0x22, 0x27, 0x29, 0x2D, 0x2A, 0x7C, 0xC2, 0xBB, 0xAB, 0xE2, 0x80, 0xA6, 0x94, 0x93:
            return true
        default: return false
        }
    }

    /// The first position after leading spaces and opening punctuation (`« `, `"`, `- `, `• `).
    static func contentStart(_ text: [UInt8]) -> Int {
        var cursor = 0
        while cursor < text.count {
            switch text[cursor] {
            case 0x20, 0x22, 0x27, 0x2D, 0x2A, 0x28, 0x5B, 0x7C, 0x3E: cursor += 1
            case 0xC2 where cursor + 1 < text.count && (text[cursor + 1] == 0xAB || text[cursor + 1] == 0xBB):
                cursor += 2
            case 0xE2 where cursor + 2 < text.count && text[cursor + 1] == 0x80 && (text[cursor + 2] == 0xA2 || text[cursor + 2] == 0x93 || text[cursor + 2] == 0x94):
                cursor += 3
            default: return cursor
            }
        }
        return cursor
    }
}
