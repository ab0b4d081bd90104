import Foundation
import Testing
@testable import TextMineCore

@Suite("FeatureValues")
struct FeatureValuesTests {
    static let names = FeatureNames(["position", "first", "length-gap", "centrality"])

    @Test("values are found by name, in the order of their names")
    func lookup() {
        let values = FeatureValues(names: Self.names, values: [1, 0, 0.5, 2])
        #expect(values.count == 4)
        #expect(values["length-gap"] == 0.5)
        #expect(values["centrality"] == 2)
        #expect(values["missing"] == nil)
        #expect(values.mapping == ["position": 1, "first": 0, "length-gap": 0.5, "centrality": 2])
    }

    @Test("equal mappings are equal and hash alike whatever the order of their names")
    func equality() {
        let values = FeatureValues(names: Self.names, values: [1, 0, 0.5, 2])
        let reordered = FeatureValues(["centrality": 2, "length-gap": 0.5, "first": 0, "position": 1])
        #expect(reordered.names.names == ["centrality", "first", "length-gap", "position"])
        #expect(values == reordered)
        #expect(Set([values, reordered]).count == 1)
        #expect(values != FeatureValues(names: Self.names, values: [1, 0, 0.5, 3]))
        #expect(values != FeatureValues(["position": 1, "first": 0, "length-gap": 0.5]))
    }

    @Test("JSON has the names as sorted keys, as JSONEncoder writes the mapping, and decodes back")
    func json() throws {
        let values = FeatureValues(names: Self.names, values: [1, 0, 0.5, 2.25])
        var writer = ArticleJSONWriter()
        try values.writeJSON(to: &writer)
        let written = String(decoding: writer.bytes, as: UTF8.self)
        #expect(written == #"{"centrality":2.25,"first":0,"length-gap":0.5,"position":1}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(written == String(decoding: try encoder.encode(values), as: UTF8.self))
        #expect(try JSONDecoder().decode(FeatureValues.self, from: Data(written.utf8)) == values)
    }
}
