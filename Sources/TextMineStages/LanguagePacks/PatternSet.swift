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
    /// Indexes of patterns anchored at the start.
    private var anchored: [Int] = []
    /// Indexes of unanchored patterns by the byte they start with.
    private var byFirstByte: [[Int]] = Array(repeating: [], count: 256)
    /// Indexes of unanchored patterns that may start with anything.
    private var unindexed: [Int] = []

    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { append(entry) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public mutating func append(_ entry: Entry) {
        let index = entries.count
        entries.append(entry)
        if entry.pattern.anchoredAtStart {
            anchored.append(index)
        } else if let bytes = entry.pattern.firstBytes {
            for byte in bytes { byFirstByte[Int(byte)].append(index) }
        } else {
            unindexed.append(index)
        }
    }

    /// The first entry (in insertion order of anchored, then by position) whose pattern matches.
    public func firstMatch(folded text: [UInt8]) -> Entry? {
        guard !text.isEmpty else { return nil }
        let start = TextPattern.contentStart(text)
        for index in anchored where entries[index].pattern.matches(folded: text, at: start) {
            return entries[index]
        }
        for index in unindexed where entries[index].pattern.matches(folded: text) { return entries[index] }
        var position = 0
        while position < text.count {
            let byte = text[position]
            let candidates = byFirstByte[Int(byte)]
            if !candidates.isEmpty, byte & 0xC0 != 0x80, TextPattern.isWordStart(text, position) {
                for index in candidates where entries[index].pattern.matches(folded: text, at: position) {
                    return entries[index]
                }
            }
            position += 1
        }
        return nil
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
