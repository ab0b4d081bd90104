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
/// | `(facebook\|twitter)` | one of the alternatives (which may hold groups too) |
/// | `(…)?`, `:?` | an optional group or character |
/// | `\\(` | a literal `(` (escape any of `^ $ * # ( ) \| ? \\`) |
///
/// A match must end at a word boundary, so `par` does not match `partager`. Groups are expanded
/// when the pattern compiles (at most ``maximumVariants`` combinations).
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case literal([UInt8])
        case anything
        case number
    }

    /// The most combinations the groups of one pattern may expand to.
    public static let maximumVariants = 256

    /// The pattern as written.
    public let source: String
    /// The flat token sequences the pattern's groups expand to.
    let variants: [[Token]]
    let anchoredAtStart: Bool
    let anchoredAtEnd: Bool

    /// A problem in a pattern: what is wrong and at which scalar offset of the pattern.
    public struct SyntaxError: Error, Sendable, Hashable {
        public var message: String
        /// 0-based offset (in Unicode scalars) into the pattern text.
        public var offset: Int
    }

    /// Compiles a pattern.
    /// - Throws: ``SyntaxError`` for unbalanced or empty groups, misplaced anchors, a `?` that
    ///   follows nothing, a trailing `\`, too many combinations, or a pattern without words.
    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        var parser = PatternParser(scalars: Array(source.unicodeScalars))
        let (sequence, anchoredAtStart, anchoredAtEnd) = try parser.parsePattern()
        var variants = try Self.expand(sequence).map(Self.normalise)
        if !anchoredAtStart {
            variants = variants.map { tokens in Array(tokens.drop { $0 == .anything }) }
        }
        for tokens in variants where !tokens.contains(where: { if case .literal = $0 { return true }; return false }) {
            _ = tokens
            throw SyntaxError(message: "the pattern (or one of its alternatives) has no words to match", offset: 0)
        }
        self.variants = Array(Set(variants)).sorted { $0.count < $1.count }
        self.anchoredAtStart = anchoredAtStart
        self.anchoredAtEnd = anchoredAtEnd
    }

    public var description: String { source }

    // MARK: - Compiling

    /// Expands groups into flat sequences.
    private static func expand(_ sequence: [PatternParser.Item]) throws(SyntaxError) -> [[Token]] {
        var results: [[Token]] = [[]]
        for item in sequence {
            switch item {
            case .token(let token):
                results = results.map { $0 + [token] }
            case .group(let alternatives, let optional, let offset):
                var options: [[Token]] = optional ? [[]] : []
                for alternative in alternatives { options += try expand(alternative) }
                var next: [[Token]] = []
                for prefix in results { for option in options { next.append(prefix + option) } }
                guard next.count <= maximumVariants else {
                    throw SyntaxError(message: "the groups expand to more than \(maximumVariants) combinations: split the pattern", offset: offset)
                }
                results = next
            }
        }
        return results
    }

    /// Merges adjacent literals, folds them, collapses spaces and drops spaces next to wildcards.
    private static func normalise(_ tokens: [Token]) -> [Token] {
        var merged: [Token] = []
        var text: [UInt8] = []
        func flush() {
            var folded: [UInt8] = []
            let leadingSpace = text.first == 0x20
            let trailingSpace = text.count > 1 && text.last == 0x20
            TextFolding.fold(text, 0..<text.count, into: &folded)
            if leadingSpace, merged.last != .anything, !merged.isEmpty { folded.insert(0x20, at: 0) }
            if trailingSpace, !folded.isEmpty { folded.append(0x20) }
            if !folded.isEmpty { merged.append(.literal(folded)) }
            text = []
        }
        for token in tokens {
            if case .literal(let bytes) = token { text += bytes; continue }
            flush()
            merged.append(token)
        }
        flush()
        // Spaces around wildcards are written for readability; the wildcard absorbs them.
        var result: [Token] = []
        for (offset, token) in merged.enumerated() {
            guard case .literal(let bytes) = token else { result.append(token); continue }
            var trimmed = bytes[...]
            if offset > 0, merged[offset - 1] == .anything { while trimmed.first == 0x20 { trimmed.removeFirst() } }
            if offset + 1 < merged.count, merged[offset + 1] == .anything { while trimmed.last == 0x20 { trimmed.removeLast() } }
            if offset + 1 == merged.count { while trimmed.last == 0x20 { trimmed.removeLast() } }
            if offset == 0 { while trimmed.first == 0x20 { trimmed.removeFirst() } }
            if !trimmed.isEmpty { result.append(.literal(Array(trimmed))) }
        }
        return result
    }

    // MARK: - Matching

    /// Whether the pattern matches folded text.
    public func matches(folded text: [UInt8]) -> Bool {
        if anchoredAtStart { return matches(folded: text, at: Self.contentStart(text)) }
        var position = 0
        while position < text.count {
            if text[position] & 0xC0 != 0x80, Self.isWordStart(text, position), matches(folded: text, at: position) {
                return true
            }
            position += 1
        }
        return false
    }

    /// Whether the pattern matches at one position of folded text.
    func matches(folded text: [UInt8], at position: Int) -> Bool {
        variants.contains { match(text, $0, token: 0, at: position) }
    }

    /// The most bytes a match can span when the pattern is anchored at the end and has no
    /// wildcard or number (`* contributed to this report$`): such a match can only start that
    /// far from the end of the text (before trailing punctuation). Nil otherwise.
    var longestEndMatch: Int? {
        guard anchoredAtEnd else { return nil }
        var longest = 0
        for tokens in variants {
            var length = 0
            for token in tokens {
                guard case .literal(let bytes) = token else { return nil }
                length += bytes.count
            }
            longest = max(longest, length)
        }
        return longest
    }

    /// The number of bytes at the end of `text` that an end-anchored match may leave after it
    /// (spaces and closing punctuation).
    static func trailingPunctuationCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        while count < text.count, isTrailingPunctuation(text[text.count - 1 - count]) { count += 1 }
        return count
    }

    /// The first byte of every variant with its second byte when the variant fixes it, or nil when
    /// a match can start with anything.
    var firstTwoBytes: Set<Pair>? {
        var prefixes: Set<Pair> = []
        for tokens in variants {
            switch tokens.first {
            case .literal(let literal)?:
                prefixes.insert(Pair(first: literal[0], second: literal.count > 1 ? literal[1] : nil))
            case .number?:
                for digit in UInt8(0x30)...0x39 { prefixes.insert(Pair(first: digit, second: nil)) }
            default: return nil
            }
        }
        return prefixes
    }

    /// The first two bytes a match starts with (the second, when known).
    struct Pair: Hashable, Sendable {
        var first: UInt8
        var second: UInt8?
    }

    private func match(_ text: [UInt8], _ tokens: [Token], token: Int, at position: Int) -> Bool {
        guard token < tokens.count else { return isEnd(text, position) }
        switch tokens[token] {
        case .literal(let bytes):
            guard Self.hasPrefix(text, bytes, at: position) else { return false }
            return match(text, tokens, token: token + 1, at: position + bytes.count)
        case .number:
            var end = position
            while end < text.count, text[end] >= 0x30, text[end] <= 0x39 { end += 1 }
            guard end > position else { return false }
            return match(text, tokens, token: token + 1, at: end)
        case .anything:
            if token + 1 == tokens.count { return true }
            var end = position
            while end <= text.count {
                if match(text, tokens, token: token + 1, at: end) { return true }
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
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) }
        let value = UTF8Decoding.scalar(in: text, at: position).value
        return UTF8Decoding.isLetter(value)
    }

    /// Whether the scalar ending just before `position` is a letter or digit.
    @inline(__always)
    static func isWordScalar(_ text: [UInt8], before position: Int) -> Bool {
        let byte = text[position - 1]
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) }
        return isWordScalar(text, at: UTF8Decoding.previousScalarStart(in: text, before: position))
    }

    /// Whether a word starts at `position` (which must be the start of a scalar).
    @inline(__always)
    static func isWordStart(_ text: [UInt8], _ position: Int) -> Bool {
        position == 0 || !isWordScalar(text, before: position) || !isWordScalar(text, at: position)
    }

    /// Spaces and punctuation that may close a block after an anchored match (`Share Post:`).
    @inline(__always)
    static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
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

/// Parses pattern text into literals, wildcards and (nested) groups.
private struct PatternParser {
    enum Item {
        case token(TextPattern.Token)
        case group([[Item]], optional: Bool, offset: Int)
    }

    let scalars: [Unicode.Scalar]
    var index = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func parsePattern() throws(TextPattern.SyntaxError) -> ([Item], Bool, Bool) {
        var anchoredAtStart = false
        var anchoredAtEnd = false
        if scalars.first == "^" { anchoredAtStart = true; index = 1 }
        var end = scalars.count
        if end > index, scalars[end - 1] == "$", !(end >= 2 && scalars[end - 2] == "\\") { anchoredAtEnd = true; end -= 1 }
        let sequence = try parseSequence(until: end, inGroup: false)
        return (sequence, anchoredAtStart, anchoredAtEnd)
    }

    /// Parses items up to `end`, or in a group up to its `|` or `)` (not consumed).
    private mutating func parseSequence(until end: Int, inGroup: Bool) throws(TextPattern.SyntaxError) -> [Item] {
        var items: [Item] = []
        while index < end {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < end else {
                    throw TextPattern.SyntaxError(message: "'\\' at the end of the pattern escapes nothing", offset: index)
                }
                items.append(literal(scalars[index + 1]))
                index += 2
                continue
            case "^":
                throw TextPattern.SyntaxError(message: "'^' must be the first character of the pattern (write '\\^' for a literal caret)", offset: index)
            case "$":
                throw TextPattern.SyntaxError(message: "'$' must be the last character of the pattern (write '\\$' for a literal dollar)", offset: index)
            case "*":
                if case .token(.anything)? = items.last {
                    throw TextPattern.SyntaxError(message: "'**' is redundant: write a single '*'", offset: index)
                }
                items.append(.token(.anything))
            case "#":
                items.append(.token(.number))
            case "(":
                let open = index
                index += 1
                var alternatives: [[Item]] = []
                while true {
                    let alternative = try parseSequence(until: end, inGroup: true)
                    guard !alternative.isEmpty else {
                        throw TextPattern.SyntaxError(message: "empty alternative in a group", offset: index)
                    }
                    alternatives.append(alternative)
                    guard index < end else { throw TextPattern.SyntaxError(message: "unclosed '(': add ')'", offset: open) }
                    if scalars[index] == ")" { break }
                    index += 1  // past '|'
                }
                var optional = false
                if index + 1 < end, scalars[index + 1] == "?" {
                    optional = true
                    index += 1
                }
                items.append(.group(alternatives, optional: optional, offset: open))
            case ")", "|":
                guard inGroup else {
                    let message = scalar == ")" ? "')' without a matching '('" : "'|' outside a group: write alternatives as '(a|b)'"
                    throw TextPattern.SyntaxError(message: message, offset: index)
                }
                return items
            case "?":
                // An optional character: `:?`, ` ?`, `s?`.
                guard case .token(.literal(let bytes))? = items.last else {
                    throw TextPattern.SyntaxError(message: "'?' must follow a character or a group '(…)'", offset: index)
                }
                items.removeLast()
                items.append(.group([[.token(.literal(bytes))]], optional: true, offset: index))
            default:
                items.append(literal(scalar))
            }
            index += 1
        }
        return items
    }

    private func literal(_ scalar: Unicode.Scalar) -> Item {
        .token(.literal(Array(String(scalar).utf8)))
    }
}
