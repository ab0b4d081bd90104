import TextMineCore

/// Finds more mentions of the names the tagger found in an article: the tagger decides each
/// sentence alone, but a name tagged in one sentence is the same name in the next.
enum MentionPropagation {
    /// Tags untagged occurrences of names found elsewhere in the article (same tokens, same case).
    static func propagate(_ mentions: [EntityTagger.Found], attributes: TokenAttributeTable, excluded: [Bool]) -> [EntityTagger.Found] {
        // Each name once: its tokens' hashes side by side in `hashes`; names with the same first
        // word are chained, the chain's head found by that word's hash.
        var hashes: [UInt64] = []
        var names: [(hashes: Range<Int>, label: String, confidence: Double, next: Int32)] = []
        var heads = HashedKeyTable<Int32>(capacity: mentions.count)
        for m in mentions where m.confidence >= 0.5 && attributes[m.tokens.lowerBound].flags.contains(.capitalized) {
            let first = attributes[m.tokens.lowerBound].raw
            let start = hashes.count
            for k in m.tokens { hashes.append(attributes[k].raw) }
            let range = start..<hashes.count
            let head = heads[first] ?? -1
            var c = Int(head)
            while c >= 0 && !hashes[names[c].hashes].elementsEqual(hashes[range]) { c = Int(names[c].next) }
            if c >= 0 {
                hashes.removeLast(range.count)
                continue
            }
            names.append((range, m.label, m.confidence, head))
            heads.set(first, to: Int32(names.count - 1))
        }
        var covered = [Bool](repeating: false, count: attributes.count)
        for m in mentions { for k in m.tokens { covered[k] = true } }
        var result = mentions
        var k = 0
        while k < attributes.count {
            guard !covered[k], !excluded[k], let head = heads[attributes[k].raw] else {
                k += 1
                continue
            }
            // The longest name written here (two names of one length cannot both be: names are distinct).
            var matched = -1
            var c = Int(head)
            while c >= 0 {
                let name = names[c].hashes
                let end = k + name.count
                if name.count > (matched < 0 ? 0 : names[matched].hashes.count), end <= attributes.count,
                   !(k..<end).contains(where: { covered[$0] || excluded[$0] }),
                   zip(k..<end, name).allSatisfy({ attributes[$0].raw == hashes[$1] }) {
                    matched = c
                }
                c = Int(names[c].next)
            }
            if matched >= 0 {
                let name = names[matched]
                let end = k + name.hashes.count
                result.append(EntityTagger.Found(span: Span(start: 0, end: 0), text: "", label: name.label,
                                                 confidence: name.confidence * 0.9, tokens: k..<end))
                k = end
            } else {
                k += 1
            }
        }
        return result
    }

    /// Capitalised words one edit away from the surname of a person found in the article
    /// (`Bliken` after `Antony Blinken`): translation and scraping typos the tagger cannot know.
    /// `bytes` and `ranges` give the tokens' text, `isCandidate` whether a token may be a misspelt
    /// name (not a common or known word).
    static func misspelledSurnames(_ mentions: [EntityTagger.Found], attributes: TokenAttributeTable, excluded: [Bool],
                                   bytes: [UInt8], ranges: [Range<Int>], isCandidate: (Int) -> Bool) -> [EntityTagger.Found] {
        bytes.withUnsafeBufferPointer { bytes in
            // Each surname once, at its first mention (the one a match used to take), indexed by
            // the hashes of its one-deletion variants: a word one edit away shares a variant with
            // it or is one. A hash shared by chance only adds a candidate the exact test rejects.
            var surnames: [(folded: [UInt32], confidence: Double)] = []
            var firstByHash: [UInt64: Int] = [:]
            var byVariant: [(hash: UInt64, surname: Int)] = []
            var hashes: [UInt64] = []
            var folded: [UInt32] = []
            for m in mentions where m.label == "PER" && m.confidence >= 0.5 {
                let last = m.tokens.upperBound - 1
                guard attributes[last].length >= 5 else { continue }
                fold(bytes, ranges[last], into: &folded)
                let hash = variantHashes(of: folded, into: &hashes)
                if let first = firstByHash[hash] {
                    // Seen (a hash shared by two spellings is told apart by the scalars).
                    if surnames[first].folded == folded || surnames.contains(where: { $0.folded == folded }) { continue }
                } else {
                    firstByHash[hash] = surnames.count
                }
                for variant in hashes { byVariant.append((variant, surnames.count)) }
                surnames.append((folded, m.confidence))
            }
            guard !surnames.isEmpty else { return [] }
            byVariant.sort { $0.hash < $1.hash || ($0.hash == $1.hash && $0.surname < $1.surname) }
            var lengths = Set<Int>()
            for surname in surnames { lengths.formUnion([surname.folded.count - 1, surname.folded.count, surname.folded.count + 1]) }
            var covered = [Bool](repeating: false, count: attributes.count)
            for m in mentions { for k in m.tokens { covered[k] = true } }
            var found: [EntityTagger.Found] = []
            var candidates: [Int] = []
            for k in attributes.indices where !covered[k] && !excluded[k] && attributes[k].length >= 5
                && attributes[k].flags.contains(.capitalized) && !attributes[k].flags.contains(.allCaps) {
                // Words of no surname's length (give or take one) cannot be one edit away.
                guard lengths.contains(attributes[k].length) || lengths.contains(attributes[k].length + 1), isCandidate(k) else { continue }
                fold(bytes, ranges[k], into: &folded)
                _ = variantHashes(of: folded, into: &hashes)
                candidates.removeAll(keepingCapacity: true)
                for variant in hashes {
                    var low = 0, high = byVariant.count
                    while low < high {
                        let middle = (low + high) / 2
                        if byVariant[middle].hash < variant { low = middle + 1 } else { high = middle }
                    }
                    while low < byVariant.count && byVariant[low].hash == variant {
                        candidates.append(byVariant[low].surname)
                        low += 1
                    }
                }
                candidates.sort()
                if let index = candidates.first(where: { surnames[$0].folded != folded
                    && EditDistance.levenshtein(surnames[$0].folded, folded) == 1 }) {
                    let match = surnames[index]
                    found.append(EntityTagger.Found(span: Span(start: 0, end: 0), text: "", label: "PER",
                                                    confidence: match.confidence * 0.6, tokens: k..<(k + 1)))
                }
            }
            return found
        }
    }

    /// Writes to `hashes` the hash of the word, then those of the words one scalar shorter (two
    /// words one edit apart, by substitution, insertion or deletion, share one of these); returns
    /// the word's own hash.
    private static func variantHashes(of word: [UInt32], into hashes: inout [UInt64]) -> UInt64 {
        hashes.removeAll(keepingCapacity: true)
        // A polynomial hash, scalar `k` at power `k`: the word without scalar `j` is the scalars
        // before `j`, then those after it one power lower.
        let base: UInt64 = 0x100_0000_01B3
        let m = word.count
        var whole: UInt64 = 0, power: UInt64 = 1
        for s in word {
            whole = whole &+ UInt64(s) &* power
            power = power &* base
        }
        hashes.append(FeatureHash.mix(whole ^ UInt64(m)))
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: m + 1) { suffixes in
            // suffixes[j]: the scalars from `j` on, the first at power 0.
            suffixes[m] = 0
            var j = m - 1
            while j >= 0 {
                suffixes[j] = UInt64(word[j]) &+ suffixes[j + 1] &* base
                j -= 1
            }
            var prefix: UInt64 = 0, prefixPower: UInt64 = 1
            for j in 0..<m {
                hashes.append(FeatureHash.mix((prefix &+ suffixes[j + 1] &* prefixPower) ^ UInt64(m - 1)))
                prefix = prefix &+ UInt64(word[j]) &* prefixPower
                prefixPower = prefixPower &* base
            }
            return hashes[0]
        }
    }

    /// The scalars of a token as ``EntityLinker/fold(_:)`` folds them (lowercase, no diacritics,
    /// `œ` as `oe`), written into `folded`.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into folded: inout [UInt32]) {
        folded.removeAll(keepingCapacity: true)
        var iterator = UTF8ScalarIterator(bytes, range)
        while let s = iterator.next() {
            let f = ScalarFolding.fold(s)
            folded.append(f)
            if f == 0x6F && ScalarFolding.lower(s) == 0x153 { folded.append(0x65) }
        }
    }
}
