/// Feature vectors as name → value dictionaries (what a summary records per sentence), made from
/// one template by `mapValues`, which keeps the template's hash table: the names are hashed once,
/// not once per sentence, and each dictionary is one allocation filled in storage order.
struct FeatureTable: Sendable {
    /// Every name with the value 0.
    private let template: [String: Double]
    /// For each entry of the template in storage order, the position of its name in vector order.
    private let positions: [Int]

    /// A table for vectors whose values come in the order of `names` (distinct).
    init(names: [String]) {
        let template = Dictionary(uniqueKeysWithValues: names.map { ($0, 0.0) })
        self.template = template
        let positionOfName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        positions = template.keys.map { positionOfName[$0]! }
    }

    /// The dictionary of `values`, given in the order of the names.
    func filled(with values: [Double]) -> [String: Double] {
        var entry = 0
        return template.mapValues { _ in
            defer { entry += 1 }
            return values[positions[entry]]
        }
    }
}
