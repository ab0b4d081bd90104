import TextMineCore

/// Maps typographic apostrophes (`’ ‘ ‛ ʼ`) to `'` and, optionally, curly double quotes
/// (`“ ” „ ‟`) to `"`, so that matchers and models see one form. French guillemets `« »` are kept:
/// they are punctuation of the text, not a typographic variant. The originals stay in the alignment.
struct QuoteNormalisation: CleaningStep {
    var apostrophes: Bool
    var doubleQuotes: Bool

    func isTrigger(_ byte: UInt8) -> Bool { byte == 0xE2 || byte == 0xCA }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let (value, length) = UTF8Decoding.scalar(in: text.utf8, at: index)
        let replacement: String
        switch value {
        case 0x2019, 0x2018, 0x201B, 0x02BC:
            guard apostrophes else { return nil }
            replacement = "'"
        case 0x201C, 0x201D, 0x201E, 0x201F:
            guard doubleQuotes else { return nil }
            replacement = "\""
        default: return nil
        }
        edits.append(TextEdit(span: text.span(ofBytes: index..<index + length), replacement: replacement))
        return index + length
    }
}
