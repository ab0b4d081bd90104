import TextMineCore

/// Finds editorial insertions in square brackets, such as `[the]` or `[more about]` left by a
/// translation tool, or `[Olaf Scholz]` added by an editor: a few words of letters only.
/// Brackets with digits or longer text (`[1]`, `[voir la carte ci-dessous, mise à jour à 10 h]`)
/// are not insertions.
struct EditorialInsertions: Sendable {
    /// The longest insertion, in scalars.
    static let maximumLength = 40
    /// The most words an insertion has.
    static let maximumWords = 4

    /// The byte ranges of the insertions, brackets included.
    func find(in bytes: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x5B else {
                index += 1
                continue
            }
            var cursor = index + 1
            var words = 0
            var inWord = false
            var scalars = 0
            var valid = true
            while cursor < bytes.count, bytes[cursor] != 0x5D {
                let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
                if UTF8Decoding.isLetter(value) {
                    if !inWord { words += 1 }
                    inWord = true
                } else if value == 0x20 {
                    inWord = false
                } else if value != 0x27 && value != 0x2D && value != 0x2019 {
                    valid = false
                    break
                }
                scalars += 1
                cursor += length
                if scalars > Self.maximumLength { valid = false; break }
            }
            if valid, cursor < bytes.count, words >= 1, words <= Self.maximumWords {
                found.append(index..<cursor + 1)
                index = cursor + 1
            } else {
                index = max(cursor, index + 1)
            }
        }
        return found
    }
}

/// Removes editorial insertions (see ``EditorialInsertions``) with one adjacent space, recorded as
/// removals with the reason `clean: editorial-insertion`.
struct EditorialInsertionRemoval: CleaningStep {
    func collectEdits(in text: ScalarText, into edits: inout [TextEdit]) {
        let bytes = text.utf8
        for range in EditorialInsertions().find(in: bytes) {
            var lower = range.lowerBound
            var upper = range.upperBound
            if upper < bytes.count, bytes[upper] == 0x20, lower == 0 || bytes[lower - 1] == 0x20 || bytes[lower - 1] == 0x0A {
                upper += 1
            } else if lower > 0, bytes[lower - 1] == 0x20 {
                lower -= 1
            }
            edits.append(.remove(text.span(ofBytes: lower..<upper), reason: "clean: editorial-insertion"))
        }
    }
}
