import TextMineCore

/// Maps typographic apostrophes (`’ ‘ ‛ ʼ`) to `'` and, optionally, curly double quotes
/// (`“ ” „ ‟`) to `"`, so that matchers and models see one form. French guillemets `« »` are kept:
/// they are punctuation of the text, not a typographic variant. The originals stay in the alignment.
struct QuoteNormalisation: CleaningStep {
    var apostrophes: Bool
    var doubleQuotes: Bool

    func collectEdits(in text: ScalarText, into edits: inout [TextEdit]) {
        let bytes = text.utf8
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0xE2 || byte == 0xCA else {
                index += 1
                continue
            }
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            let replacement: String?
            switch value {
            case 0x2019, 0x2018, 0x201B, 0x02BC: replacement = apostrophes ? "'" : nil
            case 0x201C, 0x201D, 0x201E, 0x201F: replacement = doubleQuotes ? "\"" : nil
            default: replacement = nil
            }
            if let replacement {
                edits.append(TextEdit(span: text.span(ofBytes: index..<index + length), replacement: replacement))
            }
            index += length
        }
    }
}
