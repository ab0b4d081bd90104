import TextMineCore

/// Links the mentions of one entity inside an article to one canonical name.
///
/// Mentions with the same folded form (`Etats-Unis`, `États-Unis`) form a group; groups are then
/// attached to stronger groups (more words, more mentions):
/// - a surname to the full name that ends with it (`Poutine` → `Vladimir Poutine`);
/// - an acronym to the name whose initials it spells (`OTAN` → `Organisation du Traité de
///   l'Atlantique Nord`, `UE` → `Union européenne`);
/// - a typo to a name within a small edit distance (`Bliken` → `Blinken`, `Donfred` →
///   `Karen Donfried`), unless the weaker form is itself a known name (`Iran` is not a typo of `Irak`).
///
/// A group's label is the confidence-weighted majority of its mentions', and a group attached to
/// another takes that group's label: context decides between `Washington` the city and the person.
struct EntityLinker: Sendable {
    /// A mention to link.
    struct Mention {
        /// The mention as written, titles already stripped.
        var text: String
        var label: String
        var confidence: Double
    }

    /// The result for one mention.
    struct Link: Equatable {
        var canonical: String
        var label: String
    }

    /// Folded words that are not part of an acronym (`du`, `de`, `l'`).
    let functionWords: Set<String>
    /// Known names, which are never typos of another name.
    let gazetteer: Gazetteer

    /// The mentions that share one folded form.
    private struct Group {
        /// The folded form.
        let key: String
        /// The scalars of `key`, for comparing words and edit distances.
        let scalars: [UInt32]
        /// Where each word of `key` starts in `scalars` (words are separated by one space).
        let wordStarts: [Int]
        /// The mentions, by index.
        var members: [Int] = []
        /// The stronger group this one is attached to.
        var parent: Int?
        var label = ""
        var canonical = ""

        init(key: String, scalars: [UInt32]) {
            self.key = key
            self.scalars = scalars
            var starts: [Int] = scalars.isEmpty ? [] : [0]
            for (k, s) in scalars.enumerated() where s == 0x20 { starts.append(k + 1) }
            self.wordStarts = starts
        }

        var wordCount: Int { wordStarts.count }

        /// The scalars of the last `k` words (`k` at most ``wordCount``), spaces between them included.
        func lastWords(_ k: Int) -> ArraySlice<UInt32> {
            k == 0 ? scalars[scalars.count...] : scalars[wordStarts[wordStarts.count - k]...]
        }
    }

    func link(_ mentions: [Mention]) -> [Link] {
        guard !mentions.isEmpty else { return [] }
        var groupByKey: [String: Int] = [:]
        var groups: [Group] = []
        var groupOf: [Int] = []
        groupOf.reserveCapacity(mentions.count)
        for (index, mention) in mentions.enumerated() {
            let scalars = Self.foldedScalars(mention.text)
            let key = Self.string(scalars)
            let g: Int
            if let existing = groupByKey[key] {
                g = existing
            } else {
                g = groups.count
                groupByKey[key] = g
                groups.append(Group(key: key, scalars: scalars))
            }
            groups[g].members.append(index)
            groupOf.append(g)
        }
        for g in groups.indices {
            var votes: [(label: String, weight: Double)] = []
            for m in groups[g].members {
                let weight = 0.5 + mentions[m].confidence
                if let v = votes.firstIndex(where: { $0.label == mentions[m].label }) {
                    votes[v].weight += weight
                } else {
                    votes.append((mentions[m].label, weight))
                }
            }
            groups[g].label = votes.max { $0.weight < $1.weight || ($0.weight == $1.weight && $0.label > $1.label) }!.label
            groups[g].canonical = Self.bestSurface(groups[g].members.map { mentions[$0].text })
        }
        // Strongest first: more words, then more mentions, then earlier.
        let strongest = groups.indices.sorted { a, b in
            if groups[a].wordCount != groups[b].wordCount { return groups[a].wordCount > groups[b].wordCount }
            if groups[a].members.count != groups[b].members.count { return groups[a].members.count > groups[b].members.count }
            return a < b
        }
        func root(_ g: Int) -> Int {
            var g = g
            while let parent = groups[g].parent { g = parent }
            return g
        }
        var initials: [Int: String] = [:]
        for (rank, g) in strongest.enumerated() {
            let stronger = strongest[..<rank]
            let group = groups[g]
            // A PER full name that ends with this group's words.
            var target: Int?
            if group.wordCount <= 2 {
                target = stronger.first { c in
                    groups[root(c)].label == "PER" && groups[c].wordCount > group.wordCount
                        && groups[c].lastWords(group.wordCount).elementsEqual(group.scalars)
                }
            }
            // A name whose initials this all-caps group spells.
            if target == nil, isAcronym(group) {
                target = stronger.first { c in
                    guard groups[c].wordCount >= 2, groups[root(c)].label != "PER" else { return false }
                    if initials[c] == nil { initials[c] = self.initials(of: groups[c].key) }
                    return initials[c] == group.key
                }
            }
            if target == nil { target = typoTarget(group, among: stronger, of: groups) }
            if let target { groups[g].parent = root(target) }
        }
        return groupOf.map { g in
            let root = groups[root(g)]
            return Link(canonical: root.canonical, label: root.label)
        }
    }

    /// Whether a group is one word of 2 to 6 uppercase letters as written (`OTAN`, `UE`).
    private func isAcronym(_ group: Group) -> Bool {
        let surface = group.canonical.unicodeScalars
        return group.wordCount == 1 && (2...6).contains(surface.count) && surface.allSatisfy { $0.properties.isUppercase }
    }

    /// The initials of a folded name's content words; elided articles are not part of an acronym:
    /// `l'atlantique` gives `a`.
    private func initials(of key: String) -> String {
        let content = key.split(separator: " ").map { word in word.split(separator: "'").last.map(String.init) ?? String(word) }
            .filter { !functionWords.contains($0) }
        return String(content.compactMap(\.first))
    }

    /// A stronger group within a small edit distance of this group (or of its last words), unless
    /// this group is a known name.
    private func typoTarget(_ group: Group, among stronger: ArraySlice<Int>, of groups: [Group]) -> Int? {
        let scalars = group.scalars[...]
        guard scalars.count >= 5 else { return nil }
        let limit = scalars.count >= 9 ? 2 : 1
        for index in stronger {
            let candidate = groups[index]
            guard candidate.members.count >= group.members.count || candidate.wordCount > group.wordCount else { continue }
            if Self.isTypo(scalars, of: candidate.scalars[...], limit: limit)
                || (candidate.wordCount > group.wordCount && Self.isTypo(scalars, of: candidate.lastWords(group.wordCount), limit: limit)) {
                return gazetteer.categories(of: group.canonical).contains { $0.entityLabel != nil } ? nil : index
            }
        }
        return nil
    }

    /// Whether `scalars` differ from `other` and are within `limit` edits of it.
    private static func isTypo(_ scalars: ArraySlice<UInt32>, of other: ArraySlice<UInt32>, limit: Int) -> Bool {
        abs(other.count - scalars.count) <= limit && !other.elementsEqual(scalars) && isWithin(limit, editsOf: scalars, other)
    }

    /// Whether the Levenshtein distance between `a` and `b` is at most `limit`; gives up as soon as
    /// a row of the distance table exceeds it.
    private static func isWithin(_ limit: Int, editsOf a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Bool {
        let m = b.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { table in
            var previous = table.baseAddress!, current = previous + (m + 1)
            for j in 0...m { previous[j] = j }
            var i = 0
            for x in a {
                i += 1
                current[0] = i
                var rowMinimum = i
                var j = 0
                for y in b {
                    j += 1
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == y ? 0 : 1))
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return false }
                swap(&previous, &current)
            }
            return previous[m] <= limit
        }
    }

    /// The best written form of a group: with diacritics if some mention has them, then the most
    /// frequent, then the first.
    private static func bestSurface(_ texts: [String]) -> String {
        guard texts.count > 1 else { return texts[0] }
        var best = 0
        var bestKey = (0, 0)
        for (k, text) in texts.enumerated() {
            let key = (nonASCII(text), texts.reduce(0) { $0 + ($1 == text ? 1 : 0) })
            if k == 0 || key > bestKey {
                best = k
                bestKey = key
            }
        }
        return texts[best]
    }

    private static func nonASCII(_ s: String) -> Int {
        var count = 0
        for byte in s.utf8 where byte >= 0xC0 { count += 1 }
        return count
    }

    /// Whether a scalar is white space (ASCII first, the Unicode property only beyond).
    @inline(__always)
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value)) : s.properties.isWhitespace
    }

    /// Lowercase, without diacritics, straight apostrophes, single spaces.
    static func fold(_ text: String) -> String {
        string(foldedScalars(text))
    }

    /// The scalars of ``fold(_:)``.
    private static func foldedScalars(_ text: String) -> [UInt32] {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for s in text.unicodeScalars {
            if Self.isSpace(s) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(0x20)
                pendingSpace = false
            }
            let f = ScalarFolding.fold(s.value)
            if Unicode.Scalar(f) != nil { scalars.append(f) }
            if f == 0x6F && ScalarFolding.lower(s.value) == 0x153 { scalars.append(0x65) }
        }
        return scalars
    }

    /// The string of valid scalar values.
    private static func string(_ scalars: [UInt32]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count)
        for value in scalars {
            if value < 0x80 {
                utf8.append(UInt8(value))
            } else if let scalar = Unicode.Scalar(value) {
                utf8.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
