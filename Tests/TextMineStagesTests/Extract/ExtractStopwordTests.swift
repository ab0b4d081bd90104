import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// An article whose second paragraph links most of its words (as encyclopedias do) and whose
/// third is a run of links: the first is prose, the second is not.
func linkedProsePage(_ prose: String, _ links: String) -> String {
    """
    <html><body><article>
    <h1>A heading that is not the title</h1>
    <p>\(prose)</p>
    <p>\(links)</p>
    </article></body></html>
    """
}

@Suite("extract stage: stopword density (language packs)")
struct ExtractStopwordTests {
    let english = linkedProsePage(
        "<a href=/1>Wellington</a> is the <a href=/2>capital city</a> of <a href=/3>New Zealand</a> and the <a href=/4>seat of the government</a> in the <a href=/5>North Island region</a>.",
        "<a href=/6>Wellington Auckland</a> <a href=/7>Christchurch Hamilton</a> <a href=/8>Dunedin Tauranga</a>, <a href=/9>Napier Nelson Rotorua</a> and Whanganui")

    @Test("a link-heavy paragraph of prose is kept; a run of link texts is dropped")
    func proseDespiteLinks() throws {
        let article = try StageHarness(ExtractStage.self, options: ["min-length": 0]).run(english)
        #expect(article.text.contains("Wellington is the capital city of New Zealand and the seat of the government"))
        #expect(!article.text.contains("Christchurch"))
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.dropped.contains { $0.reason == "links" && $0.text.hasPrefix("Wellington Auckland") })
    }

    @Test("without a pack for the page's language, link density alone decides")
    func noPack() throws {
        let polish = linkedProsePage(
            "<a href=/1>Wellington</a> jest <a href=/2>stolicą</a> <a href=/3>Nowej Zelandii</a> oraz <a href=/4>siedzibą rządu</a>, który się mieści na <a href=/5>Wyspie Północnej</a>, jak podaje się w źródłach dla turystów.",
            "<a href=/6>Wellington Auckland</a> <a href=/7>Christchurch Hamilton</a> <a href=/8>Dunedin Tauranga</a>, <a href=/9>Napier Nelson Rotorua</a> oraz Whanganui")
        let plain = try StageHarness(ExtractStage.self, options: ["min-length": 0, "strategies": ["dom-scoring"]])
        #expect(throws: StageError.self) { try plain.run(polish) }

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-pl-\(UUID()).yaml").path
        try "language: pl\nstopwords: [jest, oraz, który, na, w, się, że, nie, jak, dla]\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let withPack = try StageHarness(ExtractStage.self, options: ["min-length": 0, "packs": [.string(path)]])
        let article = try withPack.run(polish)
        #expect(article.text.contains("Wellington jest stolicą Nowej Zelandii"))
        #expect(!article.text.contains("Christchurch"))
    }
}
