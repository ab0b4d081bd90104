import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("extract stage: hidden and revealed text")
struct ExtractVisibilityTests {
    @Test("class names that hide an element in CSS frameworks hide its text, unless a responsive name shows it")
    func hidingClassNames() throws {
        let page = """
            <html><body><article>\(paragraphs("Story paragraph", 3))
            <div class="intro-body__premium hidden"><p>Subscribe now to read the latest news in your city and across the country.</p></div>
            <div class="d-none"><p>Create an account or sign in to continue with your reading experience today.</p></div>
            <div class="hidden md:block"><p>Shown on wide screens, this paragraph is part of the story and long enough to count.</p></div>
            <div class="hidden-xs"><p>Hidden on phones only, this paragraph is also part of the story and long enough.</p></div>
            </article></body></html>
            """
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text.contains("Story paragraph 3"))
        #expect(!article.text.contains("Subscribe now"))
        #expect(!article.text.contains("Create an account"))
        #expect(article.text.contains("Shown on wide screens"))
        #expect(article.text.contains("Hidden on phones only"))
    }

    @Test("React streamed segments (<div hidden id=\"S:1\">) are the page's text, not hidden text")
    func streamedSegments() throws {
        let page = """
            <html><body><div hidden=""><template id="B:0"></template></div>
            <script>$RC("B:0","S:0")</script>
            <div hidden id="S:0"><main><article>\(paragraphs("Streamed paragraph", 3))</article></main></div>
            <div hidden><p>A really hidden paragraph stays hidden even when it is long enough to count as content.</p></div>
            </body></html>
            """
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text.hasPrefix("Streamed paragraph 1"))
        #expect(article.text.contains("Streamed paragraph 3"))
        #expect(!article.text.contains("really hidden"))
    }

    @Test("text hidden behind a paywall class is kept, unless it repeats the visible text")
    func paywall() throws {
        let visible = paragraphs("Visible paragraph", 3)
        let hidden = "<div class=\"paywall\" hidden>\(paragraphs("Subscriber paragraph", 3))</div>"
        let withPaywall = try StageHarness(ExtractStage.self).run("<html><body><article>\(visible)\(hidden)</article></body></html>")
        #expect(withPaywall.text.contains("Visible paragraph 3"))
        #expect(withPaywall.text.contains("Subscriber paragraph 3"))

        let copy = "<div class=\"o-paywall\" style=\"display:none\">\(paragraphs("Visible paragraph", 3))</div>"
        let withCopy = try StageHarness(ExtractStage.self).run("<html><body><article>\(visible)\(copy)</article></body></html>")
        #expect(withCopy.text.components(separatedBy: "Visible paragraph 2 ").count == 2)
    }

    @Test("a page whose only text is inside a javascript: link still gives that text")
    func linkOnlyPage() throws {
        let page = "<html><head><title>Links</title></head><body><a href=\"javascript:\"><p>abc</p><p>def</p>ghi</a></body></html>"
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text == "abc\n\ndef\n\nghi")
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.strategy == "body-text")
    }
}

@Suite("extract stage: the JSON-LD article body")
struct ExtractArticleBodyTests {
    private let body = (1...4).map { "Line \($0) of the article body is a sentence only the JSON-LD of this paywalled page holds." }

    private func page(visible: String) -> String {
        let json = "{\"@type\": \"NewsArticle\", \"headline\": \"Paywalled\", \"articleBody\": \"\(body.joined(separator: "\\n"))\"}"
        return """
            <html><head><script type="application/ld+json">\(json)</script></head>
            <body><article>\(visible)</article></body></html>
            """
    }

    @Test("when the markup gives less than half of the declared article body, the body is the text, mapped to its script")
    func paywalledPage() throws {
        let html = page(visible: "<p>Only the first lines of the article are visible before the subscription box.</p>")
        let article = try StageHarness(ExtractStage.self).run(html)
        #expect(article.text == body.joined(separator: "\n\n"))
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.strategy == "json-ld")
        #expect(layer.attempts.map(\.accepted) == [false, false, true])
        #expect(layer.blocks[0].node == "/html/head/script")
        let source = String(decoding: html.utf8.dropFirst(layer.blocks[0].bytes[0]), as: UTF8.self)
        #expect(source.hasPrefix("<script type=\"application/ld+json\">"))
        #expect(article.removals.contains { $0.reason == "extract: json-ld-body" && $0.text.contains("Only the first lines") })
    }

    @Test("when the markup holds the article, the markup wins")
    func visibleArticle() throws {
        let visible = (1...4).map { "<p>Visible line \($0) of the article is a sentence long enough to be kept as the page's text.</p>" }.joined()
        let article = try StageHarness(ExtractStage.self).run(page(visible: visible))
        #expect(article.text.hasPrefix("Visible line 1"))
        #expect(article[layer: ExtractLayer.self]?.strategy == "dom-scoring")
    }
}

@Suite("extract stage: articles cut into sections")
struct ExtractSectionTests {
    /// An `<article>` of three sections of `counts` paragraphs with comment boxes between them.
    private func sectioned(_ counts: [Int]) -> String {
        let boxes = (1...6).map { "<div class=\"comments\"><p>Join the conversation number \($0) about this story, civil comments are welcome here.</p></div>" }
        return """
            <html><body><main><article class="story">
            <section class="article-content">\(paragraphs("First section", counts[0]))</section>
            \(boxes[0...2].joined())
            <section class="article-content">\(paragraphs("Second section", counts[1]))</section>
            \(boxes[3...5].joined())
            <section class="article-content">\(paragraphs("Third section", counts[2]))</section>
            </article></main></body></html>
            """
    }

    @Test("an <article> whose sections are split by comment boxes is the container, not its biggest section", arguments: [[2, 4, 2], [3, 4, 3]])
    func sectionedArticle(counts: [Int]) throws {
        let article = try StageHarness(ExtractStage.self).run(sectioned(counts))
        #expect(article.text.contains("First section 1"))
        #expect(article.text.contains("Second section 4"))
        #expect(article.text.contains("Third section 2"))
        #expect(!article.text.contains("Join the conversation"))
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.attempts.first?.container == "/html/body/main/article")
    }
}
