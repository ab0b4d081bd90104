import Foundation
import Testing
import TextMineCore
import TextMineStages

@Suite("ROUGE")
struct RougeTests {
    @Test("identical texts score 1; disjoint ones 0; empty ones 0")
    func extremes() {
        #expect(Rouge.score(candidate: "Le chat dort.", reference: "le CHAT dort") == RougeScore(rouge1: 1, rouge2: 1, rougeL: 1))
        #expect(Rouge.score(candidate: "un deux", reference: "trois quatre") == RougeScore(rouge1: 0, rouge2: 0, rougeL: 0))
        #expect(Rouge.score(candidate: "", reference: "trois quatre") == RougeScore(rouge1: 0, rouge2: 0, rougeL: 0))
    }

    @Test("hand-computed example: clipped counts, bigrams and LCS")
    func handComputed() {
        // candidate: the cat the cat sat (5), reference: the cat sat on the mat (6)
        // R1 overlap: the ×2 (clipped to 2), cat 1, sat 1 = 4 → P 4/5, R 4/6 → F 8/11
        // R2: candidate bigrams the-cat ×2, cat-the, cat-sat; reference the-cat, cat-sat, sat-on, on-the, the-mat
        //     overlap the-cat 1, cat-sat 1 = 2 → P 2/4, R 2/5 → F 4/9
        // LCS: the cat sat … (the cat sat) = 3? "the cat the cat sat" vs "the cat sat on the mat": the cat sat = 3
        //     → P 3/5, R 3/6 → F 6/11
        let score = Rouge.score(candidate: "the cat the cat sat", reference: "The cat sat on the mat.")
        #expect(abs(score.rouge1 - 8.0 / 11) < 1e-12)
        #expect(abs(score.rouge2 - 4.0 / 9) < 1e-12)
        #expect(abs(score.rougeL - 6.0 / 11) < 1e-12)
    }

    @Test("tokens are lowercase Unicode word runs; accents are kept, punctuation splits")
    func tokenization() {
        #expect(Rouge.tokens("L’Élysée a dit : « non ».") == Rouge.tokens("l élysée A DIT non"))
        #expect(Rouge.tokens("élysée") != Rouge.tokens("elysee"))
        #expect(Rouge.tokens("2.600 passagers_x").count == 3)
    }

    @Test("ROUGE-L is the longest common subsequence over the whole summary, not per sentence")
    func summaryLevelLCS() {
        // Across the sentence boundary, "b c" then "d" still form a subsequence b c d of length 3.
        let score = Rouge.score(candidate: "a b c. d e", reference: "b c d")
        #expect(abs(score.rougeL - 2 * (3.0 / 5) * 1 / (3.0 / 5 + 1)) < 1e-12)
    }

    @Test("the evaluation averages per document and scores lead-k on the article's sentences")
    func evaluationMeans() {
        var evaluation = SummaryEvaluation()
        var article = summarizeArticle(["Un deux trois.", "Quatre cinq six."])
        article.summary = Summary(method: "test", scores: [], selected: [1], text: "Quatre cinq six.")
        evaluation.add(article, reference: "quatre cinq six")
        evaluation.add(Article(id: "empty", text: ""), reference: "quatre cinq six")
        #expect(evaluation.documents == 2)
        #expect(evaluation.mean == RougeScore(rouge1: 0.5, rouge2: 0.5, rougeL: 0.5))
        #expect(evaluation.lead(1) == RougeScore(rouge1: 0, rouge2: 0, rougeL: 0))
        #expect(abs(evaluation.lead(2).rouge1 - (2.0 / 3) / 2) < 1e-12)
    }

    @Test("references are read from JSONL; a bad line is reported with its number")
    func readingReferences() throws {
        let jsonl = """
            {"id": "a", "text": "Un texte.", "summary": "Un résumé.", "title": "Titre"}

            {"id": 7, "text": "Deux.", "summary": "Deux."}
            """
        let references = try SummaryReference.read(jsonl: Data(jsonl.utf8), file: "refs.jsonl")
        #expect(references.map(\.id) == ["a", "7"])
        #expect(references[0].article.metadata["title"]?.value == .string("Titre"))
        #expect(try SummaryReference.read(jsonl: Data(jsonl.utf8), file: "refs.jsonl", limit: 1).count == 1)
        #expect {
            try SummaryReference.read(jsonl: Data("{\"id\": \"a\", \"text\": \"x\"}\n".utf8), file: "refs.jsonl")
        } throws: { error in
            "\(error)" == "refs.jsonl:1: missing string field 'summary'"
        }
    }
}
