/// Reads a date written at a position of the text: `2022-01`, `2022-01-28`, `28/01/2022`,
/// `28 janvier 2022`, `1er janvier 2022`, `19. April 2023`, `January 28, 2022`, optionally after a
/// weekday (`Tue March 14, 2023`, `Tuesday, 14 March 2023`) or a time (`3:45 PM ET, Tue March 14,
/// 2023`), and optionally followed by a time (`à 10h30`, `at 10:30 GMT`, `at 6:12 p.m. EST`,
/// `14:32 Uhr`). The value is ISO 8601 (`2022-01-28`, or `2022-01` for a month).
struct DateParsing: Sendable {
    /// Month names (folded) with their number; several languages mixed.
    private let months: [(name: [UInt8], number: Int)]
    /// Words that introduce a time (`à`, `at`).
    private static let timeWords: [[UInt8]] = ["à", "a", "at", "um", "-", "|", ","].map { Array($0.utf8) }
    /// Words that may follow a time (folded): half of the day, `Uhr`.
    private static let timeSuffixes: [[UInt8]] = ["a.m.", "p.m.", "am", "pm", "uhr"].map { Array($0.utf8) }

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
        // A time before the date (`3:45 PM ET, Tue March 14, 2023`).
        var cursor = start
        let afterTime = skipTime(bytes, from: start, limit: limit, needsTime: true)
        if afterTime > start { cursor = skipSeparators(bytes, from: afterTime, limit: limit) }
        if let (value, end) = parseDate(bytes, at: cursor, limit: limit) { return (value, skipTime(bytes, from: end, limit: limit)) }
        // A weekday (any word of letters, then `.`, `,` or a space) before the date.
        var wordEnd = cursor
        while wordEnd < limit, wordEnd - cursor <= 12 {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: wordEnd)
            guard UTF8Decoding.isLetter(value) else { break }
            wordEnd += length
        }
        guard wordEnd - cursor >= 2, wordEnd < limit, [0x2E, 0x2C, 0x20].contains(bytes[wordEnd]) else { return nil }
        let dateStart = skipSeparators(bytes, from: wordEnd, limit: limit)
        guard let (value, end) = parseDate(bytes, at: dateStart, limit: limit) else { return nil }
        return (value, skipTime(bytes, from: end, limit: limit))
    }

    /// Skips spaces, commas and periods.
    private func skipSeparators(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var cursor = start
        while cursor < limit, bytes[cursor] == 0x20 || bytes[cursor] == 0x2C || bytes[cursor] == 0x2E { cursor += 1 }
        return cursor
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
            // 28/01/2022, 28.01.2022, 28-01-2022 (not 19. April 2023)
            if afterFirst - start <= 2, afterFirst + 1 < limit, [0x2F, 0x2E, 0x2D].contains(bytes[afterFirst]), bytes[afterFirst + 1] != 0x20 {
                let separator = bytes[afterFirst]
                let (month, afterMonth) = number(bytes, at: afterFirst + 1, limit: limit)
                guard let month, (1...12).contains(month), afterMonth < limit, bytes[afterMonth] == separator else { return nil }
                let (year, afterYear) = number(bytes, at: afterMonth + 1, limit: limit)
                guard let year, afterYear - afterMonth - 1 == 4, (1...31).contains(first) else { return nil }
                return (iso(year, month, first), afterYear)
            }
            // 28 janvier 2022, 1er janvier 2022, 19. April 2023
            guard afterFirst - start <= 2, (1...31).contains(first) else { return nil }
            var cursor = afterFirst
            if cursor + 2 <= limit, bytes[cursor] | 0x20 == 0x65, bytes[cursor + 1] | 0x20 == 0x72 { cursor += 2 }  // 1er
            if cursor < limit, bytes[cursor] == 0x2E { cursor += 1 }  // 19.
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

    /// Skips a time after a date: ` à 10h30`, ` at 10:30 GMT`, ` 10:30`, `, 6:12 p.m. EST`,
    /// `, 14:32 Uhr`. With `needsTime`, skips only a time right at `end` (`3:45 PM ET`).
    private func skipTime(_ bytes: [UInt8], from end: Int, limit: Int, needsTime: Bool = false) -> Int {
        var cursor = end
        if !needsTime { while cursor < limit, bytes[cursor] == 0x20 || bytes[cursor] == 0x2C { cursor += 1 } }
        for word in Self.timeWords where !needsTime && hasFoldedPrefix(bytes, word, at: cursor, limit: limit) {
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
        let (minutes, afterMinutes) = number(bytes, at: timeEnd, limit: limit)
        // `3:45` needs its minutes; `10h` does not.
        guard minutes != nil || bytes[afterHours] != 0x3A else { return end }
        timeEnd = afterMinutes
        // The half of the day or `Uhr` (`6:12 p.m.`, `14:32 Uhr`).
        var suffix = timeEnd
        if suffix < limit, bytes[suffix] == 0x20 { suffix += 1 }
        for word in Self.timeSuffixes where hasFoldedPrefix(bytes, word, at: suffix, limit: limit) {
            let after = suffix + word.count
            if after == limit || !TextPattern.isWordScalar(bytes, at: after) {
                timeEnd = after
                break
            }
        }
        // A time zone in capitals (GMT, UTC, CET, ET).
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
