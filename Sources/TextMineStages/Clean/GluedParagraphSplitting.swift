import TextMineCore

/// Splits paragraphs that a scraper glued together without a space: `Pyrénées.Alors` becomes
/// `Pyrénées.` + line break + `Alors`.
///
/// The split needs a word of at least two lowercase letters before the `.`, `!` or `?` and a
/// capitalised word after it, so abbreviations (`M.Lavrov`), acronyms (`U.S.`), file names and
/// web addresses (`site.com`, `www.Site.fr`) are left alone.
struct GluedParagraphSplitting: CleaningStep {
    func isTrigger(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        guard index >= 2, index + 2 < text.utf8.count, isGlued(text.utf8, at: index) else { return nil }
        edits.append(TextEdit(span: text.span(ofBytes: index + 1..<index + 1), replacement: "\n"))
        return index + 1
    }

    private func isGlued(_ bytes: [UInt8], at index: Int) -> Bool {
        // After: an uppercase letter then a lowercase one.
        let (first, firstLength) = UTF8Decoding.scalar(in: bytes, at: index + 1)
        guard UTF8Decoding.isUppercase(first), index + 1 + firstLength < bytes.count else { return false }
        let second = UTF8Decoding.scalar(in: bytes, at: index + 1 + firstLength).value
        guard UTF8Decoding.isLowercase(second) else { return false }
        // Before: a word of lowercase letters, at least two, not part of an address or file name.
        var cursor = index
        var letters = 0
        while cursor > 0 {
            let start = UTF8Decoding.previousScalarStart(in: bytes, before: cursor)
            let value = UTF8Decoding.scalar(in: bytes, at: start).value
            if UTF8Decoding.isLowercase(value) {
                letters += 1
            } else if UTF8Decoding.isLetter(value) {
                // a capital inside the word is fine (Pyrénées), as long as lowercase letters follow it
            } else {
                if value == 0x2E || value == 0x2F || value == 0x40 || value == 0x3A || value == 0x5F { return false }
                break
            }
            cursor = start
        }
        return letters >= 2
    }
}
