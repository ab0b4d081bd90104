import Foundation
import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

@Suite("summaries that read as prose")
struct FluentSummaryTests {
    /// Which of these sentences (one paragraph) cannot stand alone.
    private func dependent(_ sentences: [String]) -> [Bool] {
        let article = summarizeArticle(sentences)
        return SentenceOpening().dependentSentences(text: article.scalarText, spans: article.sentences.map(\.span))
    }

    @Test("pronouns, connectives, quotation tails and pronoun attributions make a sentence dependent")
    func dependentSentences() {
        #expect(dependent([
            "Le Kremlin a répondu mardi aux propositions américaines.",
            "Il estime que rien n'est réglé.",
            "Mais Washington maintient sa position.",
            "En revanche, Paris appelle au calme.",
            "« Nous sommes prêts au dialogue.",
            "Mais pas à n'importe quel prix », a déclaré Dmitri Peskov.",
            "« Nous restons ouverts », a-t-il déclaré.",
            "Ce vendredi, les ministres se retrouvent à Genève.",
            "Alors que les tensions montent, l'OTAN renforce sa présence.",
        ]) == [false, true, true, true, false, true, true, false, false])
        #expect(dependent(["However, talks will go on.", "The talks will go on, he said."]) == [true, true])
        // An impersonal `il` after a comma attributes nothing; an inverted or `selon` pronoun does.
        #expect(dependent([
            "Le Kremlin a répondu mardi aux propositions américaines.",
            "Les prix de l'énergie flambent, il faut agir.",
            "Le plan sera prêt en juin, a-t-elle assuré.",
            "Le plan sera prêt en juin, selon lui.",
            "« Le plan sera prêt en juin », il en est sûr.",
        ]) == [false, false, true, true, false])
    }

    @Test("a dependent sentence comes with the sentence before it, or not at all")
    func dependentComesWithAntecedent() throws {
        let sentences = [
            "Un paquebot de croisière a percuté un quai dimanche matin dans le port de Venise.",
            "Il transportait plus de 2.600 passagers et quatre personnes ont été blessées à Venise par le paquebot.",
            "Les habitants réclament depuis des années l'interdiction des paquebots dans la lagune.",
        ]
        let pairs = try StageHarness(SummarizeStage.self, options: ["method": "luhn", "sentences": 2, "redundancy": 0])
            .run(summarizeArticle(sentences))
        let summary = try #require(pairs.summary)
        if summary.selected.contains(1) { #expect(summary.selected == [0, 1]) }
        #expect(!SummaryFluency.hasOrphanOpening(pairs))
        // One sentence leaves no room for the pair: the dependent sentence is passed over.
        let one = try StageHarness(SummarizeStage.self, options: ["method": "luhn", "sentences": 1]).run(summarizeArticle(sentences))
        #expect(one.summary?.selected != [1])
        // The article's first sentence leans on nothing (`Il pleut` is impersonal): it stays eligible.
        let first = try StageHarness(SummarizeStage.self).run(summarizeArticle(["Il pleut sur Venise depuis trois jours.", sentences[2]]))
        #expect(first.summary?.scores[0].ineligible == nil)
        // A dependent sentence after an ineligible one can never be taken; dependent: keep takes it.
        let story = ["« Venise ! »", "Il pleut sur Venise depuis trois jours et la lagune déborde.", sentences[2]]
        let held = try StageHarness(SummarizeStage.self).run(summarizeArticle(story))
        #expect(held.summary?.scores[1].ineligible == "dependent")
        let kept = try StageHarness(SummarizeStage.self, options: ["dependent": "keep"]).run(summarizeArticle(story))
        #expect(kept.summary?.scores[1].ineligible == nil)
    }

    @Test("the summary text is one paragraph")
    func oneParagraph() throws {
        let text = ScalarText("Une phrase\nsur deux lignes. Une  autre.\r\n\tÉté. ")
        let spans = [Span(start: 0, end: 27), Span(start: 28, end: 39), Span(start: 39, end: 46)]
        #expect(SummarizeStage.paragraph(text, spans) == "Une phrase sur deux lignes. Une autre. Été.")
        #expect(SummarizeStage.paragraph(text, []) == "")
    }

    @Test("the fluency checker finds debris and leaves clean prose and ellipses alone")
    func debrisChecker() {
        #expect(SummaryFluency.hasDebris("la frontière ukrainienne. . Selon le Kremlin"))
        #expect(SummaryFluency.hasDebris("Dmitri Peskov. , a rapporté Reuters."))
        #expect(SummaryFluency.hasDebris("UNE La BBC a fait un résumé."))
        #expect(SummaryFluency.hasDebris("Il a dit , puis est parti."))
        #expect(!SummaryFluency.hasDebris("Il hésite... Puis. . . rien, etc., et « oui ». Fin."))
        #expect(!SummaryFluency.hasDebris("Dmitri Peskov, a rapporté Reuters. La BBC a fait un résumé."))
    }
}

@Suite("learned sentence ranker")
struct LearnedRankerTests {
    /// A tiny training set: the reference repeats the article's third sentence.
    private func trainer() -> RankerTrainer {
        var trainer = RankerTrainer(settings: RankerTrainer.Settings())
        for k in 0..<6 {
            var article = summarizeArticle(storySentences.shuffledDeterministically(k))
            article.language = "fr"
            trainer.add(article, reference: storySentences[2])
        }
        return trainer
    }

    @Test("the oracle picks the sentences closest to the reference")
    func oracle() {
        let sentences = ["a b c", "d e f", "a b x"].map { Rouge.tokens($0) }
        let chosen = RankerTrainer.oracle(sentences: sentences, eligible: [true, true, true], reference: Rouge.tokens("a b c"), limit: 2)
        #expect(chosen == [0])
    }

    @Test("training is deterministic and the model round-trips through its file")
    func deterministic() throws {
        var one = trainer(), two = trainer()
        let first = one.train()
        let second = two.train()
        #expect(first == second)
        #expect(first.features == SentenceFeature.allCases.map(\.rawValue))
        #expect(first.weights.allSatisfy { $0.isFinite })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ranker-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try first.write(to: path)
        #expect(try RankerModel.read(contentsOf: path) == first)
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "learned", "model": .string(path), "sentences": 2])
        let summary = try #require(try harness.run(summarizeArticle(storySentences)).summary)
        #expect(summary.method == "learned")
        #expect(summary.scores.allSatisfy { $0.features?.count == SentenceFeature.allCases.count })
        #expect(summary.selected.count == 2)
    }

    @Test("the built-in French ranker loads and explains every score")
    func builtIn() throws {
        let harness = try StageHarness(SummarizeStage.self, options: ["method": "learned"])
        let summary = try #require(try harness.run(summarizeArticle(storySentences)).summary)
        let features = try #require(summary.scores.first?.features)
        #expect(features["position"] == 1)
        #expect(features["first"] == 1)
    }

    @Test("the word lexicon weighs words of oracle sentences up, folds case, accents and plurals, and gives four features")
    func lexicon() throws {
        var counts = SentenceLexiconCounts()
        let normalizer = TermNormalizer()
        func keys(_ words: [String]) -> [UInt64] { words.map { normalizer.normalize($0).key } }
        for (word, spelling) in [("blessés", "blessés"), ("selon", "selon"), ("jour", "jour")] {
            counts.spell(normalizer.normalize(word).key, spelling)
        }
        for _ in 0..<4 { counts.add(keys: Set(keys(["blessés", "jour"])), oracle: true, fold: 0) }
        for _ in 0..<4 { counts.add(keys: Set(keys(["selon", "jour"])), oracle: false, fold: 1) }
        let words = counts.weights(folds: [0, 1], minCount: 4)
        #expect(Set(words.keys) == ["blessés", "selon", "jour"])
        #expect(try #require(words["blessés"]) > 0)
        #expect(try #require(words["selon"]) < 0)
        #expect(counts.weights(folds: [0, 1], minCount: 9).isEmpty)
        let lexicon = SentenceLexicon(words: words)
        #expect(lexicon.weight(normalizer.normalize("Blesse").key) == words["blessés"])
        let sentence = keys(["Selon", "lui", "blessés", "jour"])
        let features = lexicon.features(sentence[...])
        let (blessés, selon, jour) = (words["blessés"]!, words["selon"]!, words["jour"]!)
        #expect(abs(features.mean - (selon + blessés + jour) / 4) < 1e-12)
        #expect(features.highest == blessés)
        #expect(features.lowest == selon)
        #expect(abs(features.opening - (selon + blessés) / 3) < 1e-12)
        #expect(lexicon.features([][...]) == (0, 0, 0, 0))
    }

    @Test("with a length prior, a few sentences are chosen together: near the length, a dependent one with its antecedent, no repeat")
    func jointSelection() {
        let sentences = [
            "Le paquebot a heurté un quai du port de Venise dimanche matin devant des centaines de touristes effrayés par le bruit.",
            "Quatre personnes ont été blessées légèrement.",
            "Elle a ensuite ouvert une enquête sur les remorqueurs.",
            "Le maire de la ville a promis une enquête complète sur cet accident et sur les remorqueurs du port, dès la semaine prochaine, avec les experts.",
            "Le maire de la ville a promis une enquête complète sur cet accident et sur les remorqueurs du port, dès la semaine prochaine, avec les experts !",
        ]
        let article = summarizeArticle(sentences)
        let document = SummaryDocument(
            text: article.scalarText, spans: article.sentences.map(\.span), title: nil,
            stopwords: PackTerms.builtIn.stopwords(for: "fr"), normalizer: TermNormalizer())
        let selector = SentenceSelector(redundancy: 0.3)
        let eligible = [Bool](repeating: true, count: sentences.count)
        let scores = [2.0, 1.0, 1.6, 1.9, 1.8]
        // Greedy: the best score, then the best of the rest. Jointly, near 2 × 8 words (the
        // sentences have 21, 6, 9, 26 and 26 words): the two short ones win.
        #expect(selector.select(scores: scores, eligible: eligible, document: document, length: .sentences(2)) == [0, 3])
        let prior = LengthPrior(wordsPerSentence: 8, weight: 0.2, redundancy: 0)
        #expect(selector.select(scores: scores, eligible: eligible, document: document, length: .sentences(2), lengthPrior: prior) == [1, 2])
        // The third sentence leans on the second: it comes with it or not at all.
        let dependent = [false, false, true, false, false]
        #expect(selector.select(
            scores: [2.0, 0.0, 1.6, 1.9, 1.8], eligible: eligible, dependent: dependent, document: document, length: .sentences(2),
            lengthPrior: prior) == [1, 2])
        #expect(selector.select(
            scores: scores, eligible: [true, false, true, true, true], dependent: dependent, document: document, length: .sentences(2),
            lengthPrior: prior) == [0, 3])
        // The two near-identical sentences are never chosen together, however well they fit.
        let long = LengthPrior(wordsPerSentence: 27, weight: 0.2, redundancy: 0)
        #expect(selector.select(scores: [0, 0, 0, 1.9, 1.8], eligible: eligible, document: document, length: .sentences(2), lengthPrior: long) != [3, 4])
        // More sentences than a joint choice takes: greedy (all but one of the near-duplicates).
        #expect(selector.select(scores: scores, eligible: eligible, document: document, length: .sentences(5), lengthPrior: prior).count == 4)
    }

    @Test("a model file that is not a ranker is refused with its path")
    func badModel() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"format\": \"other\"}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StageError.self) { try RankerModel.read(contentsOf: path) }
    }
}

private extension Array {
    /// The array rotated by `k` (a deterministic reordering for tests).
    func shuffledDeterministically(_ k: Int) -> [Element] {
        guard !isEmpty else { return self }
        let shift = k % count
        return Array(self[shift...] + self[..<shift])
    }
}
