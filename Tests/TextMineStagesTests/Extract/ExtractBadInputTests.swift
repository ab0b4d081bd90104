import Foundation
import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

@Suite("extract stage: bad input")
struct ExtractBadInputTests {
    @Test("an empty page is a clear error")
    func emptyPage() throws {
        let harness = try StageHarness(ExtractStage.self)
        #expect { try harness.run("  \n ") } throws: { ($0 as? StageError)?.message == "empty page: there is no HTML to extract text from" }
    }

    @Test("text with no element at all is a clear error, not a trap (found by fuzzing)")
    func noElement() throws {
        let harness = try StageHarness(ExtractStage.self)
        #expect { try harness.run("\n<") } throws: { ($0 as? StageError)?.message == "not an HTML page: it has no element" }
    }

    @Test("binary garbage is a clear error")
    func binaryGarbage() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let harness = try StageHarness(ExtractStage.self)
        #expect { try harness.run(HTMLCharset.decode(bytes).text) } throws: {
            ($0 as? StageError)?.message == "not an HTML page: the input looks like binary data"
        }
    }

    @Test("a page with markup but no text is a clear error")
    func noText() throws {
        let harness = try StageHarness(ExtractStage.self)
        #expect { try harness.run("<html><body><nav><a href=/>Home</a></nav><script>var x = 1;</script></body></html>") } throws: {
            ($0 as? StageError)?.message.hasPrefix("no text found in the page") == true
        }
    }

    @Test("100,000 nested elements do not overflow the stack")
    func deepNesting() throws {
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep inside the page there is still a paragraph long enough to be kept as content.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try StageHarness(ExtractStage.self, checks: []).run(page)
        #expect(article.text == "Deep inside the page there is still a paragraph long enough to be kept as content.")
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.blocks[0].node.hasPrefix("/…/div/div"))
        #expect(layer.blocks[0].node.split(separator: "/").count == 1 + NodePaths.maxSteps)  // "…" and the steps
    }

    @Test("thousands of paragraphs in never-closed divs are all kept, each with a bounded node path")
    func paragraphsInNeverClosedDivs() throws {
        let count = 5_000
        var page = "<html><body>"
        for index in 0..<count { page += "<div class='c\(index % 7)'><p>Paragraphe \(index) : le texte court de la page.</p>" }
        page += "</body></html>"
        let article = try StageHarness(ExtractStage.self, checks: []).run(page)
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.blocks.count == count)
        #expect(article.text.hasPrefix("Paragraphe 0 :") && article.text.hasSuffix("Paragraphe 4999 : le texte court de la page."))
        #expect(layer.blocks.allSatisfy { $0.node.split(separator: "/").count <= 1 + NodePaths.maxSteps })
        #expect(layer.blocks.last?.node.hasPrefix("/…/div/div") == true)
    }

    @Test("unclosed and misnested markup is extracted best effort")
    func brokenMarkup() throws {
        let page = "<html><body><div class=content><p>First paragraph of the story, long enough to count as text <b>bold <i>both</b> italic?</i><p>Second paragraph without closing tags, still part of the same article body<div></span></table>"
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text.hasPrefix("First paragraph of the story"))
        #expect(article.text.contains("Second paragraph without closing tags"))
    }

    @Test("a page over max-bytes is cut, flagged as truncated, and still extracted")
    func maxBytes() throws {
        let paragraph = "<p>" + String(repeating: "Un paragraphe de texte ordinaire pour remplir la page. ", count: 4) + "</p>\n"
        let page = "<html><body><article>" + String(repeating: paragraph, count: 2_000) + "</article></body></html>"
        let article = try StageHarness(ExtractStage.self, options: ["max-bytes": 100_000], checks: []).run(page)
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.truncated)
        #expect(article.blocks.count > 100 && article.blocks.count < 2_000)
    }
}
