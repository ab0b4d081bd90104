/// The names of a kind of feature vector (a learned summary method's features), made once and
/// shared by every vector of that kind: the names in vector order, their positions by name, and
/// their JSON keys in sorted order, so that neither a lookup nor the JSON output hashes or sorts
/// names per vector.
public struct FeatureNames: Sendable, Hashable {
    /// What every copy shares.
    private final class Storage: Sendable {
        let names: [String]
        let positions: [String: Int]
        let sortedPositions: [Int]
        let sortedKeys: [UInt8]
        let sortedKeyEnds: [Int]

        init(names: [String]) {
            self.names = names
            positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            precondition(positions.count == names.count, "feature names must be distinct")
            sortedPositions = names.indices.sorted { names[$0] < names[$1] }
            var keys: [UInt8] = []
            var ends: [Int] = []
            for position in sortedPositions {
                var writer = ArticleJSONWriter()
                writer.key(dynamic: names[position])
                keys += writer.bytes
                ends.append(keys.count)
            }
            sortedKeys = keys
            sortedKeyEnds = ends
        }
    }

    private let storage: Storage

    /// Names for vectors whose values come in the order of `names` (distinct).
    public init(_ names: [String]) { storage = Storage(names: names) }

    /// The names, in vector order.
    public var names: [String] { storage.names }

    /// The position of `name` in a vector, if it is one of the names.
    public func position(of name: String) -> Int? { storage.positions[name] }

    /// The positions of the names in `String` order (the order of sorted JSON keys).
    var sortedPositions: [Int] { storage.sortedPositions }

    /// Calls `body` with the JSON key (`"name":`) of each name in `String` order, and its position.
    func forEachSortedKey(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) rethrows {
        try storage.sortedKeys.withUnsafeBufferPointer { keys in
            var start = 0
            for (slot, end) in storage.sortedKeyEnds.enumerated() {
                try body(UnsafeBufferPointer(rebasing: keys[start..<end]), storage.sortedPositions[slot])
                start = end
            }
        }
    }

    public static func == (a: FeatureNames, b: FeatureNames) -> Bool { a.storage === b.storage || a.names == b.names }

    public func hash(into hasher: inout Hasher) { hasher.combine(names) }
}

/// Feature values by name (what a learned summary method scored a sentence on): the values in the
/// order of shared ``FeatureNames``. Compares, hashes and encodes as the name → value mapping it
/// stands for (a JSON object with one member per name), whatever the order of the names.
public struct FeatureValues: Sendable, Hashable, Codable {
    /// The names, in the order of ``values``.
    public let names: FeatureNames
    /// One value per name.
    public let values: [Double]

    /// The values of `names`, in their order.
    public init(names: FeatureNames, values: [Double]) {
        precondition(names.names.count == values.count, "one value per feature name")
        self.names = names
        self.values = values
    }

    /// The values of a name → value mapping (names in `String` order).
    public init(_ mapping: [String: Double]) {
        let sorted = mapping.sorted { $0.key < $1.key }
        self.init(names: FeatureNames(sorted.map(\.key)), values: sorted.map(\.value))
    }

    /// The number of features.
    public var count: Int { values.count }

    /// The value of the feature `name`, if there is one.
    public subscript(name: String) -> Double? { names.position(of: name).map { values[$0] } }

    /// The features as a name → value mapping.
    public var mapping: [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(names.names, values))
    }

    public static func == (a: FeatureValues, b: FeatureValues) -> Bool {
        a.names == b.names ? a.values == b.values : a.mapping == b.mapping
    }

    public func hash(into hasher: inout Hasher) {
        // In name order, so that equal mappings hash alike whatever the order of their names.
        for position in names.sortedPositions {
            hasher.combine(names.names[position])
            hasher.combine(values[position])
        }
    }

    public init(from decoder: any Decoder) throws { self.init(try [String: Double](from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try mapping.encode(to: encoder) }
}
