import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("summary eligibility")
struct SentenceEligibilityTests {
    /// The ineligibility reason the stage records for each sentence.
    func reasons(_ sentences: [String], options: [String: JSONValue] = [:], blocks: [Block] = []) throws -> [String?] {
        var article = summarizeArticle(sentences)
        article.blocks = blocks
        let summary = try #require(try StageHarness(SummarizeStage.self, options: options).run(article).summary)
        return summary.scores.map(\.ineligible)
    }

    @Test("complete sentences are eligible, with or without quotes that are attributed")
    func completeSentences() throws {
        #expect(try reasons([
            "Le ministre a démissionné mardi soir après trois jours de polémique.",
            "« Nous sommes prêts au dialogue », a déclaré le porte-parole du Kremlin.",
            "Selon lui, « rien n'est encore décidé ».",
            "2022 sera une année décisive pour la réforme des retraites.",
        ]) == [nil, nil, nil, nil])
    }

    @Test("fragments: lowercase or punctuation start, no final punctuation")
    func fragments() throws {
        #expect(try reasons([
            "partagent de larges liens culturels et ancestraux avec leurs voisins.",
            ", a rapporté Reuters dans un communiqué publié jeudi.",
            "Le secrétaire général de l'alliance militaire Jens Stoltenberg",
            "Le ministre a confirmé la nouvelle :",
        ]) == ["fragment", "fragment", "fragment", "fragment"])
    }

    @Test("a quotation with nothing else is a bare quote")
    func bareQuotes() throws {
        #expect(try reasons([
            "« On ne peut pas dire que nos points de vue ont été pris en compte. »",
            "“This is not the end of the story,” she said.",
            "\"We will never accept such a deal with anyone.\"",
        ], options: ["dependent": "keep"]) == ["quote", nil, "quote"])
        // By default the attributed quote leans on its speaker, named nowhere before it.
        #expect(try reasons([
            "« On ne peut pas dire que nos points de vue ont été pris en compte. »",
            "“This is not the end of the story,” she said.",
        ]) == ["quote", "dependent"])
    }

    @Test("boilerplate: sharing and reading prompts, capitals credits, boilerplate blocks")
    func boilerplate() throws {
        let sentences = [
            "Lire aussi : la Russie masse des troupes à la frontière.",
            "Share Post: Facebook Twitter LinkedIn and more.",
            "EPA/SERGEY DOLZHENKO PHOTO AGENCY.",
            "Le texte sera examiné par le Sénat à partir de lundi prochain.",
            "Shares of the company rose five percent on Monday morning.",
        ]
        #expect(try reasons(sentences) == ["boilerplate", "boilerplate", "boilerplate", nil, nil])
        let text = sentences.joined(separator: " ")
        let start = sentences[0...2].joined(separator: " ").unicodeScalars.count + 1
        let block = Block(span: Span(start: start, end: text.unicodeScalars.count), role: .boilerplate)
        #expect(try reasons(sentences, blocks: [block]) == ["boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate"])
    }

    @Test("length limits come from min-words and max-words")
    func lengthLimits() throws {
        let sentences = ["Il pleut.", "Le conseil municipal a voté le budget de la ville jeudi soir."]
        #expect(try reasons(sentences) == ["too-short", nil])
        #expect(try reasons(sentences, options: ["max-words": 5]) == ["too-short", "too-long"])
        #expect(try reasons(sentences, options: ["min-words": 1]) == [nil, nil])
    }

    @Test("no eligible sentence gives an empty selection but every score is kept")
    func nothingEligible() throws {
        let summary = try #require(try StageHarness(SummarizeStage.self).run(summarizeArticle(["Il pleut.", "ok"])).summary)
        #expect(summary.selected.isEmpty)
        #expect(summary.text == "")
        #expect(summary.scores.map(\.ineligible) == ["too-short", "fragment"])
    }
}
