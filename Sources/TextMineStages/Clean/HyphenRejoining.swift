import TextMineCore

/// Rejoins words broken by a hyphen followed by a space, an artefact of line-broken or machine
/// translated text: `de- escalade` → `de-escalade`.
///
/// The space is kept when the next word is a conjunction (`pré- et post-opératoire`,
/// `pre- and post-war`) or does not start with a lowercase letter.
struct HyphenRejoining: CleaningStep {
    /// Words after which a suspended hyphen is legitimate.
    static let conjunctions: Set<[UInt8]> = Set(["et", "ou", "and", "or", "à", "to", "und", "y", "e", "o"].map { Array($0.utf8) })

    func collectEdits(in text: ScalarText, into edits: inout [TextEdit]) {
        let bytes = text.utf8
        var index = 1
        while index < bytes.count - 1 {
            guard bytes[index] == 0x2D, bytes[index + 1] == 0x20 else {
                index += 1
                continue
            }
            guard let before = UTF8Decoding.scalar(in: bytes, before: index), UTF8Decoding.isLetter(before) else {
                index += 1
                continue
            }
            var wordStart = index + 1
            while wordStart < bytes.count, bytes[wordStart] == 0x20 { wordStart += 1 }
            guard wordStart < bytes.count, wordStart - index - 1 <= 2 else {
                index = wordStart
                continue
            }
            let first = UTF8Decoding.scalar(in: bytes, at: wordStart).value
            var wordEnd = wordStart
            while wordEnd < bytes.count {
                let (value, length) = UTF8Decoding.scalar(in: bytes, at: wordEnd)
                guard UTF8Decoding.isLetter(value) else { break }
                wordEnd += length
            }
            if UTF8Decoding.isLowercase(first), !Self.conjunctions.contains(Array(bytes[wordStart..<wordEnd])) {
                edits.append(TextEdit(span: text.span(ofBytes: index + 1..<wordStart)))
            }
            index = wordEnd
        }
    }
}
