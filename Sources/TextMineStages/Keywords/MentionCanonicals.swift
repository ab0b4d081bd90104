import TextMineCore

/// The canonical form of the entity mentioned at each byte range (the first entity, when several
/// share a range): how a key phrase that is a mention finds its entity, without hashing ranges
/// with the standard hasher.
struct MentionCanonicals {
    private var ids = TermTable(capacity: 0)
    private var canonicals: [String] = []

    /// No mentions.
    init() {}

    /// The mentions of `entities`, at `byteRanges` (one per entity).
    init(_ entities: [Entity], byteRanges: [Range<Int>]) {
        ids = TermTable(capacity: entities.count)
        canonicals.reserveCapacity(entities.count)
        for index in entities.indices {
            let id = ids.id(for: Self.key(byteRanges[index]))
            if Int(id) == canonicals.count { canonicals.append(entities[index].canonical) }
        }
    }

    /// The canonical form of the entity mentioned exactly at `range`, if any.
    func canonical(_ range: Range<Int>) -> String? {
        ids.existingID(for: Self.key(range)).map { canonicals[Int($0)] }
    }

    /// A well-mixed key for a range (a bijection of the two offsets below 4 GiB: two ranges never share one).
    @inline(__always)
    private static func key(_ range: Range<Int>) -> UInt64 {
        (UInt64(truncatingIfNeeded: range.lowerBound) << 32 | UInt64(truncatingIfNeeded: range.upperBound)) &* 0x9E37_79B9_7F4A_7C15
    }
}
