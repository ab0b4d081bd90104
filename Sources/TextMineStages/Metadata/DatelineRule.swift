/// Finds a dateline at the start of one of the first lines: with a news agency,
/// `MOSCOU (Reuters) – Le président…`, `WASHINGTON, 28 janvier (AFP) - …`, `BERLIN (dpa) - …`; without one, at the
/// start of the first body paragraph (the first line that ends like a sentence) and before an en
/// or em dash, `MOSCOU – Le président…`. The place (and agency) become `dateline` (and `agency`);
/// the sentence after the dash stays in the body.
struct DatelineRule: MetadataRule {
    let headerLines: Int

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("dateline") else { return }
        var firstParagraph = true
        for index in scan.headerLines(headerLines) {
            let line = scan.lines[index]
            let isParagraph = BlockFeatures.ending(scan.bytes, line).likeSentence
            defer { if isParagraph { firstParagraph = false } }
            guard let found = parse(scan.bytes, line), found.agency != nil || (firstParagraph && isParagraph) else { continue }
            scan.fields.append(("dateline", .string(scan.string(found.place)), found.agency == nil ? "dateline-place" : "dateline", found.place))
            if let agency = found.agency {
                scan.fields.append(("agency", .string(scan.string(agency)), "dateline-agency", agency))
            }
            scan.takePrefix(ofLine: index, upTo: found.end, reason: "metadata: dateline")
            return
        }
    }

    /// The place, the agency (nil when the place is followed by an en or em dash at once) and the
    /// end of the dateline (after the dash), or nil.
    func parse(_ bytes: [UInt8], _ line: Range<Int>) -> (place: Range<Int>, agency: Range<Int>?, end: Int)? {
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
        // No agency: an en or em dash right after the place.
        if cursor > placeEnd, cursor < line.upperBound, bytes[cursor] == 0xE2 {
            let (dash, dashLength) = UTF8Decoding.scalar(in: bytes, at: cursor)
            if dash == 0x2013 || dash == 0x2014 { return (line.lowerBound..<placeEnd, nil, cursor + dashLength) }
        }
        // The agency in parentheses.
        guard cursor < line.upperBound, bytes[cursor] == 0x28 else { return nil }
        let agencyStart = cursor + 1
        guard agencyStart < line.upperBound, UTF8Decoding.isLetter(UTF8Decoding.scalar(in: bytes, at: agencyStart).value) else { return nil }  // Reuters, AFP, dpa
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
