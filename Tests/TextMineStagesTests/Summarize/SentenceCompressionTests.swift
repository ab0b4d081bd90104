import Foundation
import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

@Suite("sentence compression in summaries")
struct SentenceCompressionTests {
    /// The summary of `sentences` with method lead (the first `count` sentences), checked by the
    /// stage contract (spans inside the text, cuts inside selected sentences).
    private func summary(_ sentences: [String], title: String, count: Int = 2, compress: Bool = true, language: LanguageCode = "fr") throws -> (Summary, Article) {
        let harness = try StageHarness(
            SummarizeStage.self, options: ["method": "lead", "sentences": .int(count), "redundancy": 0, "compress": .bool(compress)])
        let article = try harness.run(summarizeArticle(sentences, title: title, language: language))
        return (try #require(article.summary), article)
    }

    /// What each cut of the summary removed, with its reason.
    private func cutTexts(_ summary: Summary, _ article: Article) -> [String] {
        let text = ScalarText(article.text)
        return summary.cuts.map { "\($0.reason): \(text.string($0.span))" }
    }

    private let story = [
        "Selon le quotidien régional, un paquebot de croisière a percuté un quai dans le port de Venise.",
        "Le navire (un géant de 275 mètres) a perdu le contrôle à son arrivée, a expliqué un témoin.",
        "Quatre personnes ont été blessées par le paquebot à Venise.",
        "Le maire de Venise a promis une enquête sur le paquebot.",
    ]

    @Test("peripheral opening, parenthetical and closing clauses are cut, recorded with their reason, and the text reads as prose")
    func cutsAndRecords() throws {
        let (summary, article) = try summary(story, title: "Un paquebot percute un quai à Venise")
        #expect(cutTexts(summary, article) == [
            "opening: Selon le quotidien régional, ", "parenthesis:  (un géant de 275 mètres)", "closing: , a expliqué un témoin",
        ])
        #expect(summary.text == "Un paquebot de croisière a percuté un quai dans le port de Venise. Le navire a perdu le contrôle à son arrivée.")
        #expect(!SummaryFluency.hasDebris(summary.text))
        // Nothing is lost: the sentences stay whole in `text`, the selection and the scores.
        #expect(summary.selected == [0, 1])
        let whole = try self.summary(story, title: "Un paquebot percute un quai à Venise", compress: false).0
        #expect(whole.cuts.isEmpty)
        #expect(whole.text == story[0] + " " + story[1])
    }

    @Test("a clause the title or the rest of the article shares is kept")
    func keepsCentralClauses() throws {
        // `témoin` is in the title, `Venise` in two other sentences.
        let (summary, article) = try summary(
            ["Un paquebot a percuté un quai du port, a expliqué un témoin.", "Le navire, venu de Venise, a perdu le contrôle à son arrivée dans le port."]
                + story.suffix(2),
            title: "Le récit d'un témoin")
        #expect(cutTexts(summary, article).isEmpty)
    }

    @Test("names, enumerations, quotations with their speaker and openings the rest leans on are kept")
    func keepsWhatTheSentenceNeeds() throws {
        let (summary, article) = try summary(
            [
                "Le porte-parole du gouvernement, Olivier Durand, a confirmé la nouvelle lundi soir aux journalistes.",
                "Les pompiers ont sauvé des chats, des chiens, des poules et des lapins dans la ferme incendiée.",
                "« Nous reconstruirons tout avant l'hiver prochain », a promis le propriétaire.",
                "Mardi matin, il a lancé un appel aux dons auprès des habitants du village.",
            ],
            title: "Incendie", count: 4)
        #expect(cutTexts(summary, article).isEmpty)
    }

    @Test("a clause between commas goes with its commas, or with the first one before a closing clause")
    func insertedClauses() throws {
        let (summary, article) = try summary(
            [
                "La loi, votée hier soir, est contestée par les syndicats de la fonction publique.",
                "Les négociations salariales ont repris au ministère à Bercy jeudi matin, après trois semaines de blocage total, "
                    + "a indiqué la ministre de la Fonction publique.",
                "Le texte du gouvernement, présenté en juin, a été amendé.",
            ] + story.suffix(2),
            title: "Fonction publique : les syndicats contestent la loi", count: 3)
        // The third sentence's subject has four words: too long to be sure it is only a subject.
        #expect(cutTexts(summary, article) == ["inserted: , votée hier soir,", "inserted: , après trois semaines de blocage total"])
        #expect(summary.text == "La loi est contestée par les syndicats de la fonction publique. "
            + "Les négociations salariales ont repris au ministère à Bercy jeudi matin, a indiqué la ministre de la Fonction publique. "
            + "Le texte du gouvernement, présenté en juin, a été amendé.")
    }

    @Test("English sentences lose their peripheral clauses too; other languages only asides in parentheses")
    func languages() throws {
        let english = [
            "According to the local paper, a cruise ship hit a quay in the port of Venice on Sunday.",
            "The ship (a giant of 275 metres) lost control as it arrived, a witness said.",
            "Four people were hurt by the ship in Venice.",
            "The mayor of Venice promised an inquiry into the ship.",
        ]
        let (summary, article) = try summary(english, title: "Cruise ship hits quay", language: "en")
        #expect(cutTexts(summary, article) == [
            "opening: According to the local paper, ", "parenthesis:  (a giant of 275 metres)", "closing: , a witness said",
        ])
        #expect(summary.text == "A cruise ship hit a quay in the port of Venice on Sunday. The ship lost control as it arrived.")
        let (other, otherArticle) = try self.summary(english, title: "Cruise ship hits quay", language: "nl")
        #expect(cutTexts(other, otherArticle) == ["parenthesis:  (a giant of 275 metres)"])
    }

    @Test("the paragraph leaves cuts out and capitalises a sentence whose opening was cut")
    func paragraphWithCuts() {
        let text = ScalarText("Selon lui, à Paris il pleut. Hier (lundi), rien.")
        let spans = [Span(start: 0, end: 28), Span(start: 29, end: 48)]
        let cuts = [Span(start: 0, end: 11), Span(start: 33, end: 41)].map { text.byteRange(of: $0) }
        #expect(SummarizeStage.paragraph(text, spans, cuts: cuts) == "À Paris il pleut. Hier, rien.")
    }

    @Test("a summary written before cuts existed reads with none; cuts round-trip")
    func codable() throws {
        let old = #"{"method":"lead","scores":[],"selected":[],"text":"x"}"#
        let decoded = try JSONDecoder().decode(Summary.self, from: Data(old.utf8))
        #expect(decoded.cuts.isEmpty)
        let withCut = Summary(method: "lead", scores: [], selected: [], cuts: [SummaryCut(span: Span(start: 1, end: 2), reason: "closing")], text: "x")
        #expect(try JSONDecoder().decode(Summary.self, from: JSONEncoder().encode(withCut)) == withCut)
    }
}
