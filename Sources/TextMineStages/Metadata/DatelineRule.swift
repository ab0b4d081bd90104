/// Finds a dateline with a news agency at the start of one of the first lines:
/// `MOSCOU (Reuters) – Le président…`, `WASHINGTON, 28 janvier (AFP) - …`. The place and agency
/// become `dateline` and `agency`; the sentence after the dash stays in the body.
struct DatelineRule: MetadataRule {
    let headerLines: Int

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("dateline") else { return }
        for index in scan.headerLines(headerLines) {
            guard let found = parse(scan.bytes, scan.lines[index]) else { continue }
            scan.fields.append(("dateline", .string(scan.string(found.place)), "dateline", found.place))
            scan.fields.append(("agency", .string(scan.string(found.agency)), "dateline-agency", found.agency))
            scan.takePrefix(ofLine: index, upTo: found.end, reason: "metadata: dateline")
            return
        }
    }

    /// The place, the agency and the end of the dateline (after the dash), or nil.
    func parse(_ bytes: [UInt8], _ line: Range<Int>) -> (place: Range<Int>, agency: Range<Int>, end: Int)? {
        // The place: words in capitals (letters, hyphens, apostrophes, spaces), at least two letters.
        var cursor = line.lowerBound
        var letters = 0
        var placeEnd = cursor
        while cursor < line.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: cursor)
            if UTF8Decoding.isUppercase(value) {
                letters += 1
                placeEnd = cursor + length
            } else if UTF8Decoding.isLetter(value) {
                return nil
            } else if value != 0x20 && value != 0x2D && value != 0x27 && value != 0x2019 {
                break
            }
            cursor += length
        }
        guard letters >= 2, placeEnd - line.lowerBound <= 40 else { return nil }
        // An optional date after a comma, up to the opening parenthesis.
        cursor = placeEnd
        if cursor < line.upperBound, bytes[cursor] == 0x2C {
            let limit = min(line.upperBound, cursor + 30)
            while cursor < limit, bytes[cursor] != 0x28 { cursor += 1 }
        }
        while cursor < line.upperBound, bytes[cursor] == 0x20 { cursor += 1 }
        // The agency in parentheses.
        guard cursor < line.upperBound, bytes[cursor] == 0x28 else { return nil }
        let agencyStart = cursor + 1
        guard agencyStart < line.upperBound, UTF8Decoding.isUppercase(UTF8Decoding.scalar(in: bytes, at: agencyStart).value) else { return nil }
        var agencyEnd = agencyStart
        while agencyEnd < line.upperBound, bytes[agencyEnd] != 0x29, agencyEnd - agencyStart <= 30 { agencyEnd += 1 }
        guard agencyEnd < line.upperBound, bytes[agencyEnd] == 0x29 else { return nil }
        // The dash: -, – or —, with spaces.
        cursor = agencyEnd + 1
        while cursor < line.upperBound, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor < line.upperBound else { return nil }
        let (dash, dashLength) = UTF8Decoding.scalar(in: bytes, at: cursor)
        guard dash == 0x2D || dash == 0x2013 || dash == 0x2014 else { return nil }
        return (line.lowerBound..<placeEnd, agencyStart..<agencyEnd, cursor + dashLength)
    }
}
