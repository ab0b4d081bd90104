import Foundation
import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

@Suite("metadata stage")
struct MetadataStageTests {
    let chain: [StageHarness]

    init() throws { chain = try metadataChain() }

    @Test("a date header is extracted and removed; the body on the same line stays")
    func dateHeader() throws {
        let article = try process(" date 2022-01 « Nous sommes ouverts au dialogue », a-t-il déclaré.\n\nSuite.", through: chain)
        #expect(article.field("date") == "2022-01")
        #expect(article.metadata["date"]?.rule == "date-header")
        #expect(article.text.hasPrefix("« Nous sommes ouverts"))
        #expect(article.removals.contains { $0.reason == "metadata: date" && $0.text == "date 2022-01 " })
    }

    @Test("French publication and update dates with times are parsed to ISO dates")
    func publishedAndUpdated() throws {
        let article = try process("Publié le 12 janvier 2022 à 10h30 Mis à jour le 13 janvier 2022 à 08h15\nLe texte commence ici.", through: chain)
        #expect(article.field("date") == "2022-01-12")
        #expect(article.field("updated") == "2022-01-13")
        #expect(article.text == "Le texte commence ici.")
    }

    @Test("English dates and bylines")
    func englishHeader() throws {
        let article = try process("Published January 28, 2022 at 10:30 GMT\nBy Jane Doe, John Smith and Ann Lee\nThe talks ended.", through: chain)
        #expect(article.field("date") == "2022-01-28")
        #expect(article.metadata["authors"]?.value == ["Jane Doe", "John Smith", "Ann Lee"])
        #expect(article.text == "The talks ended.")
    }

    @Test("a byline becomes authors and leaves the body; a dateline keeps its sentence")
    func bylineAndDateline() throws {
        let article = try process("Par Vladimir Soldatkin et Alexander Marrow\nMOSCOU (Reuters) – Le président russe a déclaré vendredi.\nSuite.", through: chain)
        #expect(article.metadata["authors"]?.value == ["Vladimir Soldatkin", "Alexander Marrow"])
        #expect(article.field("dateline") == "MOSCOU")
        #expect(article.field("agency") == "Reuters")
        #expect(article.text == "Le président russe a déclaré vendredi.\nSuite.")
        let source = try #require(article.metadata["agency"]?.source)
        #expect(Array(article.originalText.unicodeScalars)[source.range].map(String.init).joined() == "Reuters")
    }

    @Test("datelines with a date, and English agencies")
    func datelineVariants() throws {
        let article = try process("WASHINGTON, 28 janvier (AFP) - Les États-Unis ont répondu.", through: chain)
        #expect(article.field("dateline") == "WASHINGTON")
        #expect(article.field("agency") == "AFP")
        #expect(article.text == "Les États-Unis ont répondu.")
    }

    @Test("a byline that shares its line with a date: both are found, each with its own removal")
    func bylineBeforeDate() throws {
        let article = try process("Par Jean Dupont et Marie Curie | Publié le 28 janvier 2022 à 10h30\nLe ministre a parlé.", through: chain)
        #expect(article.metadata["authors"]?.value == ["Jean Dupont", "Marie Curie"])
        #expect(article.field("date") == "2022-01-28")
        #expect(article.text == "Le ministre a parlé.")
        #expect(article.removals.map(\.reason).sorted() == ["metadata: byline", "metadata: date"])
        let english = try process("By Jane Doe – Published January 28, 2022\nThe talks ended.", through: chain)
        #expect(english.metadata["authors"]?.value == ["Jane Doe"])
        #expect(english.field("date") == "2022-01-28")
        let sentence = try process("Par Vladimir Poutine, la Russie a été mise en garde.\nSuite.", through: chain)
        #expect(sentence.metadata["authors"] == nil)
    }

    @Test("a dateline without agency at the start of the first paragraph, before an en or em dash")
    func datelineWithoutAgency() throws {
        let article = try process("MOSCOU – Le président russe a déclaré vendredi qu'il était prêt.\n\nSuite.", through: chain)
        #expect(article.field("dateline") == "MOSCOU")
        #expect(article.metadata["dateline"]?.rule == "dateline-place")
        #expect(article.field("agency") == nil)
        #expect(article.text == "Le président russe a déclaré vendredi qu'il était prêt.\n\nSuite.")
        let english = try process("NEW YORK — Stocks fell on Monday as investors weighed the talks.", through: chain)
        #expect(english.field("dateline") == "NEW YORK")
    }

    @Test("capitals and a dash elsewhere are not a dateline: a hyphen, a later paragraph, a heading")
    func notDatelines() throws {
        for text in [
            "MOSCOU - Le président russe a déclaré vendredi qu'il était prêt.",
            "Le ministre a parlé jeudi devant la presse.\n\nMOSCOU – Le président russe a déclaré vendredi qu'il était prêt.",
            "UKRAINE – les négociations\n\nLe président russe a déclaré vendredi qu'il était prêt.",
        ] {
            let article = try process(text, through: chain)
            #expect(article.field("dateline") == nil, "\(text)")
        }
    }

    @Test("English update headers with a time and a weekday, and German dates", arguments: [
        ("Updated 3:45 PM ET, Tue March 14, 2023", "2023-03-14"),
        ("Published 17 May 2023", "2023-05-17"),
        ("Published Tuesday, 14 March 2023 at 6:12 p.m. EST", "2023-03-14"),
        ("Veröffentlicht am 19. April 2023, 14:32 Uhr", "2023-04-19"),
    ])
    func headerDates(line: String, date: String) throws {
        let article = try process("\(line)\nThe talks ended on Tuesday.", through: chain)
        #expect(article.field("date") == date)
        #expect(article.field("title") == nil)
        #expect(article.text == "The talks ended on Tuesday.")
    }

    @Test("a date header is never the title; the headline after it is")
    func dateHeaderIsNotTitle() throws {
        let article = try process("Updated 3:45 PM ET, Tue March 14, 2023\nEU ministers agree to extend grain deal\nThe talks ended.", through: chain)
        #expect(article.field("date") == "2023-03-14")
        #expect(article.field("title") == "EU ministers agree to extend grain deal")
        let noDateRule = try process("Updated 3:45 PM ET, Tue March 14, 2023\nThe talks ended.", through: [try makeStage(MetadataStage.self, ["date": false])])
        #expect(noDateRule.field("title") == nil)
    }

    @Test("a byline ends at an outlet, a role or a place: they become the affiliation")
    func bylineAffiliation() throws {
        let article = try process("By Tom Harding, BBC News, Rome\nThe talks ended.", through: chain)
        #expect(article.metadata["authors"]?.value == ["Tom Harding"])
        #expect(article.field("affiliation") == "BBC News, Rome")
        #expect(article.text == "The talks ended.")
        let role = try process("By Jane Doe and John Smith, Reuters\nThe talks ended.", through: chain)
        #expect(role.metadata["authors"]?.value == ["Jane Doe", "John Smith"])
        #expect(role.field("affiliation") == "Reuters")
        let correspondent = try process("By Tom Harding, BBC correspondent in Rome\nThe talks ended.", through: chain)
        #expect(correspondent.metadata["authors"]?.value == ["Tom Harding"])
        #expect(correspondent.field("affiliation") == "BBC correspondent in Rome")
        let german = try process("Von Anna Schmidt und Markus Weber\nDer Text beginnt hier.", through: chain)
        #expect(german.metadata["authors"]?.value == ["Anna Schmidt", "Markus Weber"])
    }

    @Test("breadcrumb trails and a section name before the headline leave the body", arguments: [
        ("Home | News | World", ["Home", "News", "World"]),
        ("Startseite > Politik > Deutschland", ["Startseite", "Politik", "Deutschland"]),
        ("Accueil › Monde › Europe de l'Est", ["Accueil", "Monde", "Europe de l'Est"]),
        ("Politics", ["Politics"]),
    ])
    func breadcrumbs(line: String, items: [String]) throws {
        let article = try process("\(line)\nSenate passes infrastructure bill as deadline looms\nThe Senate voted on Thursday.", through: chain)
        #expect(article.metadata["breadcrumbs"]?.value == .array(items.map(JSONValue.string)))
        #expect(article.field("title") == "Senate passes infrastructure bill as deadline looms")
        #expect(article.text == "The Senate voted on Thursday.")
    }

    @Test("lines with separators that are not trails stay", arguments: [
        "Prices rose 3% in March | analysts expected 2%.",
        "He said: the plan is good > the old one, and we will vote for it.",
        "Before / after: how the city changed in ten years",
    ])
    func notBreadcrumbs(line: String) throws {
        let article = try process("The talks ended.\n\(line)\nMore text.", through: chain)
        #expect(article.metadata["breadcrumbs"] == nil)
    }

    @Test("English datelines and credits: agency, a lowercase agency, reporting and editing lines")
    func englishDatelinesAndCredits() throws {
        let article = try process("WASHINGTON (Reuters) - The Senate voted on Thursday.\n\nReporting by Jane Doe in Washington; Editing by John Smith", through: chain)
        #expect(article.field("dateline") == "WASHINGTON")
        #expect(article.field("agency") == "Reuters")
        #expect(article.metadata["credits"]?.value.arrayValue?.count == 1)
        #expect(article.text == "The Senate voted on Thursday.")
        let german = try process("BERLIN (dpa) - Das Kabinett hat am Mittwoch entschieden.", through: chain)
        #expect(german.field("agency") == "dpa")
        let contributed = try process("The Senate voted.\n\nThe Associated Press contributed to this report.", through: chain)
        #expect(contributed.text == "The Senate voted.")
    }

    @Test("a first line that reads as a headline is the title")
    func title() throws {
        let article = try process("Le haut représentant russe dit que les États-Unis répondront\n\nLe ministre a parlé.", through: chain)
        #expect(article.field("title") == "Le haut représentant russe dit que les États-Unis répondront")
        #expect(article.text == "Le ministre a parlé.")
    }

    @Test("sentences are not titles, bylines or date headers")
    func ordinaryTextIsNotMetadata() throws {
        let text = "Par ailleurs, le ministre a déclaré que la réunion aurait lieu.\nLe 12 janvier 2022, le président a parlé.\nIl a conclu."
        let article = try process(text, through: chain)
        #expect(article.metadata.isEmpty)
        #expect(article.text == text)
    }

    @Test("contributor and photo credits are collected and removed")
    func credits() throws {
        let text = """
            Le texte.

            EPA/SERGEY DOLZHENKO

            Suite du texte.

            Crédit photo : AFP

            Kylie Atwood de CNN et Anna Chernova ont contribué au reportage.

            Reporting by Jane Doe; Editing by John Smith
            """
        let article = try process(text, through: chain)
        #expect(article.text == "Le texte.\n\nSuite du texte.")
        #expect(article.metadata["credits"]?.value.arrayValue?.count == 4)
        #expect(article.removals.filter { $0.reason == "metadata: photo-credit" }.count == 1)
    }

    @Test("a sentence that mentions a photo or a contribution is kept")
    func creditWordsInContent() throws {
        let text = "La photo a été prise à Kiev.\nLes pays ont contribué au reportage des faits, selon lui, dans une lettre."
        let article = try process(text, through: chain)
        #expect(article.text == text)
    }

    @Test("remove: false records fields without touching the text")
    func recordOnly() throws {
        let stage = try makeStage(MetadataStage.self, ["remove": false])
        let article = try process("Par Jean Dupont\nLe texte.", through: [stage])
        #expect(article.metadata["authors"]?.value == ["Jean Dupont"])
        #expect(article.text == "Par Jean Dupont\nLe texte.")
    }

    @Test("a user pack adds byline words and credit patterns")
    func userPack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-pack-\(UUID()).yaml").path
        try "language: de\nmetadata:\n  byline: [von]\n  name-joiners: [und]\n  credits: [\"^foto ?: *\"]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stage = try makeStage(MetadataStage.self, ["packs": [.string(path)]])
        let article = try process("Von Anna Schmidt und Max Weber\nDer Text.\nFoto: dpa", through: [stage])
        #expect(article.metadata["authors"]?.value == ["Anna Schmidt", "Max Weber"])
        #expect(article.text == "Der Text.")
    }

    @Test("an invalid pattern in a user pack is a diagnostic at its line and column")
    func invalidUserPattern() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-bad-\(UUID()).yaml").path
        try "language: fr\nboilerplate:\n  share:\n    - \"^partager (sur|via\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try makeStage(MetadataStage.self, ["packs": [.string(path)]])
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.headline == "\(path):4:18: error: invalid pattern in 'boilerplate.share': unclosed '(': add ')'"
        }
    }

    @Test("a missing pack file is a diagnostic naming the file")
    func missingPack() {
        #expect {
            _ = try makeStage(MetadataStage.self, ["packs": ["/nonexistent/pack.yaml"]])
        } throws: { error in
            (error as? Diagnostic)?.headline == "/nonexistent/pack.yaml: error: cannot read language pack"
        }
    }
}
