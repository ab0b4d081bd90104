import TextMineCore

/// Turns byte ranges that stages want to remove (whole lines with their breaks, prefixes of lines)
/// into non-overlapping ranges that leave tidy text: no blank lines where a line went, and no
/// trailing line breaks when the last lines of the text go.
enum RemovalPlan {
    static func tidy(_ removals: [(range: Range<Int>, reason: String)], in bytes: [UInt8]) -> [(range: Range<Int>, reason: String)] {
        var result: [(range: Range<Int>, reason: String)] = []
        for removal in removals.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = result.last, removal.range.lowerBound < last.range.upperBound {
                let lower = last.range.upperBound
                if lower < removal.range.upperBound { result.append((lower..<removal.range.upperBound, removal.reason)) }
            } else if !removal.range.isEmpty {
                result.append(removal)
            }
        }
        // When the removals reach the end of the text, the white space before the first of them goes too.
        guard var index = result.indices.last, result[index].range.upperBound == bytes.count else { return result }
        while index > 0, isWhitespace(bytes, result[index - 1].range.upperBound..<result[index].range.lowerBound) { index -= 1 }
        var lower = result[index].range.lowerBound
        let floor = index > 0 ? result[index - 1].range.upperBound : 0
        while lower > floor, isWhitespace(bytes[lower - 1]) { lower -= 1 }
        result[index].range = lower..<result[index].range.upperBound
        return result
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func isWhitespace(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        range.allSatisfy { isWhitespace(bytes[$0]) }
    }
}

extension Article {
    /// Removal edits for byte ranges of `text` (the scalar text of the article), each split where an
    /// earlier stage deleted text inside it, so that every removal is one contiguous piece of the
    /// original text.
    func removalEdits(_ removals: [(range: Range<Int>, reason: String)], in text: ScalarText) -> [TextEdit] {
        let deletions = (alignment?.regions ?? []).filter(\.current.isEmpty).map(\.current.start)
        var edits: [TextEdit] = []
        for removal in removals {
            let span = text.span(ofBytes: removal.range)
            var start = span.start
            for point in deletions where point > span.start && point < span.end {
                edits.append(.remove(Span(start: start, end: point), reason: removal.reason))
                start = point
            }
            edits.append(.remove(Span(start: start, end: span.end), reason: removal.reason))
        }
        return edits
    }
}
