/// Reads a date written at a position of the text: `2022-01`, `2022-01-28`, `28/01/2022`,
/// `28 janvier 2022`, `1er janvier 2022`, `January 28, 2022`, optionally followed by a time
/// (`à 10h30`, `at 10:30 GMT`). The value is ISO 8601 (`2022-01-28`, or `2022-01` for a month).
struct DateParsing: Sendable {
    /// Month names (folded) with their number; several languages mixed.
    private let months: [(name: [UInt8], number: Int)]
    /// Words that introduce a time (`à`, `at`).
    private static let timeWords: [[UInt8]] = ["à", "a", "at", "-", "|", ","].map { Array($0.utf8) }

    init(monthNames: [[String]]) {
        var months: [(name: [UInt8], number: Int)] = []
        for list in monthNames where list.count == 12 {
            for (offset, name) in list.enumerated() { months.append((TextFolding.fold(name), offset + 1)) }
        }
        // Longest first, so that `mars` is not read as a prefix of something longer.
        self.months = months.sorted { $0.name.count > $1.name.count }
    }

    /// The date at `start` and where it ends, or nil.
    func parse(_ bytes: [UInt8], at start: Int, limit: Int) -> (value: String, end: Int)? {
        guard let (value, end) = parseDate(bytes, at: start, limit: limit) else { return nil }
        return (value, skipTime(bytes, from: end, limit: limit))
    }

    private func parseDate(_ bytes: [UInt8], at start: Int, limit: Int) -> (String, Int)? {
        let (first, afterFirst) = number(bytes, at: start, limit: limit)
        if let first {
            // 2022-01(-28) or 2022/01/28
            if afterFirst - start == 4, afterFirst < limit, bytes[afterFirst] == 0x2D || bytes[afterFirst] == 0x2F {
                let (month, afterMonth) = number(bytes, at: afterFirst + 1, limit: limit)
                guard let month, (1...12).contains(month), afterMonth - afterFirst - 1 <= 2 else { return nil }
                if afterMonth + 1 < limit, bytes[afterMonth] == bytes[afterFirst] {
                    let (day, afterDay) = number(bytes, at: afterMonth + 1, limit: limit)
                    if let day, (1...31).contains(day) { return (iso(first, month, day), afterDay) }
                }
                return (iso(first, month, nil), afterMonth)
            }
            // 28/01/2022, 28.01.2022, 28-01-2022
            if afterFirst - start <= 2, afterFirst < limit, [0x2F, 0x2E, 0x2D].contains(bytes[afterFirst]) {
                let separator = bytes[afterFirst]
                let (month, afterMonth) = number(bytes, at: afterFirst + 1, limit: limit)
                guard let month, (1...12).contains(month), afterMonth < limit, bytes[afterMonth] == separator else { return nil }
                let (year, afterYear) = number(bytes, at: afterMonth + 1, limit: limit)
                guard let year, afterYear - afterMonth - 1 == 4, (1...31).contains(first) else { return nil }
                return (iso(year, month, first), afterYear)
            }
            // 28 janvier 2022, 1er janvier 2022
            guard afterFirst - start <= 2, (1...31).contains(first) else { return nil }
            var cursor = afterFirst
            if cursor + 2 <= limit, bytes[cursor] | 0x20 == 0x65, bytes[cursor + 1] | 0x20 == 0x72 { cursor += 2 }  // 1er
            guard cursor < limit, bytes[cursor] == 0x20 else { return nil }
            guard let (month, afterMonth) = monthName(bytes, at: cursor + 1, limit: limit) else { return nil }
            guard afterMonth < limit, bytes[afterMonth] == 0x20 else { return nil }
            let (year, afterYear) = number(bytes, at: afterMonth + 1, limit: limit)
            guard let year, afterYear - afterMonth - 1 == 4 else { return nil }
            return (iso(year, month, first), afterYear)
        }
        // January 28, 2022 / janvier 2022
        guard let (month, afterMonth) = monthName(bytes, at: start, limit: limit), afterMonth < limit, bytes[afterMonth] == 0x20 else {
            return nil
        }
        let (second, afterSecond) = number(bytes, at: afterMonth + 1, limit: limit)
        guard let second else { return nil }
        if afterSecond - afterMonth - 1 == 4 { return (iso(second, month, nil), afterSecond) }
        guard (1...31).contains(second) else { return nil }
        var cursor = afterSecond
        if cursor < limit, bytes[cursor] == 0x2C { cursor += 1 }
        guard cursor < limit, bytes[cursor] == 0x20 else { return nil }
        let (year, afterYear) = number(bytes, at: cursor + 1, limit: limit)
        guard let year, afterYear - cursor - 1 == 4 else { return nil }
        return (iso(year, month, second), afterYear)
    }

    /// Skips a time after a date: ` à 10h30`, ` at 10:30 GMT`, ` 10:30`.
    private func skipTime(_ bytes: [UInt8], from end: Int, limit: Int) -> Int {
        var cursor = end
        while cursor < limit, bytes[cursor] == 0x20 || bytes[cursor] == 0x2C { cursor += 1 }
        for word in Self.timeWords where hasFoldedPrefix(bytes, word, at: cursor, limit: limit) {
            let after = cursor + word.count
            if after < limit, bytes[after] == 0x20 {
                cursor = after + 1
                break
            }
        }
        let (hours, afterHours) = number(bytes, at: cursor, limit: limit)
        guard let hours, hours < 24, afterHours < limit, bytes[afterHours] == 0x3A || bytes[afterHours] | 0x20 == 0x68 else {
            return end
        }
        var timeEnd = afterHours + 1
        let (_, afterMinutes) = number(bytes, at: timeEnd, limit: limit)
        timeEnd = afterMinutes
        // A time zone in capitals (GMT, UTC, CET).
        var zone = timeEnd
        if zone < limit, bytes[zone] == 0x20 { zone += 1 }
        let zoneStart = zone
        while zone < limit, bytes[zone] >= 0x41, bytes[zone] <= 0x5A { zone += 1 }
        if zone - zoneStart >= 2, zone - zoneStart <= 4 { timeEnd = zone }
        return timeEnd
    }

    private func monthName(_ bytes: [UInt8], at start: Int, limit: Int) -> (Int, Int)? {
        // One folding of the start serves as a quick test for every month name.
        var window: [UInt8] = []
        TextFolding.fold(bytes, start..<min(limit, start + (months.first?.name.count ?? 0)), into: &window)
        for month in months where window.starts(with: month.name) && hasFoldedPrefix(bytes, month.name, at: start, limit: limit) {
            let end = start + month.name.count
            if end == limit || !TextPattern.isWordScalar(bytes, at: end) { return (month.number, end) }
        }
        return nil
    }

    /// Whether the folding of the bytes at `start` begins with `prefix` (for ASCII and Latin-1 letters).
    private func hasFoldedPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at start: Int, limit: Int) -> Bool {
        guard start + prefix.count <= limit else { return false }
        var folded: [UInt8] = []
        TextFolding.fold(bytes, start..<start + prefix.count, into: &folded)
        return folded == prefix
    }

    private func number(_ bytes: [UInt8], at start: Int, limit: Int) -> (Int?, Int) {
        var cursor = start
        var value = 0
        while cursor < limit, cursor - start < 4, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            value = value * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        return (cursor > start ? value : nil, cursor)
    }

    private func iso(_ year: Int, _ month: Int, _ day: Int?) -> String {
        let head = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        guard let day else { return head }
        return head + "-" + (day < 10 ? "0\(day)" : "\(day)")
    }
}
