import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("boilerplate by language")
struct BoilerplateLanguageTests {
    let harness = try! StageHarness(BoilerplateStage.self)

    @Test("a French paragraph ending with an English quotation keeps it")
    func quotation() throws {
        let paragraph = """
            Le ministre a rencontré mardi son homologue américain à Paris pour parler du commerce entre \
            les deux pays. Les discussions ont duré plus de trois heures et ont porté sur les droits de \
            douane. À la sortie, il a cité le président américain. "We will not back down, and we will \
            not be moved by threats from anyone."
            """
        let article = try harness.run(paragraph, language: "fr")
        #expect(article.text.contains("We will not back down"))
        #expect(article.removals.isEmpty)
    }

    @Test("blocks in another language never outweigh the body, whatever the declared language")
    func neverTheBody() throws {
        let english = """
            The minister met his American counterpart in Paris on Tuesday to discuss trade between the two countries.
            The talks lasted more than three hours and focused on tariffs and the rules of origin for cars.
            Both sides said they would meet again next month in Washington to settle the remaining questions.
            """
        let article = try harness.run(english, language: "fr")
        #expect(!article.removals.contains { $0.reason == "boilerplate: other-language" })
        #expect(article.text.contains("The talks lasted more than three hours"))
    }

    @Test("the German pack removes German share, newsletter and related lines, by rule")
    func german() throws {
        let text = """
            Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung der Windenergie beschlossen, das den Ausbau deutlich beschleunigen soll.
            Artikel teilen
            Nach Angaben des Ministeriums sollen die Genehmigungsverfahren für neue Anlagen künftig nicht länger als sechs Monate dauern.
            Jetzt den Newsletter abonnieren und nichts verpassen
            Mehr zum Thema: Energiewende in Bayern
            Alle Rechte vorbehalten
            """
        let article = try harness.run(text, language: "de")
        #expect(article.text.contains("Die Bundesregierung hat am Dienstag"))
        #expect(article.text.contains("Genehmigungsverfahren"))
        for line in ["Artikel teilen", "Newsletter abonnieren", "Mehr zum Thema", "Alle Rechte vorbehalten"] {
            #expect(!article.text.contains(line), "\(line)")
        }
    }

    @Test("an article in a language without a pack is processed with a warning in its trace")
    func noPack() throws {
        let article = try harness.run("El gobierno anunció el martes nuevas medidas contra la subida de los precios.", language: "es")
        #expect(article.text.contains("El gobierno anunció"))
        #expect(article.trace.last?.warnings.first?.contains("no language pack for 'es'") == true)
    }
}
