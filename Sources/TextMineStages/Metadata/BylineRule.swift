import TextMineCore

/// Finds a byline among the first lines (or the last two): `Par Vladimir Soldatkin et Alexander
/// Marrow`, `By Jane Doe, John Smith and Ann Lee`: the byline word and capitalised names joined by
/// commas, `et`/`and` or `&`. The names fill the line, or end at a separator (`|`, `-`, `–`, `—`,
/// `•`, `·`) or a date label (`Par Jean Dupont | Publié le 28 janvier 2022`): then only the byline
/// and the separator leave the line, and the rest (a date) is left for the date rule. After the
/// first author, a part that names an outlet, a role or a place (`By Tom Harding, BBC News, Rome`:
/// an acronym, a word such as `News` or `correspondent`, or one word alone) ends the names and
/// becomes `affiliation`.
struct BylineRule: MetadataRule {
    let bylineWords: [[UInt8]]
    let joiners: [[UInt8]]
    /// Date labels (folded), which end a byline.
    let dateLabels: [[UInt8]]
    let headerLines: Int
    /// Lowercase particles allowed inside a name (`Charles de Gaulle`, `Ursula von der Leyen`).
    static let particles: [[UInt8]] = ["de", "du", "des", "da", "di", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ben"]
        .map { Array($0.utf8) }
    /// Words (folded) that mark an outlet or a role rather than a person (`BBC News`, `Staff Writer`).
    static let affiliationWords: Set<[UInt8]> = Set([
        "news", "press", "agency", "times", "post", "journal", "tribune", "herald", "telegraph", "television", "radio", "tv",
        "correspondent", "editor", "reporter", "writer", "staff", "bureau", "desk", "contributor", "columnist",
        "presse", "correspondant", "correspondante", "envoyé", "envoyée", "rédaction", "journaliste",
        "korrespondent", "korrespondentin", "redaktion", "agentur",
    ].map { Array($0.utf8) })

    init(library: PackLibrary, headerLines: Int) {
        bylineWords = library.metadataWords(\.bylineWords).map(TextFolding.fold)
        joiners = library.metadataWords(\.nameJoiners).map(TextFolding.fold) + [[0x26]]
        dateLabels = library.metadataWords(\.dateLabels).map(TextFolding.fold)
        self.headerLines = headerLines
    }

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("authors") else { return }
        let untaken = scan.lines.indices.filter { !scan.taken.contains($0) }
        let candidates = Array(untaken.prefix(headerLines)) + Array(untaken.suffix(2))
        for index in candidates {
            let line = scan.lines[index]
            guard line.count <= 200, let byline = parse(scan.bytes, line) else { continue }
            scan.fields.append(("authors", .array(byline.authors.map(JSONValue.string)), "byline", line.lowerBound..<byline.end))
            if let affiliation = byline.affiliation {
                scan.fields.append(("affiliation", .string(scan.string(affiliation)), "byline-affiliation", affiliation))
            }
            scan.takePrefix(ofLine: index, upTo: byline.end, reason: "metadata: byline")
            return
        }
    }

    /// The author names of a byline at the start of a line, the affiliation after them, and where
    /// the byline ends (after its separator), or nil when the line does not start with one.
    func parse(_ bytes: [UInt8], _ line: Range<Int>) -> (authors: [String], affiliation: Range<Int>?, end: Int)? {
        let words = Self.words(bytes, line)
        guard words.count >= 2 else { return nil }
        var folded: [UInt8] = []
        TextFolding.fold(bytes, words[0], into: &folded)
        guard bylineWords.contains(folded) else { return nil }
        var authors: [String] = []
        var current: [Range<Int>] = []
        var affiliationStart: Int?
        var affiliationEnd = line.upperBound
        func close() -> Bool {
            guard affiliationStart == nil else { return true }
            guard !current.isEmpty, current.count <= 5 else { return false }
            guard let last = current.last, Self.isCapitalised(bytes, last) else { return false }
            if !authors.isEmpty, current.count == 1 || current.contains(where: { isAffiliationWord(bytes, $0) }) {
                affiliationStart = current.first!.lowerBound
                return true
            }
            authors.append(String(decoding: bytes[current.first!.lowerBound..<current.last!.upperBound], as: UTF8.self))
            current = []
            return true
        }
        var end = line.upperBound
        for word in words.dropFirst() {
            if Self.isSeparator(bytes, word) {
                guard close() else { return nil }
                affiliationEnd = word.lowerBound
                end = word.upperBound
                break
            }
            if startsWithDateLabel(bytes, word.lowerBound..<line.upperBound) {
                guard close() else { return nil }
                affiliationEnd = word.lowerBound
                end = word.lowerBound
                break
            }
            if affiliationStart != nil { continue }
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
            } else if !authors.isEmpty, isAffiliationWord(bytes, token) {
                affiliationStart = (current.first ?? token).lowerBound  // `…, BBC correspondent in Rome`
                continue
            } else {
                return nil
            }
            if endsWithComma { guard close() else { return nil } }
        }
        if end == line.upperBound { guard close() else { return nil } }
        guard !authors.isEmpty, authors.count <= 6 else { return nil }
        guard let affiliationStart else { return (authors, nil, end) }
        var affiliation = affiliationStart..<affiliationEnd
        while let last = affiliation.last, [0x20, 0x2C, 0x09].contains(bytes[last]) { affiliation = affiliation.lowerBound..<last }
        return (authors, affiliation, end)
    }

    /// An acronym (`BBC`) or a word that names an outlet or a role (`News`, `correspondent`).
    private func isAffiliationWord(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        var capitals = 0
        var lowercase = false
        var cursor = word.lowerBound
        while cursor < word.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            if UTF8Decoding.isUppercase(value) { capitals += 1 } else if UTF8Decoding.isLowercase(value) { lowercase = true }
            cursor += length
        }
        if capitals >= 2 && !lowercase { return true }
        var folded: [UInt8] = []
        TextFolding.fold(bytes, word, into: &folded)
        return Self.affiliationWords.contains(folded)
    }

    /// A word that is one separator character: `|`, `-`, `–`, `—`, `•`, `·`.
    private static func isSeparator(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        let (value, length) = UTF8Decoding.scalar(in: bytes, at: word.lowerBound)
        guard length == word.count else { return false }
        return value == 0x7C || value == 0x2D || value == 0x2013 || value == 0x2014 || value == 0x2022 || value == 0xB7
    }

    /// Whether the text starts with a date label followed by a non-letter (`Publié le 28…`).
    private func startsWithDateLabel(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var folded: [UInt8] = []
        TextFolding.fold(bytes, range.lowerBound..<min(range.upperBound, range.lowerBound + 24), into: &folded)
        return dateLabels.contains { label in
            folded.starts(with: label) && (folded.count == label.count || !TextPattern.isWordScalar(folded, at: label.count))
        }
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
