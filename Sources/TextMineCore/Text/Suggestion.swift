/// "Did you mean …?" suggestions from an edit distance with a similarity floor.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo
    /// (at most a third of the longer word's length in edits, and at most 3; swapping two
    /// neighbouring letters counts as one edit).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            let limit = min(3, max(1, max(target.count, scalars.count) / 3))
            let distance = EditDistance.optimalStringAlignment(target, scalars)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }
}

/// Edit distances over Unicode scalars.
public enum EditDistance {
    /// The Levenshtein distance (insertions, deletions, substitutions) between two sequences.
    public static func levenshtein<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        distance(a, b, countingTranspositions: false)
    }

    /// The Levenshtein distance where swapping two neighbouring elements also counts as one edit
    /// (`wiht` → `with` is 1), the commonest typo.
    public static func optimalStringAlignment<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        distance(a, b, countingTranspositions: true)
    }

    /// The dynamic programme behind both distances, three rows at a time.
    private static func distance<Element: Equatable>(
        _ a: [Element], _ b: [Element], countingTranspositions: Bool
    ) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if countingTranspositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
