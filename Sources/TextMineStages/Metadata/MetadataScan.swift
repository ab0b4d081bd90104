import TextMineCore

/// The working state of the `metadata` stage on one article: the text's lines, which of them rules
/// have taken, and the fields and removals found so far.
struct MetadataScan {
    let text: ScalarText
    /// Non-blank lines (byte ranges); a rule that takes a prefix moves the line's start.
    var lines: [Range<Int>]
    /// Lines a rule took entirely.
    var taken: Set<Int> = []
    /// Fields found, by name, with the rule and the byte range of their source in the current text.
    var fields: [(name: String, value: JSONValue, rule: String, source: Range<Int>)] = []
    /// Byte ranges to remove, with their reasons.
    var removals: [(range: Range<Int>, reason: String)] = []

    init(text: ScalarText) {
        self.text = text
        lines = TextLines.ranges(in: text.utf8)
    }

    var bytes: [UInt8] { text.utf8 }

    /// Indexes of the first `count` lines no rule has taken.
    func headerLines(_ count: Int) -> [Int] {
        Array(lines.indices.lazy.filter { !taken.contains($0) }.prefix(count))
    }

    /// Whether a field was already found.
    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// Records that a whole line is metadata and removes it from the body.
    mutating func takeLine(_ index: Int, reason: String) {
        taken.insert(index)
        removals.append((TextLines.removalRange(of: lines[index], in: bytes), reason))
    }

    /// Records that the first bytes of a line (up to `end`, plus the spaces after it) are metadata;
    /// the rest of the line stays in the body. Takes the whole line when nothing is left.
    mutating func takePrefix(ofLine index: Int, upTo end: Int, reason: String) {
        var cursor = end
        while cursor < lines[index].upperBound, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor >= lines[index].upperBound {
            takeLine(index, reason: reason)
            return
        }
        removals.append((lines[index].lowerBound..<cursor, reason))
        lines[index] = cursor..<lines[index].upperBound
    }

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String { text.string(bytes: range) }
}

/// One way of finding metadata in the text (a date header, a byline…).
protocol MetadataRule: Sendable {
    /// Looks for the metadata, records fields and the text to remove in `scan`.
    func apply(to scan: inout MetadataScan)
}
