/// Feature vectors as name → value dictionaries (what a summary records per sentence), made by
/// filling a copy of one template: the names are hashed once, not once per sentence.
struct FeatureTable: Sendable {
    /// Every name with the value 0.
    private let template: [String: Double]
    /// Where each name (in vector order) sits in the template.
    private let slots: [Dictionary<String, Double>.Index]

    /// A table for vectors whose values come in the order of `names` (distinct).
    init(names: [String]) {
        let template = Dictionary(uniqueKeysWithValues: names.map { ($0, 0.0) })
        self.template = template
        slots = names.map { template.index(forKey: $0)! }
    }

    /// The dictionary of `values`, given in the order of the names.
    func filled(with values: [Double]) -> [String: Double] {
        var table = template
        for (slot, value) in zip(slots, values) { table.values[slot] = value }
        return table
    }
}
