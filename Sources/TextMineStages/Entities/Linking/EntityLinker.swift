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

    /// The folded forms of an article's mentions, their scalars side by side in one array.
    private struct FoldedForms {
        /// What the linking loops look at, without reference counting.
        struct Form {
            /// The scalars, in ``FoldedForms/scalars``.
            var scalars: Range<Int>
            /// Where each word starts (offsets into ``FoldedForms/scalars``), in ``FoldedForms/wordStarts``.
            var words: Range<Int>
            /// How many mentions have this form.
            var mentions: Int
            /// ``EntityLinker/signature(of:)`` of the scalars.
            var signature: UInt64
        }

        var scalars: [UInt32] = []
        var wordStarts: [Int] = []
        var forms: [Form] = []

        /// The scalars of a form's last `k` words (`k` at most its word count), spaces between them included.
        func lastWords(_ k: Int, of form: Form) -> ArraySlice<UInt32> {
            k == 0 ? scalars[form.scalars.upperBound..<form.scalars.upperBound]
                : scalars[wordStarts[form.words.upperBound - k]..<form.scalars.upperBound]
        }

        func scalars(of form: Form) -> ArraySlice<UInt32> { scalars[form.scalars] }

        /// The form as a string.
        func key(_ form: Form) -> String { EntityLinker.string(scalars[form.scalars]) }
    }

    func link(_ mentions: [Mention]) -> [Link] {
        guard !mentions.isEmpty else { return [] }
        // Group the mentions by folded form: hash the form as it is appended, and keep it only
        // when it is new. A group's mentions are chained in text order (`firstMember`, `nextMember`).
        var folded = FoldedForms()
        var formByHash: [UInt64: Int] = [:]
        formByHash.reserveCapacity(mentions.count)
        var firstMember: [Int] = [], lastMember: [Int] = []
        var nextMember = [Int](repeating: -1, count: mentions.count)
        var groupOf: [Int] = []
        groupOf.reserveCapacity(mentions.count)
        for (index, mention) in mentions.enumerated() {
            let start = folded.scalars.count
            Self.appendFolded(mention.text, to: &folded.scalars)
            let range = start..<folded.scalars.count
            let hash = FeatureHash.of(folded.scalars[range])
            var g = formByHash[hash]
            if let existing = g, !folded.scalars(of: folded.forms[existing]).elementsEqual(folded.scalars[range]) {
                // Two forms with one hash: find the form by its scalars.
                g = folded.forms.firstIndex { folded.scalars(of: $0).elementsEqual(folded.scalars[range]) }
            }
            if let g {
                folded.scalars.removeLast(range.count)
                folded.forms[g].mentions += 1
                nextMember[lastMember[g]] = index
                lastMember[g] = index
                groupOf.append(g)
                continue
            }
            let wordsStart = folded.wordStarts.count
            if !range.isEmpty { folded.wordStarts.append(start) }
            for k in range where folded.scalars[k] == 0x20 { folded.wordStarts.append(k + 1) }
            if formByHash[hash] == nil { formByHash[hash] = folded.forms.count }
            groupOf.append(folded.forms.count)
            firstMember.append(index)
            lastMember.append(index)
            folded.forms.append(.init(scalars: range, words: wordsStart..<folded.wordStarts.count, mentions: 1,
                                      signature: Self.signature(of: folded.scalars[range])))
        }
        let forms = folded.forms
        var labels: [String] = []
        var canonicals: [String] = []
        var votes: [(label: String, weight: Double)] = []
        var texts: [String] = []
        for first in firstMember {
            votes.removeAll(keepingCapacity: true)
            texts.removeAll(keepingCapacity: true)
            var m = first
            while m >= 0 {
                let weight = 0.5 + mentions[m].confidence
                if let v = votes.firstIndex(where: { $0.label == mentions[m].label }) {
                    votes[v].weight += weight
                } else {
                    votes.append((mentions[m].label, weight))
                }
                texts.append(mentions[m].text)
                m = nextMember[m]
            }
            labels.append(votes.max { $0.weight < $1.weight || ($0.weight == $1.weight && $0.label > $1.label) }!.label)
            canonicals.append(Self.bestSurface(texts))
        }
        let isPerson = labels.map { $0 == "PER" }
        // Strongest first: more words, then more mentions, then earlier.
        let strongest = forms.indices.sorted { a, b in
            if forms[a].words.count != forms[b].words.count { return forms[a].words.count > forms[b].words.count }
            if forms[a].mentions != forms[b].mentions { return forms[a].mentions > forms[b].mentions }
            return a < b
        }
        var parents = [Int](repeating: -1, count: forms.count)
        func root(_ g: Int) -> Int {
            var g = g
            while parents[g] >= 0 { g = parents[g] }
            return g
        }
        var initials: [Int: String] = [:]
        for (rank, g) in strongest.enumerated() {
            let stronger = strongest[..<rank]
            let form = forms[g]
            let words = form.words.count
            // A PER full name that ends with this group's words.
            var target: Int?
            if words <= 2 {
                target = stronger.first { c in
                    isPerson[root(c)] && forms[c].words.count > words
                        && folded.lastWords(words, of: forms[c]).elementsEqual(folded.scalars(of: form))
                }
            }
            // A name whose initials this all-caps group spells.
            if target == nil, words == 1, Self.isAcronym(canonicals[g]) {
                let key = folded.key(form)
                // A name has at most one initial a word: one of fewer words than the acronym has
                // letters cannot spell it.
                let letters = key.count
                target = stronger.first { c in
                    guard forms[c].words.count >= max(2, letters), !isPerson[root(c)] else { return false }
                    if initials[c] == nil { initials[c] = self.initials(of: folded.key(forms[c])) }
                    return initials[c] == key
                }
            }
            // A stronger name within a small edit distance of this group (or of its last words),
            // unless this group is a known name.
            if target == nil, let typo = Self.typoTarget(form, among: stronger, of: folded),
               !gazetteer.categories(of: canonicals[g]).contains(where: { $0.entityLabel != nil }) {
                target = typo
            }
            if let target { parents[g] = root(target) }
        }
        return groupOf.map { g in
            let root = root(g)
            return Link(canonical: canonicals[root], label: labels[root])
        }
    }

    /// Whether a name as written is 2 to 6 uppercase letters (`OTAN`, `UE`).
    private static func isAcronym(_ surface: String) -> Bool {
        let scalars = surface.unicodeScalars
        return (2...6).contains(scalars.count) && scalars.allSatisfy { $0.properties.isUppercase }
    }

    /// The initials of a folded name's content words; elided articles are not part of an acronym:
    /// `l'atlantique` gives `a`.
    private func initials(of key: String) -> String {
        let content = key.split(separator: " ").map { word in word.split(separator: "'").last.map(String.init) ?? String(word) }
            .filter { !functionWords.contains($0) }
        return String(content.compactMap(\.first))
    }

    /// The first stronger form within a small edit distance of `form` (or of its last words).
    private static func typoTarget(_ form: FoldedForms.Form, among stronger: ArraySlice<Int>, of folded: FoldedForms) -> Int? {
        let scalars = folded.scalars(of: form)
        guard scalars.count >= 5 else { return nil }
        let limit = scalars.count >= 9 ? 2 : 1
        let words = form.words.count
        for index in stronger {
            let candidate = folded.forms[index]
            guard candidate.mentions >= form.mentions || candidate.words.count > words else { continue }
            if isTypo(scalars, signature: form.signature, of: folded.scalars(of: candidate), otherSignature: candidate.signature, limit: limit) {
                return index
            }
            if candidate.words.count > words {
                let last = folded.lastWords(words, of: candidate)
                guard abs(last.count - scalars.count) <= limit else { continue }
                if isTypo(scalars, signature: form.signature, of: last, otherSignature: signature(of: last), limit: limit) { return index }
            }
        }
        return nil
    }

    /// Whether `scalars` (of signature `signature`) differ from `other` and are within `limit` edits of it.
    private static func isTypo(_ scalars: ArraySlice<UInt32>, signature: UInt64, of other: ArraySlice<UInt32>, otherSignature: UInt64,
                               limit: Int) -> Bool {
        abs(other.count - scalars.count) <= limit && mayBeWithin(limit, editsOf: signature, otherSignature)
            && !other.elementsEqual(scalars) && isWithin(limit, editsOf: scalars, other)
    }

    /// Which scalars a text has, as one bit per scalar value modulo 64.
    private static func signature(of scalars: ArraySlice<UInt32>) -> UInt64 {
        var bits: UInt64 = 0
        for s in scalars { bits |= 1 << UInt64(s & 63) }
        return bits
    }

    /// Whether two texts of signatures `a` and `b` (``signature(of:)``) may be within `limit` edits:
    /// a scalar of one text that the other lacks takes an edit of its own (a deletion or a
    /// substitution), so texts whose signatures differ by more than `limit` bits on either side
    /// are further apart (two scalars sharing a bit only hide a difference).
    @inline(__always)
    private static func mayBeWithin(_ limit: Int, editsOf a: UInt64, _ b: UInt64) -> Bool {
        (a & ~b).nonzeroBitCount <= limit && (b & ~a).nonzeroBitCount <= limit
    }

    /// Whether the Levenshtein distance between `a` and `b` is at most `limit`: only the cells of
    /// the distance table within `limit` of its diagonal are computed (any other is above the
    /// limit), and it gives up as soon as a row of them exceeds it.
    private static func isWithin(_ limit: Int, editsOf a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Bool {
        let n = a.count, m = b.count
        guard abs(n - m) <= limit else { return false }
        let above = limit + 1
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 2)) { table in
                    // Cells out of the band hold `above`: a distance past the limit.
                    var previous = table.baseAddress!, current = previous + (m + 2)
                    for j in 0...(m + 1) { previous[j] = j <= limit ? j : above }
                    for i in stride(from: 1, through: n, by: 1) {
                        let low = max(1, i - limit), high = min(m, i + limit)
                        current[low - 1] = low == 1 ? min(i, above) : above
                        var rowMinimum = current[low - 1]
                        let x = a[i - 1]
                        var j = low
                        while j <= high {
                            let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == b[j - 1] ? 0 : 1), above)
                            current[j] = value
                            rowMinimum = min(rowMinimum, value)
                            j += 1
                        }
                        current[high + 1] = above
                        if rowMinimum > limit { return false }
                        swap(&previous, &current)
                    }
                    return previous[m] <= limit
                }
            }
        }
    }

    /// The best written form of a group: with diacritics if some mention has them, then the most
    /// frequent, then the first.
    private static func bestSurface(_ texts: [String]) -> String {
        guard texts.count > 1 else { return texts[0] }
        // A few texts are counted by comparing them (no dictionary to build); many, once with a
        // dictionary (a scan of every text per text made a name with many mentions quadratic).
        var counts: [String: Int] = [:]
        if texts.count > Self.fewTexts {
            for text in texts { counts[text, default: 0] += 1 }
        }
        func count(_ text: String) -> Int {
            guard texts.count <= Self.fewTexts else { return counts[text] ?? 0 }
            var count = 0
            for other in texts where other == text { count += 1 }
            return count
        }
        var best = 0
        var bestKey = (0, 0)
        for (k, text) in texts.enumerated() {
            let key = (nonASCII(text), count(text))
            if k == 0 || key > bestKey {
                best = k
                bestKey = key
            }
        }
        return texts[best]
    }

    /// Up to this many texts, ``bestSurface(_:)`` counts each text's copies by comparing texts.
    private static let fewTexts = 8

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
        var scalars: [UInt32] = []
        appendFolded(text, to: &scalars)
        return string(scalars[...])
    }

    /// Appends the scalars of ``fold(_:)``.
    private static func appendFolded(_ text: String, to scalars: inout [UInt32]) {
        let start = scalars.count
        var pendingSpace = false
        for s in text.unicodeScalars {
            if Self.isSpace(s) {
                pendingSpace = scalars.count > start
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
    }

    /// The string of valid scalar values.
    private static func string(_ scalars: ArraySlice<UInt32>) -> String {
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
