import TextMineCore

/// Finds a byline among the first lines (or the last two): `Par Vladimir Soldatkin et Alexander
/// Marrow`, `By Jane Doe, John Smith and Ann Lee`. The whole line must be the byline word and
/// capitalised names joined by commas, `et`/`and` or `&`.
struct BylineRule: MetadataRule {
    let bylineWords: [[UInt8]]
    let joiners: [[UInt8]]
    let headerLines: Int
    /// Lowercase particles allowed inside a name (`Charles de Gaulle`, `Ursula von der Leyen`).
    static let particles: [[UInt8]] = ["de", "du", "des", "da", "di", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ben"]
        .map { Array($0.utf8) }

    init(library: PackLibrary, headerLines: Int) {
        bylineWords = library.metadataWords(\.bylineWords).map(TextFolding.fold)
        joiners = library.metadataWords(\.nameJoiners).map(TextFolding.fold) + [[0x26]]
        self.headerLines = headerLines
    }

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("authors") else { return }
        let untaken = scan.lines.indices.filter { !scan.taken.contains($0) }
        let candidates = Array(untaken.prefix(headerLines)) + Array(untaken.suffix(2))
        for index in candidates {
            let line = scan.lines[index]
            guard line.count <= 200, let authors = parse(scan.bytes, line) else { continue }
            scan.fields.append(("authors", .array(authors.map(JSONValue.string)), "byline", line))
            scan.takeLine(index, reason: "metadata: byline")
            return
        }
    }

    /// The author names of a byline line, or nil when the line is not one.
    func parse(_ bytes: [UInt8], _ line: Range<Int>) -> [String]? {
        let words = Self.words(bytes, line)
        guard words.count >= 2 else { return nil }
        var folded: [UInt8] = []
        TextFolding.fold(bytes, words[0], into: &folded)
        guard bylineWords.contains(folded) else { return nil }
        var authors: [String] = []
        var current: [Range<Int>] = []
        func close() -> Bool {
            guard !current.isEmpty, current.count <= 5 else { return false }
            guard let last = current.last, Self.isCapitalised(bytes, last) else { return false }
            authors.append(String(decoding: bytes[current.first!.lowerBound..<current.last!.upperBound], as: UTF8.self))
            current = []
            return true
        }
        for word in words.dropFirst() {
            var token = word
            var endsWithComma = false
            if bytes[token.upperBound - 1] == 0x2C {
                token = token.lowerBound..<token.upperBound - 1
                endsWithComma = true
            }
            folded.removeAll(keepingCapacity: true)
            TextFolding.fold(bytes, token, into: &folded)
            if joiners.contains(folded) {
                guard close() else { return nil }
                continue
            }
            if Self.isCapitalised(bytes, token) {
                current.append(token)
            } else if Self.particles.contains(folded), !current.isEmpty {
                current.append(token)
            } else {
                return nil
            }
            if endsWithComma { guard close() else { return nil } }
        }
        guard close(), authors.count <= 6 else { return nil }
        return authors
    }

    /// A capitalised name word: an uppercase letter, then letters, hyphens, apostrophes or dots.
    private static func isCapitalised(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        let (first, firstLength) = UTF8Decoding.scalar(in: bytes, at: word.lowerBound)
        guard UTF8Decoding.isUppercase(first) else { return false }
        var cursor = word.lowerBound + firstLength
        while cursor < word.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            guard UTF8Decoding.isLetter(value) || value == 0x2D || value == 0x27 || value == 0x2E || value == 0x2019 else { return false }
            cursor += length
        }
        return true
    }

    private static func words(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = -1
        for index in line {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                if start >= 0 { words.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { words.append(start..<line.upperBound) }
        return words
    }
}
