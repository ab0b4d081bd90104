import TextMineCore

/// Removes the debris that scrapers, translation tools and earlier removals leave between
/// sentences, recorded as removals with the reason `clean: debris`:
///
/// - a stray full stop after a full stop: `ukrainienne. . Selon` → `ukrainienne. Selon`;
/// - a full stop before a comma: `Peskov. , a rapporté Reuters.` → `Peskov, a rapporté Reuters.`;
/// - an all-capitals article that opens a paragraph before a capitalised article, the orphan of a
///   dropped drop cap or a translated `A`: `UNE La BBC a fait` → `La BBC a fait`.
///
/// A full stop counts only after a letter, a digit, or a closing quote or bracket, and the stray
/// mark must stand alone (a space or the line's end after it), so ellipses (`...`, `. . .`),
/// `etc.,` and numbers (`3. .5`) are left alone.
struct DebrisRemoval: CleaningStep {
    static let reason = "clean: debris"
    /// All-capitals articles that can be left over at a paragraph's start.
    static let orphanArticles: Set<[UInt8]> = Set(["UN", "UNE", "LE", "LA", "LES", "DES"].map { Array($0.utf8) })
    /// Capitalised articles that start the real paragraph after an orphan.
    static let paragraphArticles: Set<[UInt8]> = Set(["La", "Le", "Les", "L'", "L’", "Un", "Une", "Des", "Du"].map { Array($0.utf8) })

    func isTrigger(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x55 || byte == 0x4C || byte == 0x44 }

    var looksAtNextByte: Bool { true }

    func isTrigger(_ byte: UInt8, followedBy next: UInt8) -> Bool {
        switch byte {
        case 0x2E: return next == 0x20 || next == 0xC2
        case 0x55: return next == 0x4E  // UN
        case 0x4C: return next == 0x45 || next == 0x41  // LE, LA
        case 0x44: return next == 0x45  // DE
        default: return false
        }
    }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        let range = bytes[index] == 0x2E ? strayPunctuation(bytes, after: index) : orphanArticle(bytes, at: index)
        guard let range else { return nil }
        edits.append(.remove(text.span(ofBytes: range), reason: Self.reason))
        return range.upperBound
    }

    /// The bytes to remove when the full stop at `index` is followed by a stray `.` or `,`.
    private func strayPunctuation(_ bytes: [UInt8], after index: Int) -> Range<Int>? {
        guard let before = UTF8Decoding.scalar(in: bytes, before: index), Self.endsSentence(before) else { return nil }
        var cursor = index + 1
        while cursor < bytes.count {
            if bytes[cursor] == 0x20 {
                cursor += 1
            } else if bytes[cursor] == 0xC2, cursor + 1 < bytes.count, bytes[cursor + 1] == 0xA0 {
                cursor += 2
            } else {
                break
            }
        }
        guard cursor > index + 1, cursor < bytes.count, bytes[cursor] == 0x2E || bytes[cursor] == 0x2C else { return nil }
        let after = cursor + 1
        guard after == bytes.count || bytes[after] == 0x20 || bytes[after] == 0x0A || bytes[after] == 0x0D else { return nil }
        // A spaced ellipsis (`. . .`) is typography, not debris.
        if bytes[cursor] == 0x2E, after + 1 < bytes.count, bytes[after] == 0x20, bytes[after + 1] == 0x2E { return nil }
        // `. ,`: the full stop goes, the comma stays; `. .`: the second stop goes.
        return bytes[cursor] == 0x2C ? index..<cursor : index + 1..<after
    }

    /// The bytes to remove when the paragraph starting at `index` opens with an orphan article.
    private func orphanArticle(_ bytes: [UInt8], at index: Int) -> Range<Int>? {
        guard index == 0 || bytes[index - 1] == 0x0A else { return nil }
        var end = index
        while end < bytes.count, bytes[end] >= 0x41, bytes[end] <= 0x5A { end += 1 }
        guard end < bytes.count, bytes[end] == 0x20, Self.orphanArticles.contains(Array(bytes[index..<end])) else { return nil }
        let next = end + 1
        var wordEnd = next
        while wordEnd < bytes.count, bytes[wordEnd] != 0x20, bytes[wordEnd] != 0x0A {
            if bytes[wordEnd] == 0x27 { wordEnd += 1; break }
            if bytes[wordEnd] == 0xE2, wordEnd + 2 < bytes.count, bytes[wordEnd + 1] == 0x80, bytes[wordEnd + 2] == 0x99 {
                wordEnd += 3
                break
            }
            wordEnd += 1
        }
        guard Self.paragraphArticles.contains(Array(bytes[next..<wordEnd])) else { return nil }
        return index..<next
    }

    /// Whether a full stop after this scalar ends a sentence.
    private static func endsSentence(_ value: UInt32) -> Bool {
        UTF8Decoding.isLetter(value) || UTF8Decoding.isDigit(value)
            || value == 0xBB || value == 0x22 || value == 0x29 || value == 0x201D || value == 0x27 || value == 0x2019
    }
}
