import Testing
import TextMineCore
import TextMineTesting

/// Removes every word "Publicité" from the text, as a well-behaved stage does.
private struct DropAds: Stage {
    static let word = StageOption<String>("word", default: "Publicité",
        doc: "The word to remove.")
    static let description = StageDescription(
        id: "drop-ads", abstract: "Removes the word 'Publicité'.",
        options: [word])
    let word: String
    init(options: StageOptions) throws { word = options[Self.word] }
    func process(_ article: inout Article, context: StageContext) throws {
        let scalars = Array(article.text.unicodeScalars)
        let needle = Array(word.unicodeScalars)
        var edits: [TextEdit] = []
        var i = 0
        while i + needle.count <= scalars.count {
            if Array(scalars[i..<i + needle.count]) == needle {
                edits.append(.remove(Span(start: i, end: i + needle.count), reason: "ad"))
                i += needle.count
            } else {
                i += 1
            }
        }
        try article.applyEdits(edits, step: context.step)
    }
}

/// Breaks the contract: assigns `text` directly, so the removed text is lost.
private struct Overwrite: Stage {
    static let description = StageDescription(
        id: "overwrite", abstract: "Overwrites the text.")
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws { article.text = "gone" }
}

/// Counts sentences: needs them, and clean text.
private struct CountSentences: Stage {
    static let description = StageDescription(
        id: "count-sentences", abstract: "Counts sentences.", requires: [.sentences, .cleanText])
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws {
        article.layers["count"] = .int(article.sentences.count)
    }
}

@Suite("StageHarness")
struct StageHarnessTests {
    @Test("a stage whose requirements the article does not show fails, naming what is missing")
    func unmetRequirements() throws {
        let harness = try StageHarness(CountSentences.self)
        #expect(throws: StageHarness.MissingCapabilities(step: "count-sentences", article: "test",
                                                         missing: [.cleanText, .sentences])) {
            try harness.run("Une phrase. Deux phrases.")
        }
        #expect(StageHarness.MissingCapabilities(step: "s", article: "a", missing: [.sentences]).description
            == "stage 's' requires 'sentences', which article 'a' does not have: run the stages that produce it first "
            + "(or a PipelineHarness), fill the article's fields, or list it in the harness's given:")
        var article = Article(id: "a", text: "Une phrase. Deux phrases.")
        article.sentences = [Sentence(span: Span(start: 0, end: 11)), Sentence(span: Span(start: 12, end: 25))]
        let given = try StageHarness(CountSentences.self, given: [.cleanText])
        #expect(try given.run(article).layers["count"] == 2)
        #expect(try given.run("").layers["count"] == 0, "a blank text needs no sentences")
    }

    @Test("runs a stage with validated options and shows its removals")
    func runsStage() throws {
        let harness = try StageHarness(DropAds.self, options: ["word": "Pub"], step: "ads")
        let article = try harness.run("Pub Le texte. Pub")
        #expect(article.text == " Le texte. ")
        #expect(article.removedTexts == ["Pub", "Pub"])
        #expect(article.removals(by: "ads").map(\.original) == [Span(start: 0, end: 3), Span(start: 14, end: 17)])
    }

    @Test("an invalid option is refused with the schema's message")
    func invalidOption() {
        #expect(throws: StageError.self) { try StageHarness(DropAds.self, options: ["word": 3]) }
        #expect(throws: StageError.self) { try StageHarness(DropAds.self, options: ["wrod": "x"]) }
    }

    @Test("a stage that assigns text directly is reported as breaking the contract")
    func contractViolationIsRecorded() throws {
        let harness = try StageHarness(Overwrite.self)
        try withKnownIssue {
            _ = try harness.run("Le texte complet.")
        } matching: { issue in
            issue.description.contains("'text' was assigned directly")
        }
    }

    @Test("the contract check finds spans outside the text and removals that do not match the original")
    func contractSpanChecks() {
        var article = Article(id: "a", text: "abc")
        article.sentences = [Sentence(span: Span(start: 0, end: 9))]
        article.removals = [Removal(text: "zz", original: Span(start: 0, end: 2), step: "s", reason: "r")]
        let problems = StageContract.violations(before: article, after: article, checks: .spans)
        #expect(problems == [
            "sentence span [0, 9) lies outside the text (3 scalars)",
            "removal [0, 2) says 'zz' but the original text there is 'ab'",
        ])
        var summarized = Article(id: "a", text: "Un. Deux.")
        summarized.summary = Summary(
            method: "lead", scores: [ScoredSentence(span: Span(start: 0, end: 3), score: 1, rank: 1),
                                     ScoredSentence(span: Span(start: 4, end: 9), score: 0, rank: 2)],
            selected: [0], cuts: [SummaryCut(span: Span(start: 4, end: 5), reason: "aside")], text: "Un.")
        #expect(StageContract.violations(before: summarized, after: summarized, checks: .spans)
            == ["summary.cuts: [4, 5) is not inside a selected sentence"])
    }
}
