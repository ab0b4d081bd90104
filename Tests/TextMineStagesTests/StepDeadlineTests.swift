import Foundation
import Testing
import TextMineCore
import TextMineTesting
@testable import TextMineStages

/// The built-in stages with long loops give up when their step's time budget
/// (`limits.step-timeout`) is spent, instead of running on until they return.
@Suite("built-in stages stop at the step's deadline")
struct StepDeadlineTests {
    /// A French article of 40 sentences, split and tokenized, with a title.
    private func article() throws -> Article {
        let text = (1...40).map { "Le président Emmanuel Macron a rencontré à Paris le ministre numéro \($0) de l’Union européenne." }
            .joined(separator: "\n\n")
        var article = try StageHarness(SentencesStage.self).run(text, language: "fr")
        article = try StageHarness(TokensStage.self).run(article)
        return article
    }

    /// A deadline that passed: the step started ten seconds ago with a one-second budget.
    private var passed: StepDeadline {
        RunLimits(stepTimeout: 1).deadline(startingAt: SystemClock.nanoseconds - 10_000_000_000)
    }

    @Test("clean, boilerplate, entities, summarize and keywords throw an error naming the step and the limit",
          arguments: [CleanStage.self, BoilerplateStage.self, EntitiesStage.self, SummarizeStage.self,
                      KeywordsStage.self] as [any Stage.Type])
    func stopsWhenPassed(_ type: any Stage.Type) throws {
        let harness = try StageHarness(type)
        var article = try article()
        let context = StageContext(step: "step-\(type.description.id.rawValue)", deadline: passed)
        do {
            try harness.stage.process(&article, context: context)
            Issue.record("\(type.description.id.rawValue) ran to the end past its deadline")
        } catch let error as StageError {
            #expect(error.message.hasPrefix("step 'step-\(type.description.id.rawValue)' was stopped after 10"))
            #expect(error.message.hasSuffix(" s on this article, over limits.step-timeout (1 s)"))
        }
    }

    @Test("a deadline still ahead changes nothing", arguments: [EntitiesStage.self, KeywordsStage.self] as [any Stage.Type])
    func aheadChangesNothing(_ type: any Stage.Type) throws {
        let harness = try StageHarness(type)
        let start = try article()
        var unlimited = start
        try harness.stage.process(&unlimited, context: StageContext(step: "step"))
        var limited = start
        let ahead = RunLimits(stepTimeout: 3600).deadline(startingAt: SystemClock.nanoseconds)
        try harness.stage.process(&limited, context: StageContext(step: "step", deadline: ahead))
        #expect(limited == unlimited)
    }
}
