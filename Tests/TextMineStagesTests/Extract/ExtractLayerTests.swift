import Foundation
import Testing
import TextMineCore
@testable import TextMineStages

/// `extract` stores its layer through the typed path, which builds the layer's JSON directly.
@Suite("extract layer")
struct ExtractLayerTests {
    let layer = ExtractLayer(
        strategy: "dom-scoring",
        attempts: [.init(strategy: "dom-scoring", length: 120, accepted: true, container: "/html/body/article"),
                   .init(strategy: "json-ld", length: 0, accepted: false, container: nil)],
        blocks: [.init(span: Span(start: 0, end: 12), role: "heading", node: "/html/body/h1", line: 3, bytes: [40, 52])],
        dropped: [.init(reason: "navigation", node: "/html/body/nav/ul/li[2]", line: 9, text: "Accueil « Monde »")],
        truncated: false)

    @Test("the layer reads back as stored, optional members included")
    func roundTrip() throws {
        var article = Article(id: "a", text: "")
        article[layer: ExtractLayer.self] = layer
        #expect(article[layer: ExtractLayer.self] == layer)
        #expect(article.layers[ExtractLayer.layerName]?.objectValue?["attempts"]?.arrayValue?[1].objectValue?["container"] == nil)
    }

    @Test("JSONEncoder writes the stored form, and JSONDecoder reads it")
    func codable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(layer)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == layer.jsonValue())
        #expect(try JSONDecoder().decode(ExtractLayer.self, from: data) == layer)
    }
}
