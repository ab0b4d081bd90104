/// Many ``TextPattern``s, each with a label, matched together against folded text: a match is
/// tried only at word starts whose first byte some pattern can start with.
public struct PatternSet: Sendable {
    /// One pattern and what a match means (a boilerplate category, a metadata rule…).
    public struct Entry: Sendable {
        public var pattern: TextPattern
        public var label: String
        public init(pattern: TextPattern, label: String) {
            self.pattern = pattern
            self.label = label
        }
    }

    public private(set) var entries: [Entry]
    /// Patterns anchored at the start, by the byte they start with (anything: ``anchoredAnywhere``).
    private var anchoredByFirstByte: [[Int]] = Array(repeating: [], count: 256)
    /// Anchored patterns whose first byte is not fixed.
    private var anchoredAnywhere: [Int] = []
    /// Unanchored patterns by the byte they start with, each with the second byte its match needs
    /// (or nil), checked before the pattern is tried.
    private var byFirstByte: [[(index: Int, second: UInt8?)]] = Array(repeating: [], count: 256)
    /// Indexes of unanchored patterns that may start with anything.
    private var unindexed: [Int] = []
    /// For each byte value, the second bytes (bit `b & 63`; all bits when any byte may follow)
    /// with which some unanchored pattern starts: positions that fail this test are skipped
    /// without looking at the patterns.
    private var secondBytesAfter: [UInt64] = Array(repeating: 0, count: 256)
    /// When every unanchored pattern is anchored at the end with a bounded length (credit lines
    /// such as `* ont contribué au reportage$`), the longest: matches are looked for only in the
    /// last bytes of the text. Nil when some pattern may match anywhere.
    private var endReach: Int? = 0
    /// The patterns compiled for matching, in entry order.
    private var program = PatternProgram()
    /// `byFirstByte` flattened: the candidates for byte `b` are
    /// `candidates[candidateBounds[b]..<candidateBounds[b + 1]]`, each with its second byte (or -1).
    private var candidateBounds: [Int32] = Array(repeating: 0, count: 257)
    private var candidates: [(index: Int32, second: Int16)] = []

    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { append(entry) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public mutating func append(_ entry: Entry) {
        let index = entries.count
        entries.append(entry)
        program.append(entry.pattern)
        defer { flattenCandidates() }
        if entry.pattern.anchoredAtStart {
            if let prefixes = entry.pattern.firstTwoBytes {
                for first in Set(prefixes.map(\.first)) { anchoredByFirstByte[Int(first)].append(index) }
            } else {
                anchoredAnywhere.append(index)
            }
        } else if let prefixes = entry.pattern.firstTwoBytes {
            endReach = entry.pattern.longestEndMatch.flatMap { reach in endReach.map { max($0, reach) } }
            for prefix in prefixes {
                byFirstByte[Int(prefix.first)].append((index, prefix.second))
                secondBytesAfter[Int(prefix.first)] |= prefix.second.map { 1 << UInt64($0 & 63) } ?? ~0
            }
        } else {
            unindexed.append(index)
        }
    }

    private mutating func flattenCandidates() {
        candidates = []
        for byte in 0..<256 {
            candidateBounds[byte] = Int32(candidates.count)
            candidates += byFirstByte[byte].map { (Int32($0.index), $0.second.map(Int16.init) ?? -1) }
        }
        candidateBounds[256] = Int32(candidates.count)
    }

    /// The first entry (in insertion order of anchored, then by position) whose pattern matches.
    public func firstMatch(folded text: [UInt8]) -> Entry? {
        guard !text.isEmpty else { return nil }
        let found: Int? = program.withMatcher { matcher in
            let start = TextPattern.contentStart(text)
            if start < text.count {
                for index in anchoredByFirstByte[Int(text[start])] where matcher.matches(index, in: text, at: start) { return index }
            }
            for index in anchoredAnywhere where matcher.matches(index, in: text, at: start) { return index }
            for index in unindexed where matcher.matches(index, in: text) { return index }
            return text.withUnsafeBufferPointer { bytes in
                secondBytesAfter.withUnsafeBufferPointer { secondBytesAfter in
                    candidateBounds.withUnsafeBufferPointer { candidateBounds in
                        candidates.withUnsafeBufferPointer { candidates in
                            let count = bytes.count
                            var position = 0
                            if let endReach { position = max(0, count - TextPattern.trailingPunctuationCount(bytes) - endReach) }
                            while position < count {
                                let first = Int(bytes[position])
                                let seconds = secondBytesAfter[first]
                                let next = position + 1 < count ? Int16(bytes[position + 1]) : -1
                                if seconds != 0, seconds & (1 << UInt64(max(0, next) & 63)) != 0, TextPattern.isWordStart(text, position) {
                                    for candidate in Int(candidateBounds[first])..<Int(candidateBounds[first + 1]) {
                                        let entry = candidates[candidate]
                                        if entry.second < 0 || entry.second == next,
                                            matcher.matches(Int(entry.index), in: text, at: position)
                                        {
                                            return Int(entry.index)
                                        }
                                    }
                                }
                                position += 1
                            }
                            return nil
                        }
                    }
                }
            }
        }
        return found.map { entries[$0] }
    }

    /// Every label whose pattern matches (each once, in entry order).
    public func labels(matching text: [UInt8]) -> [String] {
        var labels: [String] = []
        for entry in entries where !labels.contains(entry.label) && entry.pattern.matches(folded: text) {
            labels.append(entry.label)
        }
        return labels
    }
}
