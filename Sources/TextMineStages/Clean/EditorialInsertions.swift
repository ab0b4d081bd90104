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
        while let open = bytes[index...].firstIndex(of: 0x5B) {
            if let insertion = match(in: bytes, at: open) {
                found.append(insertion)
                index = insertion.upperBound
            } else {
                index = open + 1
            }
        }
        return found
    }

    /// The insertion that starts with the `[` at `index`, brackets included, if it is one.
    func match(in bytes: [UInt8], at index: Int) -> Range<Int>? {
        var cursor = index + 1
        var words = 0
        var inWord = false
        var scalars = 0
        while cursor < bytes.count, bytes[cursor] != 0x5D {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            if UTF8Decoding.isLetter(value) {
                if !inWord { words += 1 }
                inWord = true
            } else if value == 0x20 {
                inWord = false
            } else if value != 0x27 && value != 0x2D && value != 0x2019 {
                return nil
            }
            scalars += 1
            cursor += length
            if scalars > Self.maximumLength { return nil }
        }
        guard cursor < bytes.count, words >= 1, words <= Self.maximumWords else { return nil }
        return index..<cursor + 1
    }
}

/// Removes editorial insertions (see ``EditorialInsertions``) with one adjacent space, recorded as
/// removals with the reason `clean: editorial-insertion`.
struct EditorialInsertionRemoval: CleaningStep {
    func isTrigger(_ byte: UInt8) -> Bool { byte == 0x5B }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        guard let range = EditorialInsertions().match(in: bytes, at: index) else { return nil }
        var lower = range.lowerBound
        var upper = range.upperBound
        if upper < bytes.count, bytes[upper] == 0x20, lower == 0 || bytes[lower - 1] == 0x20 || bytes[lower - 1] == 0x0A {
            upper += 1
        } else if lower > floor, bytes[lower - 1] == 0x20 {
            lower -= 1
        }
        edits.append(.remove(text.span(ofBytes: lower..<upper), reason: "clean: editorial-insertion"))
        return upper
    }
}
