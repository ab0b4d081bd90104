import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("summarize stage")
struct SummarizeStageTests {
    @Test("every method scores and ranks every sentence and keeps the selection in document order",
          arguments: ["news", "lead", "luhn", "textrank", "lexrank"])
    func everyMethodKeepsAllScores(method: String) throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["method": .string(method), "sentences": 2])
        let article = try harness.run(summarizeArticle(storySentences, title: "Venise : un paquebot percute un quai"))
        let summary = try #require(article.summary)
        #expect(summary.method == method)
        #expect(summary.scores.count == storySentences.count)
        #expect(summary.scores.map(\.span) == article.sentences.map(\.span))
        #expect(summary.scores.map(\.rank).sorted() == Array(1...storySentences.count))
        #expect(summary.selected.count == 2)
        #expect(summary.selected == summary.selected.sorted())
        #expect(summary.text == expectedSummaryText(article))
        let whole = try StageHarness(SummarizeStage.self, options: ["method": .string(method), "sentences": 2, "compress": false])
            .run(summarizeArticle(storySentences, title: "Venise : un paquebot percute un quai")).summary
        #expect(whole?.cuts == [])
        #expect(whole?.text == summary.selected.map { storySentences[$0] }.joined(separator: " "))
    }

    @Test("ranks follow scores, best first, ties to the earlier sentence")
    func ranksFollowScores() throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "lead"])
        let summary = try #require(try harness.run(summarizeArticle(storySentences)).summary)
        #expect(summary.scores.map(\.rank) == [1, 2, 3, 4, 5, 6])
        #expect(summary.scores[0].score > summary.scores[1].score)
    }

    @Test("lead takes the first eligible sentences, skipping the bare quote")
    func leadSkipsIneligible() throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "lead", "sentences": 4, "redundancy": 0])
        let summary = try #require(try harness.run(summarizeArticle(storySentences)).summary)
        #expect(summary.selected == [0, 1, 2, 4])
        #expect(summary.scores[3].ineligible == "quote")
    }

    @Test("news prefers early sentences that share the title's terms")
    func newsUsesTitle() throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["sentences": 1])
        let withTitle = try harness.run(summarizeArticle(storySentences, title: "Quatre blessés à l'hôpital"))
        #expect(withTitle.summary?.selected == [2])
        let withoutTitle = try harness.run(summarizeArticle(storySentences))
        #expect(withoutTitle.summary?.selected != [2])
    }

    @Test("an empty article gets an empty summary")
    func emptyArticle() throws {
        let harness = try StageHarness(SummarizeStage.self)
        let summary = try #require(try harness.run(Article(id: "empty", text: "")).summary)
        #expect(summary.scores.isEmpty)
        #expect(summary.selected.isEmpty)
        #expect(summary.text == "")
    }

    @Test("a one-sentence article is its own summary", arguments: ["news", "lead", "luhn", "textrank", "lexrank"])
    func oneSentence(method: String) throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["method": .string(method)])
        let summary = try #require(try harness.run(summarizeArticle([storySentences[0]])).summary)
        #expect(summary.selected == [0])
        #expect(summary.scores.map(\.rank) == [1])
        #expect(summary.text == storySentences[0])
    }

    @Test("a 10,000-sentence article is summarized by the graph methods",
          arguments: ["news", "textrank", "lexrank"])
    func longArticle(method: String) throws {
        let words = ["marché", "gouvernement", "réforme", "ministre", "budget", "élection", "sécurité", "frontière",
                     "énergie", "accord", "sommet", "crise", "vote", "loi", "prix", "salaire", "grève", "port"]
        let sentences = (0..<10_000).map { i in
            "Le \(words[i % words.count]) et la \(words[(i * 7 + 3) % words.count]) du pays \(i) changent la \(words[(i * 5 + 1) % words.count]) cette semaine."
        }
        let harness = try StageHarness(SummarizeStage.self, options: ["method": .string(method)], checks: [.spans])
        let summary = try #require(try harness.run(summarizeArticle(sentences)).summary)
        #expect(summary.scores.count == 10_000)
        #expect(summary.selected.count == 3)
    }

    @Test("a word budget keeps sentences while they fit; the best sentence always goes in")
    func wordBudget() throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "lead", "words": 35, "redundancy": 0])
        let summary = try #require(try harness.run(summarizeArticle(storySentences)).summary)
        // 15 + 19 words fit in 35; no later sentence (16 words or more) does.
        #expect(summary.selected == [0, 1])
        let tiny = try StageHarness(SummarizeStage.self, options: ["method": "lead", "words": 3])
        #expect(try tiny.run(summarizeArticle(storySentences)).summary?.selected == [0])
    }

    @Test("a ratio takes that share of the sentences, at least one")
    func ratio() throws {
        let half = try StageHarness(SummarizeStage.self, options: ["method": "lead", "ratio": 0.5, "redundancy": 0])
        #expect(try half.run(summarizeArticle(storySentences)).summary?.selected == [0, 1, 2])
        let least = try StageHarness(SummarizeStage.self, options: ["method": "lead", "ratio": 0.01])
        #expect(try least.run(summarizeArticle(storySentences)).summary?.selected == [0])
    }

    @Test("a repeated sentence is never selected twice")
    func noDuplicates() throws {
        let sentences = [storySentences[0], storySentences[1], storySentences[0], storySentences[2]]
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "lead", "sentences": 3, "redundancy": 0])
        let summary = try #require(try harness.run(summarizeArticle(sentences)).summary)
        #expect(summary.scores[2].ineligible == "duplicate")
        #expect(summary.selected == [0, 1, 3])
    }

    @Test("a near-duplicate of a selected sentence is dropped even without redundancy weighting")
    func nearDuplicates() throws {
        let sentences = [
            "Le gouvernement a annoncé mardi une hausse des impôts sur les grandes entreprises.",
            "Le gouvernement a annoncé mardi une forte hausse des impôts sur les grandes entreprises.",
            "Les syndicats appellent à manifester samedi dans toute la France contre cette mesure.",
        ]
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "lead", "sentences": 2, "redundancy": 0])
        #expect(try harness.run(summarizeArticle(sentences)).summary?.selected == [0, 2])
    }

    @Test("an unknown method is refused with a suggestion")
    func unknownMethod() {
        #expect(throws: StageError.self) {
            try StageHarness(SummarizeStage.self, options: ["method": "texrank"])
        }
        do {
            _ = try StageHarness(SummarizeStage.self, options: ["method": "texrank"])
        } catch {
            #expect("\(error)".contains("did you mean 'textrank'?"))
        }
    }
}
