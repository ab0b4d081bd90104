/// Finds a publication date at the start of one of the first lines: ` date 2022-01`,
/// `Publié le 28 janvier 2022 à 10h30`, `Published January 28, 2022`, or a line that is only a
/// date; an update date right after it (`Mis à jour le …`) becomes `updated`.
struct DateHeaderRule: MetadataRule {
    /// Date labels (folded), longest first.
    let labels: [[UInt8]]
    let updateLabels: [[UInt8]]
    let dates: DateParsing
    let headerLines: Int

    init(library: PackLibrary, headerLines: Int) {
        labels = library.metadataWords(\.dateLabels).map(TextFolding.fold).sorted { $0.count > $1.count }
        updateLabels = library.metadataWords(\.updateLabels).map(TextFolding.fold).sorted { $0.count > $1.count }
        dates = DateParsing(monthNames: library.packs.map(\.months))
        self.headerLines = headerLines
    }

    func apply(to scan: inout MetadataScan) {
        guard !scan.has("date") else { return }
        for index in scan.headerLines(headerLines) {
            let line = scan.lines[index]
            let bytes = scan.bytes
            var cursor = line.lowerBound
            var labelled = false
            if let afterLabel = label(labels, in: bytes, at: cursor, limit: line.upperBound) {
                cursor = afterLabel
                labelled = true
            }
            guard let (value, end) = dates.parse(bytes, at: cursor, limit: line.upperBound) else { continue }
            // An unlabelled date is metadata only when it is the whole line.
            guard labelled || end == line.upperBound else { continue }
            scan.fields.append(("date", .string(value), labelled ? "date-header" : "date-line", line.lowerBound..<end))
            var removalEnd = end
            var next = skipSeparators(bytes, from: end, limit: line.upperBound)
            if let afterLabel = label(updateLabels, in: bytes, at: next, limit: line.upperBound),
                let (updated, updateEnd) = dates.parse(bytes, at: afterLabel, limit: line.upperBound)
            {
                scan.fields.append(("updated", .string(updated), "update-header", next..<updateEnd))
                removalEnd = updateEnd
                next = skipSeparators(bytes, from: updateEnd, limit: line.upperBound)
            }
            scan.takePrefix(ofLine: index, upTo: removalEnd, reason: "metadata: date")
            return
        }
    }

    /// The end of a label at `start` (with a following `:` and spaces), or nil.
    private func label(_ labels: [[UInt8]], in bytes: [UInt8], at start: Int, limit: Int) -> Int? {
        var folded: [UInt8] = []
        TextFolding.fold(bytes, start..<min(limit, start + 40), into: &folded)
        for label in labels where folded.starts(with: label) {
            guard folded.count == label.count || !TextPattern.isWordScalar(folded, at: label.count) else { continue }
            // Map the folded length back: labels are short, re-fold growing prefixes of the input.
            var end = start
            var prefix: [UInt8] = []
            while end < limit, prefix.count < label.count {
                end += 1
                while end < limit, bytes[end] & 0xC0 == 0x80 { end += 1 }
                prefix.removeAll(keepingCapacity: true)
                TextFolding.fold(bytes, start..<end, into: &prefix)
            }
            while end < limit, bytes[end] == 0x20 || bytes[end] == 0x3A || bytes[end] == 0x09 { end += 1 }
            return end
        }
        return nil
    }

    private func skipSeparators(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var cursor = start
        while cursor < limit, [0x20, 0x2C, 0x7C, 0x2D, 0x2E, 0x3B].contains(bytes[cursor]) { cursor += 1 }
        return cursor
    }
}
