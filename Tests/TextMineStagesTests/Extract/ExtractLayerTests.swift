import Testing
import TextMineCore
@testable import TextMineStages

/// `extract` builds its layer's JSON directly (for speed); it must be what the typed path gives.
@Suite("extract layer")
struct ExtractLayerTests {
    @Test("the layer's hand-built JSON equals the typed path's (JSONValueEncoder), optional members included")
    func sameAsTypedPath() throws {
        let layer = ExtractLayer(
            strategy: "dom-scoring",
            attempts: [.init(strategy: "dom-scoring", length: 120, accepted: true, container: "/html/body/article"),
                       .init(strategy: "json-ld", length: 0, accepted: false, container: nil)],
            blocks: [.init(span: Span(start: 0, end: 12), role: "heading", node: "/html/body/h1", line: 3, bytes: [40, 52])],
            dropped: [.init(reason: "navigation", node: "/html/body/nav/ul/li[2]", line: 9, text: "Accueil « Monde »")],
            truncated: false)
        #expect(layer.jsonValue == (try JSONValueEncoder().encode(layer)))
        var article = Article(id: "a", text: "")
        article.layers[ExtractLayer.layerName] = layer.jsonValue
        #expect(article[layer: ExtractLayer.self] == layer)
    }
}
