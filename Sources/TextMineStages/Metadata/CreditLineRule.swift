import TextMineCore

/// Finds credit lines anywhere in the text: contributors (`X et Y de CNN ont contribué au
/// reportage`, `Reporting by …`), photo credits from the packs (`Crédit photo : AFP`) and photo
/// credits in agency style (`EPA/SERGEY DOLZHENKO`, `REUTERS/Gleb Garanich`). Each line joins the
/// `credits` list and leaves the body.
struct CreditLineRule: MetadataRule {
    let patterns: PatternSet
    /// Credit lines are short; longer lines are never tested.
    static let maximumBytes = 400

    func apply(to scan: inout MetadataScan) {
        var credits: [JSONValue] = []
        var first: Range<Int>?
        var folded: [UInt8] = []
        for index in scan.lines.indices where !scan.taken.contains(index) {
            let line = scan.lines[index]
            guard line.count <= Self.maximumBytes else { continue }
            folded.removeAll(keepingCapacity: true)
            TextFolding.fold(scan.bytes, line, into: &folded)
            let reason: String
            if patterns.firstMatch(folded: folded) != nil {
                reason = "metadata: credits"
            } else if Self.isAgencyPhotoCredit(scan.bytes, line) {
                reason = "metadata: photo-credit"
            } else {
                continue
            }
            credits.append(.string(scan.string(line)))
            if first == nil { first = line }
            scan.takeLine(index, reason: reason)
        }
        if let first, !credits.isEmpty { scan.fields.append(("credits", .array(credits), "credit-line", first)) }
    }

    /// `AGENCY/NAME` in a short line without a final period: the agency in capitals (2–15 letters,
    /// `-` allowed), then a name of at most five words.
    static func isAgencyPhotoCredit(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        guard line.count <= 80, let slash = line.first(where: { bytes[$0] == 0x2F }) else { return false }
        var agencyLetters = 0
        for index in line.lowerBound..<slash {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { agencyLetters += 1 } else if byte != 0x2D { return false }
        }
        guard (2...15).contains(agencyLetters), slash + 1 < line.upperBound else { return false }
        var words = 1
        var cursor = slash + 1
        guard UTF8Decoding.isUppercase(UTF8Decoding.scalar(in: bytes, at: cursor).value) else { return false }
        while cursor < line.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            if value == 0x20 { words += 1 } else if !(UTF8Decoding.isLetter(value) || value == 0x2D || value == 0x2F || value == 0x27 || value == 0x2E) {
                return false
            }
            cursor += length
        }
        return words <= 5 && bytes[line.upperBound - 1] != 0x2E
    }
}
