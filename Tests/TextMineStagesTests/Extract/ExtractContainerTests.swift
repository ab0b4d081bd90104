import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("extract stage: choosing the article container")
struct ExtractContainerTests {
    @Test("the element marked as the article wins over a wrapper that adds a paywall notice around it")
    func articleInsideWrapper() throws {
        let page = """
            <html><body><main>
            <section><article>\(paragraphs("Article paragraph", 6))</article></section>
            <section>\(paragraphs("Subscription notice", 3))</section>
            </main></body></html>
            """
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text.contains("Article paragraph 6"))
        #expect(!article.text.contains("Subscription notice"))
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.attempts.first?.container == "/html/body/main/section[1]/article")
    }

    @Test("an <aside> is dropped even when it holds more text than the article")
    func bigAside() throws {
        let page = """
            <html><body><div class="page">
            <div class="story">\(paragraphs("Story paragraph", 4))</div>
            <aside><ul>\((1...8).map { "<li><p>Live update \($0) is another sentence that goes on long enough to look like content.</p></li>" }.joined())</ul></aside>
            </div></body></html>
            """
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text.contains("Story paragraph 4"))
        #expect(!article.text.contains("Live update"))
    }
}
