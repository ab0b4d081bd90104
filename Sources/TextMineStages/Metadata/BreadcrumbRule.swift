/// Finds a breadcrumb trail among the first lines: `Home | News | World`, `Startseite > Politik`,
/// `Accueil › Monde › Europe`: two to eight short items (one to four words, capitalised, no final
/// period) joined by one separator (`|`, `>`, `›`, `»`, `/`, `•`). A first line that is one short
/// section name before a headline (`Politics`) counts as a trail of one. The items become
/// `breadcrumbs` and the line leaves the body.
struct BreadcrumbRule: MetadataRule {
    let headerLines: Int
    /// Separators between items.
    static let separators: [UInt32] = [0x7C, 0x3E, 0x203A, 0xBB, 0x2F, 0x2022]
    static let maximumItems = 8
    static let maximumItemWords = 4
    static let maximumBytes = 200

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("breadcrumbs") else { return }
        let candidates = scan.headerLines(headerLines)
        for (position, index) in candidates.enumerated() {
            let line = scan.lines[index]
            guard line.count <= Self.maximumBytes, let items = Self.items(scan.bytes, line) else { continue }
            if items.count == 1 {
                // One item: only a first line, with a longer line after it.
                guard position == 0, index == 0, index + 1 < scan.lines.count, Self.wordCount(scan.bytes, scan.lines[index + 1]) >= 3 else { continue }
            }
            scan.fields.append(("breadcrumbs", .array(items.map { .string(scan.string($0)) }), items.count == 1 ? "section-label" : "breadcrumbs", line))
            scan.takeLine(index, reason: "metadata: breadcrumbs")
            return
        }
    }

    /// The items of a breadcrumb line, or nil when the line is not one.
    static func items(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>]? {
        var items: [Range<Int>] = []
        var separator: UInt32?
        var itemStart = line.lowerBound
        var cursor = line.lowerBound
        func closeItem(_ end: Int) -> Bool {
            var range = itemStart..<end
            while let first = range.first, bytes[first] == 0x20 { range = range.dropFirst() }
            while let last = range.last, bytes[last] == 0x20 { range = range.lowerBound..<last }
            guard isItem(bytes, range) else { return false }
            items.append(range)
            return items.count <= maximumItems
        }
        while cursor < line.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            if separators.contains(value), separator == nil || separator == value {
                // A separator stands between spaces (`a/b` is a word).
                let spaced = cursor > line.lowerBound && bytes[cursor - 1] == 0x20 && cursor + length < line.upperBound && bytes[cursor + length] == 0x20
                if spaced {
                    separator = value
                    guard closeItem(cursor) else { return nil }
                    itemStart = cursor + length
                }
            }
            cursor += length
        }
        guard closeItem(line.upperBound) else { return nil }
        if items.count == 1 { return wordCount(bytes, items[0]) <= 2 && !items[0].contains(where: { UTF8Decoding.isDigit(UInt32(bytes[$0])) }) ? items : nil }
        return items
    }

    /// One to four words, the first capitalised (or a number), letters, digits, `&`, `'`, `-`,
    /// `,` inside; no final punctuation.
    private static func isItem(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 40 else { return false }
        let first = UTF8Decoding.scalar(in: bytes, at: range.lowerBound).value
        guard UTF8Decoding.isUppercase(first) || UTF8Decoding.isDigit(first) else { return false }
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            guard UTF8Decoding.isLetter(value) || UTF8Decoding.isDigit(value) || [0x20, 0x26, 0x27, 0x2D, 0x2019].contains(value) else { return false }
            cursor += length
        }
        return wordCount(bytes, range) <= maximumItemWords
    }

    static func wordCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var words = 0
        var inWord = false
        for index in range {
            let space = bytes[index] == 0x20 || bytes[index] == 0x09
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words
    }
}
