/// The tags of a BIO tagger (`O`, `B-PER`, `I-PER`, …) and the transitions between them that IOB2
/// allows: `I-X` only continues `B-X` or `I-X`.
package struct BIOLabels: Sendable, Equatable {
    /// Tag names; index 0 is always `O`.
    package let tags: [String]
    /// The entity types, sorted (`LOC`, `MISC`, `ORG`, `PER`).
    package let types: [String]

    /// The tags for the given entity types: `O`, then `B-T`, `I-T` for each type in sorted order.
    package init(types: some Sequence<String>) {
        let sorted = Array(Set(types)).sorted()
        self.types = sorted
        self.tags = ["O"] + sorted.flatMap { ["B-\($0)", "I-\($0)"] }
        let n = tags.count
        var table = [Bool](repeating: false, count: (n + 1) * n)
        for t in 0..<n {
            for p in 0..<n { table[p * n + t] = Self.allows(p, t) }
            table[n * n + t] = Self.allows(nil, t)
        }
        self.allowedTable = table
    }

    /// `allowedTable[previous * count + tag]`, plus a last row for the start of a sentence.
    let allowedTable: [Bool]

    /// The number of tags.
    package var count: Int { tags.count }

    /// The index of a tag name, if it is one of these tags.
    package func index(of tag: some StringProtocol) -> Int? {
        tags.firstIndex { $0 == tag }
    }

    /// The entity type index of a tag (nil for `O`).
    @inline(__always)
    static func typeIndex(_ tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 2 }

    /// Whether a tag begins an entity.
    @inline(__always)
    static func isBegin(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 1 }

    /// Whether a tag continues an entity.
    @inline(__always)
    static func isInside(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 0 }

    /// Whether `tag` may follow `previous` (nil at the start of a sentence).
    static func allows(_ previous: Int?, _ tag: Int) -> Bool {
        guard isInside(tag) else { return true }
        guard let previous, previous > 0 else { return false }
        return typeIndex(previous) == typeIndex(tag)
    }
}
