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

    private final class Group {
        let key: String
        let words: [String]
        /// The scalars of `key`, for edit distances.
        lazy var scalars = Array(key.unicodeScalars)
        var members: [Int] = []
        var parent: Group?
        var label = ""
        var canonical = ""
        init(key: String) {
            self.key = key
            self.words = key.split(separator: " ").map(String.init)
        }
        var root: Group { parent?.root ?? self }
    }

    func link(_ mentions: [Mention]) -> [Link] {
        guard !mentions.isEmpty else { return [] }
        var groupsByKey: [String: Group] = [:]
        var order: [Group] = []
        var groupOf: [Group] = []
        for (index, mention) in mentions.enumerated() {
            let key = Self.fold(mention.text)
            let group = groupsByKey[key] ?? {
                let g = Group(key: key)
                groupsByKey[key] = g
                order.append(g)
                return g
            }()
            group.members.append(index)
            groupOf.append(group)
        }
        for group in order {
            var votes: [String: Double] = [:]
            for m in group.members { votes[mentions[m].label, default: 0] += 0.5 + mentions[m].confidence }
            group.label = votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            group.canonical = bestSurface(group.members.map { mentions[$0].text })
        }
        // Strongest first: more words, then more mentions, then earlier.
        let strongest = order.enumerated().sorted { a, b in
            if a.element.words.count != b.element.words.count { return a.element.words.count > b.element.words.count }
            if a.element.members.count != b.element.members.count { return a.element.members.count > b.element.members.count }
            return a.offset < b.offset
        }.map(\.element)
        for (rank, group) in strongest.enumerated() {
            let stronger = strongest[..<rank]
            if let target = surnameTarget(group, stronger) ?? acronymTarget(group, stronger) ?? typoTarget(group, stronger, mentions) {
                group.parent = target.root
            }
        }
        return groupOf.map { group in
            let root = group.root
            return Link(canonical: root.canonical, label: root.label)
        }
    }

    /// A PER full name that ends with this group's words.
    private func surnameTarget(_ group: Group, _ stronger: ArraySlice<Group>) -> Group? {
        guard group.words.count <= 2 else { return nil }
        return stronger.first { candidate in
            candidate.root.label == "PER" && candidate.words.count > group.words.count
                && Array(candidate.words.suffix(group.words.count)) == group.words
        }
    }

    /// A name whose initials this all-caps group spells.
    private func acronymTarget(_ group: Group, _ stronger: ArraySlice<Group>) -> Group? {
        let surface = group.canonical.unicodeScalars
        guard group.words.count == 1, (2...6).contains(surface.count),
              surface.allSatisfy({ $0.properties.isUppercase }) else { return nil }
        let letters = group.key
        return stronger.first { candidate in
            guard candidate.words.count >= 2, candidate.root.label != "PER" else { return false }
            // Elided articles are not part of an acronym: `l'atlantique` gives `a`.
            let content = candidate.words.map { word in word.split(separator: "'").last.map(String.init) ?? word }
                .filter { !functionWords.contains($0) }
            let initials = String(content.compactMap(\.first))
            return initials == letters
        }
    }

    /// A stronger name within a small edit distance of this group (or of its last word).
    private func typoTarget(_ group: Group, _ stronger: ArraySlice<Group>, _ mentions: [Mention]) -> Group? {
        let scalars = group.scalars
        guard scalars.count >= 5, !gazetteer.categories(of: group.canonical).contains(where: { $0.entityLabel != nil }) else { return nil }
        let limit = scalars.count >= 9 ? 2 : 1
        for candidate in stronger where candidate.members.count >= group.members.count || candidate.words.count > group.words.count {
            if Self.isTypo(scalars, of: candidate.scalars, limit: limit) { return candidate }
            if candidate.words.count > group.words.count,
               Self.isTypo(scalars, of: Array(candidate.words.suffix(group.words.count).joined(separator: " ").unicodeScalars), limit: limit) {
                return candidate
            }
        }
        return nil
    }

    /// Whether `scalars` differ from `other` and are within `limit` edits of it.
    private static func isTypo(_ scalars: [Unicode.Scalar], of other: [Unicode.Scalar], limit: Int) -> Bool {
        abs(other.count - scalars.count) <= limit && other != scalars && EditDistance.levenshtein(scalars, other) <= limit
    }

    /// The best written form of a group: with diacritics if some mention has them, then the most
    /// frequent, then the first.
    private func bestSurface(_ texts: [String]) -> String {
        var counts: [String: Int] = [:]
        for t in texts { counts[t, default: 0] += 1 }
        return texts.enumerated().max { a, b in
            let ka = (Self.nonASCII(a.element), counts[a.element]!, -a.offset)
            let kb = (Self.nonASCII(b.element), counts[b.element]!, -b.offset)
            return ka < kb
        }!.element
    }

    private static func nonASCII(_ s: String) -> Int { s.unicodeScalars.filter { !$0.isASCII }.count }

    /// Whether a scalar is white space (ASCII first, the Unicode property only beyond).
    @inline(__always)
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value)) : s.properties.isWhitespace
    }

    /// Lowercase, without diacritics, straight apostrophes, single spaces.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if Self.isSpace(s) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            let f = ScalarFolding.fold(s.value)
            if let folded = Unicode.Scalar(f) { scalars.append(folded) }
            if f == 0x6F && ScalarFolding.lower(s.value) == 0x153 { scalars.append("e") }
        }
        return String(scalars)
    }
}
