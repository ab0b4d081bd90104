import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// A small news page: navigation, a cookie banner, the article (title, lead, a subheading,
/// paragraphs with a link), a share bar, related links, comments and a footer.
let newsPage = """
    <!DOCTYPE html>
    <html lang="fr-FR"><head><meta charset="utf-8"><title>Accord à Genève | Le Journal</title></head>
    <body>
    <div id="cookie-banner"><p>Nous utilisons des cookies pour améliorer votre expérience. Acceptez-vous les cookies ?</p></div>
    <nav class="main-menu"><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <main>
    <article>
    <h1>Accord à Genève</h1>
    <p class="lead">Les deux dirigeants se sont rencontrés à Genève, en Suisse, pour une journée de discussions.</p>
    <p>Le secrétaire d’État a affirmé vendredi que les négociations avaient <a href="/x">progressé</a>, sans donner de détails sur le calendrier.</p>
    <h2>Une nouvelle rencontre</h2>
    <p>Une nouvelle rencontre est prévue le mois prochain, selon un communiqué publié dans la soirée par les deux délégations.</p>
    <div class="share-bar"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur Twitter</a></div>
    </article>
    <section class="related-articles"><h3>À lire aussi</h3><ul>
    <li><a href="/a">Un autre article sur la diplomatie européenne et ses suites</a></li>
    <li><a href="/b">Encore un article sur les négociations de paix en Europe</a></li></ul></section>
    <section id="comments"><p>Très bon article, merci pour ces informations détaillées sur les négociations !</p></section>
    </main>
    <footer><p>© 2022 Le Journal. Tous droits réservés. Mentions légales et politique de confidentialité.</p></footer>
    </body></html>
    """

@Suite("extract stage: main content")
struct ExtractStageTests {
    @Test("keeps the article's paragraphs and subheading, joined by blank lines, and drops the rest")
    func mainContent() throws {
        let article = try StageHarness(ExtractStage.self).run(newsPage)
        #expect(article.text == """
            Les deux dirigeants se sont rencontrés à Genève, en Suisse, pour une journée de discussions.

            Le secrétaire d’État a affirmé vendredi que les négociations avaient progressé, sans donner de détails sur le calendrier.

            Une nouvelle rencontre

            Une nouvelle rencontre est prévue le mois prochain, selon un communiqué publié dans la soirée par les deux délégations.
            """)
        #expect(article.blocks.map(\.role) == [.body, .body, .heading, .body])
        #expect(article.blocks.map { String(article.text.unicodeScalars[scalarRange($0.span, in: article.text)]) }[2] == "Une nouvelle rencontre")
    }

    @Test("nothing is lost: the HTML stays in original, dropped paragraphs are removals with their reason")
    func nothingLost() throws {
        let article = try StageHarness(ExtractStage.self, step: "page").run(newsPage)
        #expect(article.original == newsPage)
        let reasons = Set(article.removals.map(\.reason))
        #expect(reasons.isSuperset(of: ["page: cookie-banner", "page: navigation", "page: share", "page: comments", "page: footer"]))
        #expect(article.removals.contains { $0.text.contains("Partager sur Facebook") && $0.reason == "page: share" })
    }

    @Test("each block maps back to its source: alignment span, node path, line and bytes")
    func offsets() throws {
        let article = try StageHarness(ExtractStage.self).run(newsPage)
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.blocks.count == article.blocks.count)
        let heading = layer.blocks[2]
        #expect(heading.node == "/html/body/main/article/h2")
        #expect(heading.role == "heading")
        #expect(heading.line == 11)
        let html = Array(newsPage.utf8)
        #expect(String(decoding: html[heading.bytes[0]..<heading.bytes[1]], as: UTF8.self) == "Une nouvelle rencontre")
        // The alignment maps the block's span to its source (up to the markup before the next block).
        let original = article.alignment!.originalSpan(of: article.blocks[2].span)
        let source = String(newsPage.unicodeScalars[scalarRange(original, in: newsPage)])
        #expect(source.hasPrefix("Une nouvelle rencontre</h2>"))
        #expect(!source.contains("prévue"))
        #expect(layer.dropped.contains { $0.reason == "navigation" && $0.node.hasPrefix("/html/body/nav") })
    }

    @Test("the strategies are tried in order until one reaches min-length; every attempt is recorded")
    func fallbacks() throws {
        let page = "<html><body><div><span>Short text only, no paragraphs at all here.</span></div></body></html>"
        let article = try StageHarness(ExtractStage.self, options: ["min-length": 30]).run(page)
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.attempts.map(\.strategy) == ["dom-scoring", "all-paragraphs", "json-ld", "body-text"])
        #expect(layer.attempts.map(\.accepted) == [false, false, false, true])
        #expect(layer.strategy == "body-text")
        #expect(article.text == "Short text only, no paragraphs at all here.")
    }

    @Test("a single configured strategy is the only attempt")
    func singleStrategy() throws {
        let article = try StageHarness(ExtractStage.self, options: ["strategies": ["all-paragraphs"]]).run(newsPage)
        let layer = try #require(article[layer: ExtractLayer.self])
        #expect(layer.attempts.map(\.strategy) == ["all-paragraphs"])
        #expect(article.text.contains("Une nouvelle rencontre est prévue"))
        #expect(!article.text.contains("Accueil"))
    }

    @Test("an unknown strategy is an option error")
    func unknownStrategy() {
        #expect(throws: StageError.self) { try StageHarness(ExtractStage.self, options: ["strategies": ["magic"]]) }
    }
}

/// The `String.UnicodeScalarView` index range of a span.
func scalarRange(_ span: Span, in text: String) -> Range<String.UnicodeScalarView.Index> {
    let scalars = text.unicodeScalars
    let start = scalars.index(scalars.startIndex, offsetBy: span.start)
    return start..<scalars.index(start, offsetBy: span.length)
}
