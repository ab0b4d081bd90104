/// Takes the first line as the title when it reads as a headline: 3 to 40 words, at most 300
/// characters, not ending like a sentence or a label (`.` `:` `;` `,`), not a date (`Updated 3:45
/// PM ET, Tue March 14, 2023`), and followed by more text.
struct TitleRule: MetadataRule {
    static let wordRange = 3...40
    static let maximumBytes = 400
    /// Date labels (folded).
    let dateLabels: [[UInt8]]
    let dates: DateParsing

    init(library: PackLibrary) {
        dateLabels = library.metadataWords(\.dateLabels).map(TextFolding.fold)
        dates = DateParsing(monthNames: library.packs.map(\.months))
    }

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("title"), let index = scan.headerLines(1).first else { return }
        let line = scan.lines[index]
        // More text must follow, and the title must be the first line left in the text.
        guard index + 1 < scan.lines.count, line.count <= Self.maximumBytes,
            scan.lines[..<index].indices.allSatisfy({ scan.taken.contains($0) })
        else { return }
        let bytes = scan.bytes
        let last = UTF8Decoding.scalar(in: bytes, before: line.upperBound) ?? 0
        guard ![0x2E, 0x3A, 0x3B, 0x2C].contains(last) else { return }
        var words = 0
        var inWord = false
        var lowercase = false
        var cursor = line.lowerBound
        while cursor < line.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            let isLetter = UTF8Decoding.isLetter(value) || UTF8Decoding.isDigit(value)
            if isLetter && !inWord { words += 1 }
            if UTF8Decoding.isLowercase(value) { lowercase = true }
            inWord = isLetter || (inWord && (value == 0x27 || value == 0x2D))
            cursor += length
        }
        guard Self.wordRange.contains(words), lowercase, !isDate(bytes, line) else { return }
        scan.fields.append(("title", .string(scan.string(line)), "first-line-headline", line))
        scan.takeLine(index, reason: "metadata: title")
    }

    /// Whether the line starts with a date, after a date label or not (`Updated 3:45 PM ET, Tue
    /// March 14, 2023`, `Published 17 May 2023`).
    private func isDate(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        if dates.parse(bytes, at: line.lowerBound, limit: line.upperBound) != nil { return true }
        var folded: [UInt8] = []
        TextFolding.fold(bytes, line.lowerBound..<min(line.upperBound, line.lowerBound + 40), into: &folded)
        for label in dateLabels where folded.starts(with: label) && folded.count > label.count && !TextPattern.isWordScalar(folded, at: label.count) {
            // Labels fold to as many bytes as they are written with.
            var cursor = line.lowerBound + label.count
            while cursor < line.upperBound, bytes[cursor] == 0x20 || bytes[cursor] == 0x3A { cursor += 1 }
            if dates.parse(bytes, at: cursor, limit: line.upperBound) != nil { return true }
        }
        return false
    }
}
