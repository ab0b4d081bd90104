import TextMineCore

/// Rejoins words broken by a hyphen followed by a space, an artefact of line-broken or machine
/// translated text: `de- escalade` → `de-escalade`.
///
/// The space is kept when the next word is a conjunction (`pré- et post-opératoire`,
/// `pre- and post-war`) or does not start with a lowercase letter.
struct HyphenRejoining: CleaningStep {
    /// Words after which a suspended hyphen is legitimate.
    static let conjunctions: Set<[UInt8]> = Set(["et", "ou", "and", "or", "à", "to", "und", "y", "e", "o"].map { Array($0.utf8) })

    func isTrigger(_ byte: UInt8) -> Bool { byte == 0x2D }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        guard index > 0, index + 1 < bytes.count, bytes[index + 1] == 0x20,
            let before = UTF8Decoding.scalar(in: bytes, before: index), UTF8Decoding.isLetter(before)
        else { return nil }
        var wordStart = index + 1
        while wordStart < bytes.count, bytes[wordStart] == 0x20 { wordStart += 1 }
        guard wordStart < bytes.count, wordStart - index - 1 <= 2 else { return nil }
        let first = UTF8Decoding.scalar(in: bytes, at: wordStart).value
        guard UTF8Decoding.isLowercase(first) else { return nil }
        var wordEnd = wordStart
        while wordEnd < bytes.count {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: wordEnd)
            guard UTF8Decoding.isLetter(value) else { break }
            wordEnd += length
        }
        guard !Self.conjunctions.contains(Array(bytes[wordStart..<wordEnd])) else { return nil }
        edits.append(TextEdit(span: text.span(ofBytes: index + 1..<wordStart)))
        return wordStart
    }
}
