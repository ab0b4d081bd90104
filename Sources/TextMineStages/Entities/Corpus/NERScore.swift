/// Entity-level exact-match precision, recall and F1, with seqeval's conventions: an entity counts
/// as found only when its type and both boundaries match; scores are micro-averaged over the types
/// present in the gold data (predicted entities of other types are not scored).
package struct NERScore: Sendable, Equatable {
    /// Counts for one entity type.
    package struct Counts: Sendable, Equatable {
        package var truePositives = 0
        package var predicted = 0
        package var gold = 0

        package init() {}

        package var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        package var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        package var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    /// Counts by entity type, for the types present in the gold data.
    package private(set) var byType: [String: Counts] = [:]
    /// Predicted entities of types absent from the gold data, by type (not scored).
    private var unscored: [String: Int] = [:]

    package init() {}

    /// Adds one sentence's gold and predicted tags.
    package mutating func add(gold: [String], predicted: [String]) {
        let goldChunks = EntityChunk.chunks(of: gold)
        let predictedChunks = EntityChunk.chunks(of: predicted)
        let goldSet = Set(goldChunks)
        for chunk in goldChunks { byType[chunk.type, default: Counts()].gold += 1 }
        for chunk in predictedChunks {
            if byType[chunk.type] == nil {
                unscored[chunk.type, default: 0] += 1
            } else {
                byType[chunk.type]!.predicted += 1
                if goldSet.contains(chunk) { byType[chunk.type]!.truePositives += 1 }
            }
        }
    }

    /// The micro-averaged counts over the scored types.
    ///
    /// A predicted entity of a type that appears in the gold data only in a later sentence is
    /// counted once that type is known: call this after adding every sentence.
    package var overall: Counts {
        var total = Counts()
        for (type, counts) in byType {
            total.truePositives += counts.truePositives
            total.predicted += counts.predicted + (unscored[type] ?? 0)
            total.gold += counts.gold
        }
        return total
    }

    /// The counts of one type, including predictions made before its first gold occurrence.
    package func counts(of type: String) -> Counts? {
        guard var counts = byType[type] else { return nil }
        counts.predicted += unscored[type] ?? 0
        return counts
    }

    /// The scored types, sorted.
    package var types: [String] { byType.keys.sorted() }
}
