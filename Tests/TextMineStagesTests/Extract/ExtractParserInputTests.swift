import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// A page whose scripts, styles, icons, comments and unread attributes hold markup-like text
/// (cut before parsing), with a multi-line start tag before the paragraph.
let pageWithNoise = """
    <html><head><title>Noise</title>
    <style>
    p::before { content: "<p>not text</p>"; }
    </style>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Headline from JSON-LD"}</script>
    <script>
    var html = "<p>Not a paragraph</p>"; if (a < b) { document.write('</div>'); }
    </script>
    </head>
    <body><!-- <p>A commented-out paragraph that is not text either.</p>
    --><article><svg viewBox="0 0 10 10"><text>icon</text><path d="M0 0"/></svg>
    <p data-json='{"x": "<b>", "y": ">"}' title="a > b"
       class="lead" src=unquoted/value>The first paragraph of the article, long enough to be kept as content.</p>
    <p>The second <a href="/x" data-track="a
    b">paragraph</a> of the article, also long enough to be kept as content.</p>
    <SCRIPT SRC="x.js"></SCRIPT><script/><p>A third    paragraph after an empty script,
         kept as article content too.</p>
    </article></body></html>
    """

@Suite("extract stage: what is cut before parsing")
struct ExtractParserInputTests {
    @Test("script, style, svg and comment contents and unread attributes give no text; JSON-LD still gives metadata")
    func noiseIsCut() throws {
        let article = try StageHarness(ExtractStage.self).run(pageWithNoise)
        #expect(article.text == """
            The first paragraph of the article, long enough to be kept as content.

            The second paragraph of the article, also long enough to be kept as content.

            A third paragraph after an empty script, kept as article content too.
            """)
        #expect(article.metadata["title"]?.value.stringValue == "Headline from JSON-LD")
    }

    @Test("a page with a NUL byte keeps its attributes for libxml2, and class hints still apply")
    func nulByte() throws {
        let page = "<html><body><article><p>The article paragraph is long enough to be kept as content\u{0} here.</p>"
            + "<div class=\"share-bar\"><p>Share this article with your friends on every network you use.</p></div>"
            + "<p>A second article paragraph, also long enough to be kept as content of the page.</p></article></body></html>"
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.text.contains("A second article paragraph"))
        #expect(!article.text.contains("Share this article"))
        #expect(article.removals.contains { $0.reason == "extract: share" })
    }

    /// A page whose elements carry the attributes read before parsing (`style`, `aria-hidden`,
    /// `hidden`, `role`, `rel`), in any case, repeated (libxml2 keeps the first), or with a
    /// character reference (left to libxml2).
    private func hintAttributePage(nul: Bool) -> String {
        let sentence = "is a full sentence that goes on long enough to count as real content for the page."
        return """
            <html><body>\(nul ? "<!--\u{0}-->" : "")<article>
            <p>First paragraph \(sentence)</p><p>Second paragraph \(sentence)</p><p>Third paragraph \(sentence)</p>
            <div STYLE="Display: None"><p>Styled away \(sentence)</p></div>
            <div style="color: red" style="display:none"><p>Shown by its first style \(sentence)</p></div>
            <div style="display&#58;none"><p>Referenced style \(sentence)</p></div>
            <div aria-hidden="TRUE"><p>Aria hidden \(sentence)</p></div>
            <div hidden="false"><p>Hidden attribute \(sentence)</p></div>
            <div role="Navigation" role="main"><p>Navigation role \(sentence)</p></div>
            <div role="navigatıon"><p>Dotless role \(sentence)</p></div>
            <span rel="author" rel="nofollow"><p>Author rel \(sentence)</p></span>
            </article></body></html>
            """
    }

    @Test("attributes read before parsing say what they say when libxml2 gives them (a page with a NUL byte)")
    func hintAttributesReadBeforeParsing() throws {
        let read = try StageHarness(ExtractStage.self).run(hintAttributePage(nul: false))
        let parsed = try StageHarness(ExtractStage.self).run(hintAttributePage(nul: true))
        #expect(read.text == parsed.text)
        #expect(read.removals.map(\.reason) == parsed.removals.map(\.reason))
        #expect(read.text.contains("Shown by its first style"))
        #expect(read.text.contains("Dotless role"))
        for hidden in ["Styled away", "Referenced style", "Aria hidden", "Hidden attribute", "Navigation role", "Author rel"] {
            #expect(!read.text.contains(hidden), "\(hidden)")
        }
    }

    @Test("byte ranges, lines and the alignment still point into the page as it was")
    func offsetsSurviveCuts() throws {
        let article = try StageHarness(ExtractStage.self).run(pageWithNoise)
        let layer = try #require(article[layer: ExtractLayer.self])
        let html = Array(pageWithNoise.utf8)
        let lines = pageWithNoise.split(separator: "\n", omittingEmptySubsequences: false)
        for block in layer.blocks {
            let source = String(decoding: html[block.bytes[0]..<block.bytes[1]], as: UTF8.self)
            #expect(source.hasSuffix("kept as content.") || source.hasSuffix("content too."))
            // libxml2 reports the line where the start tag ends.
            #expect(lines[block.line - 1].contains(">"))
        }
        #expect(layer.blocks.map(\.line) == [13, 14, 16])
        // White space cut before parsing is back in the source range.
        #expect(String(decoding: html[layer.blocks[2].bytes[0]..<layer.blocks[2].bytes[1]], as: UTF8.self)
            == "A third    paragraph after an empty script,\n     kept as article content too.")
        let second = article.alignment!.originalSpan(of: article.blocks[1].span)
        #expect(String(pageWithNoise.unicodeScalars[scalarRange(second, in: pageWithNoise)]).hasPrefix("The second <a href"))
    }
}
