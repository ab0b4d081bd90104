import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("extract stage: metadata with provenance")
struct ExtractMetadataTests {
    private let body = "<article><p>Le texte de l’article, assez long pour être gardé comme contenu principal de la page.</p></article>"

    private func metadata(_ head: String, body extra: String = "") throws -> [String: MetadataField] {
        let page = "<html lang=\"fr\"><head>\(head)</head><body>\(extra)\(body)</body></html>"
        return try StageHarness(ExtractStage.self, step: "page").run(page).metadata
    }

    @Test("Open Graph properties, with the property as the rule")
    func openGraph() throws {
        let fields = try metadata("""
            <meta property="og:title" content="Accord à Genève"><meta property="og:site_name" content="Le Journal">
            <meta property="og:description" content="Résumé."><meta property="og:url" content="https://ex.fr/a">
            <title>Autre titre</title>
            """)
        #expect(fields["title"] == MetadataField(value: "Accord à Genève", step: "page", rule: "og:title"))
        #expect(fields["site"] == MetadataField(value: "Le Journal", step: "page", rule: "og:site_name"))
        #expect(fields["description"]?.rule == "og:description")
        #expect(fields["url"] == MetadataField(value: "https://ex.fr/a", step: "page", rule: "og:url"))
        #expect(fields["language"] == MetadataField(value: "fr", step: "page", rule: "html[lang]"))
    }

    @Test("JSON-LD NewsArticle in a @graph: headline, authors, date, publisher")
    func jsonLD() throws {
        let fields = try metadata("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Le titre","datePublished":"2022-01-21T10:00:00Z",
               "author":[{"@type":"Person","name":"Vladimir Soldatkin"},{"@type":"Person","name":"Alexander Marrow"}],
               "publisher":{"@type":"Organization","name":"Reuters"}}]}</script>
            """)
        #expect(fields["title"] == MetadataField(value: "Le titre", step: "page", rule: "json-ld"))
        #expect(fields["authors"] == MetadataField(value: ["Vladimir Soldatkin", "Alexander Marrow"], step: "page", rule: "json-ld"))
        #expect(fields["date"] == MetadataField(value: "2022-01-21T10:00:00Z", step: "page", rule: "json-ld"))
        #expect(fields["site"]?.value == "Reuters")
    }

    @Test("meta tags and the canonical link")
    func metaTags() throws {
        let fields = try metadata("""
            <meta name="author" content="Jean Dupont, Marie Curie"><meta property="article:published_time" content="2022-01-05">
            <meta name="description" content="Une description."><link rel="canonical" href="https://ex.fr/c"><title>Titre</title>
            """)
        #expect(fields["authors"] == MetadataField(value: ["Jean Dupont", "Marie Curie"], step: "page", rule: "meta[name=author]"))
        #expect(fields["date"] == MetadataField(value: "2022-01-05", step: "page", rule: "meta[property=article:published_time]"))
        #expect(fields["url"] == MetadataField(value: "https://ex.fr/c", step: "page", rule: "link[rel=canonical]"))
        #expect(fields["title"] == MetadataField(value: "Titre", step: "page", rule: "title"))
        #expect(fields["description"]?.rule == "meta[name=description]")
    }

    @Test("the visible byline gives the authors when no tag does, and leaves the text")
    func byline() throws {
        let page = "<html><body><article><p class=\"byline\">Par Vladimir Soldatkin et Alexander Marrow</p>\(body)</article></body></html>"
        let article = try StageHarness(ExtractStage.self).run(page)
        #expect(article.metadata["authors"]?.value == ["Vladimir Soldatkin", "Alexander Marrow"])
        #expect(article.metadata["authors"]?.rule == "byline")
        #expect(!article.text.contains("Soldatkin"))
        #expect(article.removals.contains { $0.reason == "extract: byline" })
    }

    @Test("a <time datetime> gives the date when no tag does")
    func timeElement() throws {
        let fields = try metadata("", body: "<time datetime=\"2022-01-07T08:00\" pubdate>7 janvier</time>")
        #expect(fields["date"] == MetadataField(value: "2022-01-07T08:00", step: "page", rule: "time[pubdate]"))
    }
}
