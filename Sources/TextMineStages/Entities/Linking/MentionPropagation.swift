import TextMineCore

/// Finds more mentions of the names the tagger found in an article: the tagger decides each
/// sentence alone, but a name tagged in one sentence is the same name in the next.
enum MentionPropagation {
    /// Tags untagged occurrences of names found elsewhere in the article (same tokens, same case).
    static func propagate(_ mentions: [EntityTagger.Found], attributes: TokenAttributeTable, excluded: [Bool]) -> [EntityTagger.Found] {
        var known: [UInt64: [(hashes: [UInt64], label: String, confidence: Double)]] = [:]
        for m in mentions where m.confidence >= 0.5 && attributes[m.tokens.lowerBound].flags.contains(.capitalized) {
            let hashes = m.tokens.map { attributes[$0].raw }
            if known[hashes[0]]?.contains(where: { $0.hashes == hashes }) == true { continue }
            known[hashes[0], default: []].append((hashes, m.label, m.confidence))
        }
        // The first words of the names, for a quick test before the dictionary's.
        let firstWords = HashedKeySet(known.keys)
        var covered = [Bool](repeating: false, count: attributes.count)
        for m in mentions { for k in m.tokens { covered[k] = true } }
        var result = mentions
        var k = 0
        while k < attributes.count {
            guard !covered[k], !excluded[k], firstWords.contains(attributes[k].raw), let candidates = known[attributes[k].raw] else {
                k += 1
                continue
            }
            var matched: (Int, String, Double)?
            for c in candidates.sorted(by: { $0.hashes.count > $1.hashes.count }) {
                let end = k + c.hashes.count
                guard end <= attributes.count, !(k..<end).contains(where: { covered[$0] || excluded[$0] }) else { continue }
                if (k..<end).map({ attributes[$0].raw }) == c.hashes {
                    matched = (end, c.label, c.confidence)
                    break
                }
            }
            if let (end, label, confidence) = matched {
                result.append(EntityTagger.Found(span: Span(start: 0, end: 0), text: "", label: label, confidence: confidence * 0.9, tokens: k..<end))
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
            // Each surname once, at its first mention (the one a match used to take), indexed by its
            // one-deletion variants: a word one edit away shares a variant with it or is one.
            var surnames: [(folded: [UInt32], confidence: Double)] = []
            var seen: Set<[UInt32]> = []
            var byVariant: [[UInt32]: [Int]] = [:]
            for m in mentions where m.label == "PER" && m.confidence >= 0.5 {
                let last = m.tokens.upperBound - 1
                guard attributes[last].length >= 5 else { continue }
                var folded: [UInt32] = []
                fold(bytes, ranges[last], into: &folded)
                guard seen.insert(folded).inserted else { continue }
                for variant in variants(of: folded) { byVariant[variant, default: []].append(surnames.count) }
                surnames.append((folded, m.confidence))
            }
            guard !surnames.isEmpty else { return [] }
            var lengths = Set<Int>()
            for surname in surnames { lengths.formUnion([surname.folded.count - 1, surname.folded.count, surname.folded.count + 1]) }
            var covered = [Bool](repeating: false, count: attributes.count)
            for m in mentions { for k in m.tokens { covered[k] = true } }
            var found: [EntityTagger.Found] = []
            var folded: [UInt32] = []
            for k in attributes.indices where !covered[k] && !excluded[k] && attributes[k].length >= 5
                && attributes[k].flags.contains(.capitalized) && !attributes[k].flags.contains(.allCaps) {
                // Words of no surname's length (give or take one) cannot be one edit away.
                guard lengths.contains(attributes[k].length) || lengths.contains(attributes[k].length + 1), isCandidate(k) else { continue }
                fold(bytes, ranges[k], into: &folded)
                var candidates: Set<Int> = []
                for variant in variants(of: folded) {
                    candidates.formUnion(byVariant[variant] ?? [])
                }
                if let index = candidates.sorted().first(where: { surnames[$0].folded != folded
                    && EditDistance.levenshtein(surnames[$0].folded, folded) == 1 }) {
                    let match = surnames[index]
                    found.append(EntityTagger.Found(span: Span(start: 0, end: 0), text: "", label: "PER",
                                                    confidence: match.confidence * 0.6, tokens: k..<(k + 1)))
                }
            }
            return found
        }
    }

    /// The word and the words one scalar shorter: two words one edit apart (substitution,
    /// insertion or deletion) share one of these.
    private static func variants(of word: [UInt32]) -> [[UInt32]] {
        var variants = [word]
        for index in word.indices {
            var variant = word
            variant.remove(at: index)
            variants.append(variant)
        }
        return variants
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
