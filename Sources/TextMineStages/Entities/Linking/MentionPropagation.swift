import TextMineCore

/// Finds more mentions of the names the tagger found in an article: the tagger decides each
/// sentence alone, but a name tagged in one sentence is the same name in the next.
enum MentionPropagation {
    /// Tags untagged occurrences of names found elsewhere in the article (same tokens, same case).
    static func propagate(_ mentions: [EntityTagger.Found], attributes: [TokenAttributes], excluded: [Bool]) -> [EntityTagger.Found] {
        var known: [UInt64: [(hashes: [UInt64], label: String, confidence: Double)]] = [:]
        for m in mentions where m.confidence >= 0.5 && attributes[m.tokens.lowerBound].flags.contains(.capitalized) {
            let hashes = m.tokens.map { attributes[$0].raw }
            if known[hashes[0]]?.contains(where: { $0.hashes == hashes }) == true { continue }
            known[hashes[0], default: []].append((hashes, m.label, m.confidence))
        }
        var covered = [Bool](repeating: false, count: attributes.count)
        for m in mentions { for k in m.tokens { covered[k] = true } }
        var result = mentions
        var k = 0
        while k < attributes.count {
            guard !covered[k], !excluded[k], let candidates = known[attributes[k].raw] else {
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
    /// `text` gives a token's text, `isCandidate` whether it may be a misspelt name (not a common
    /// or known word).
    static func misspelledSurnames(_ mentions: [EntityTagger.Found], attributes: [TokenAttributes], excluded: [Bool],
                                   text: (Int) -> String, isCandidate: (Int) -> Bool) -> [EntityTagger.Found] {
        var surnames: [(folded: [Unicode.Scalar], confidence: Double)] = []
        for m in mentions where m.label == "PER" && m.confidence >= 0.5 {
            let last = m.tokens.upperBound - 1
            guard attributes[last].length >= 5 else { continue }
            surnames.append((Array(EntityLinker.fold(text(last)).unicodeScalars), m.confidence))
        }
        guard !surnames.isEmpty else { return [] }
        var covered = [Bool](repeating: false, count: attributes.count)
        for m in mentions { for k in m.tokens { covered[k] = true } }
        var found: [EntityTagger.Found] = []
        for k in attributes.indices where !covered[k] && !excluded[k] && attributes[k].length >= 5
            && attributes[k].flags.contains(.capitalized) && !attributes[k].flags.contains(.allCaps) {
            guard isCandidate(k) else { continue }
            let folded = Array(EntityLinker.fold(text(k)).unicodeScalars)
            if let match = surnames.first(where: { abs($0.folded.count - folded.count) <= 1 && $0.folded != folded
                && EditDistance.levenshtein($0.folded, folded) == 1 }) {
                found.append(EntityTagger.Found(span: Span(start: 0, end: 0), text: "", label: "PER",
                                                confidence: match.confidence * 0.6, tokens: k..<(k + 1)))
            }
        }
        return found
    }
}
