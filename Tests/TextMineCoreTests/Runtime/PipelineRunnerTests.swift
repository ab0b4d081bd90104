import Foundation
import Testing
@testable import TextMineCore

@Suite("PipelineRunner")
struct PipelineRunnerTests {
    let stages: [any Stage] = [try! UpperStage(options: .init()), try! FragileStage(options: .init())]

    @Test("output is in input order and identical with 1 and 8 jobs")
    func orderingDoesNotDependOnJobs() throws {
        let articles = sampleArticles(300)
        let pipeline = Pipeline(stages)
        // Small batches so that the 8-job run spans many batches.
        let one = try PipelineRunner(pipeline: pipeline, options: .init(jobs: 1, batchBytes: 2000)).run(articles)
        let eight = try PipelineRunner(pipeline: pipeline, options: .init(jobs: 8, batchBytes: 2000)).run(articles)
        #expect(withoutTimings(one.results) == withoutTimings(eight.results))
        let ids = one.results.map { result in
            switch result {
            case .success(let article): article.id
            case .failure(let failure): failure.id
            }
        }
        #expect(ids == articles.map(\.id))
    }

    @Test("several jobs process articles at the same time")
    func concurrencyIsUsed() throws {
        let probe = ConcurrencyProbe(target: 2)
        let runner = PipelineRunner(pipeline: Pipeline([ProbeStage(probe: probe)]), options: .init(jobs: 2))
        _ = try runner.run(sampleArticles(8))
        #expect(probe.maxInFlight == 2)
    }

    @Test("CPU time: one job's critical path is all of it; with several, the busiest worker's share")
    func criticalPath() throws {
        let articles = sampleArticles(300)
        let pipeline = Pipeline(stages)
        let one = try PipelineRunner(pipeline: pipeline, options: .init(jobs: 1, batchBytes: 2000)).run(articles).report
        #expect(one.cpuSeconds > 0)
        #expect(abs(one.criticalCPUSeconds - one.cpuSeconds) < 1e-9)
        let four = try PipelineRunner(pipeline: pipeline, options: .init(jobs: 4, batchBytes: 2000)).run(articles).report
        #expect(four.criticalCPUSeconds > 0)
        #expect(four.criticalCPUSeconds <= four.cpuSeconds + 1e-9)
        #expect(four.statisticsTable.contains("s on the critical path"))
    }

    @Test("skip: failed articles are reported in place and the others go on")
    func skipPolicy() throws {
        let (results, report) = try PipelineRunner(pipeline: Pipeline(stages), options: .init(jobs: 4))
            .run(sampleArticles(20))
        let failures = results.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        #expect(failures.map(\.id) == ["a3", "a10", "a17"])
        #expect(failures.first == ArticleFailure(id: "a3", source: nil, step: "fragile", error: "cannot handle boom"))
        #expect(report.succeeded == 17)
        #expect(report.failed == 3)
        #expect(report.stoppedBy == nil)
        let fragile = try #require(report.steps.first { $0.name == "fragile" })
        #expect(fragile.calls == 20)
        #expect(fragile.failures == 3)
        #expect(report.steps.map(\.name) == ["input", "upper", "fragile", "output"])
    }

    @Test("fail: the run stops at the first failure in input order")
    func failPolicy() throws {
        let runner = PipelineRunner(pipeline: Pipeline(stages), options: .init(jobs: 4, errorPolicy: .fail))
        let (results, report) = try runner.run(sampleArticles(20))
        #expect(report.stoppedBy?.id == "a3")
        #expect(report.stoppedBy?.step == "fragile")
        #expect(results.count == 4)  // a0, a1, a2 and the failure
        #expect(report.succeeded == 3)
        #expect(report.failed == 1)
        #expect(report.stoppedBy?.description == "article 'a3': step 'fragile' failed: cannot handle boom")
    }

    @Test("each step leaves a trace, and articles get the pipeline's language")
    func traceAndLanguage() throws {
        var english = Article(id: "en", text: "Hello.")
        english.language = "en"
        let (results, _) = try PipelineRunner(pipeline: Pipeline(stages, language: "fr"))
            .run([Article(id: "x", text: "Bonjour."), english])
        let articles = try results.map { try $0.get() }
        #expect(articles.map(\.language) == ["fr", "en"])
        #expect(articles[0].trace.map(\.step) == ["upper", "fragile"])
    }

    @Test("a corpus stage prepares on every article as the earlier steps left them")
    func corpusStage() throws {
        let pipeline = Pipeline([try UpperStage(options: .init()), try CorpusCountStage(options: .init()),
                                 try FragileStage(options: .init())])
        let runner = PipelineRunner(pipeline: pipeline, options: .init(jobs: 3, batchBytes: 100))
        let (results, report) = try runner.run(sampleArticles(10))
        let articles = results.compactMap { try? $0.get() }
        // a3 fails after the corpus stage: it was part of the corpus.
        #expect(articles.count == 9)
        #expect(articles.allSatisfy { $0.metadata["corpus"]?.value == 10 })
        #expect(articles.allSatisfy { $0.metadata["upper"]?.value == 10 })
        #expect(report.failed == 1)
    }

    @Test("an article over max-article-bytes fails before any step, naming the limit; the others go on")
    func articleSizeLimit() throws {
        let articles = [Article(id: "small", text: "abc"), Article(id: "big", text: String(repeating: "x", count: 101)),
                        Article(id: "fits", text: String(repeating: "é", count: 50))]
        let runner = PipelineRunner(pipeline: Pipeline(stages), options: .init(jobs: 1, limits: RunLimits(maxArticleBytes: 100)))
        let (results, report) = try runner.run(articles)
        #expect(report.succeeded == 2)
        let failures = results.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        #expect(failures == [ArticleFailure(id: "big", source: nil, step: ArticleFailure.inputStep,
                                            error: "the article is 101 bytes, over limits.max-article-bytes (100)")])
    }

    /// A step that overruns `limits.step-timeout`: one that returns late ("took"), one that checks
    /// its deadline and is stopped there ("was stopped after").
    static let timeouts: [(stage: any Stage.Type, text: String, says: String)] = [
        (SlowStage.self, "slow one", "took"),
        (LoopingStage.self, "endless", "was stopped after"),
    ]

    @Test("an article on which a step overruns step-timeout fails after that step, whether it returns late or checks its deadline; later steps do not run on it; --stats counts it",
          arguments: 0..<timeouts.count)
    func stepTimeout(case index: Int) throws {
        let (stage, text, says) = Self.timeouts[index]
        let pipeline = Pipeline([try stage.init(options: .init()), try UpperStage(options: .init())])
        let runner = PipelineRunner(pipeline: pipeline, options: .init(jobs: 1, limits: RunLimits(stepTimeout: 0.5)))
        let (results, report) = try runner.run([Article(id: "a", text: "quick"), Article(id: "b", text: text)])
        guard case .success(let quick) = results[0], case .failure(let timedOut) = results[1] else {
            Issue.record("expected a success then a failure: \(results)")
            return
        }
        let step = stage.description.id.rawValue
        #expect(quick.text == "QUICK")
        #expect(timedOut.step == step)
        #expect(timedOut.error.hasPrefix("step '\(step)' \(says) "))
        #expect(timedOut.error.hasSuffix(" s on this article, over limits.step-timeout (0.5 s)"))
        #expect(report.steps.first { $0.name == step }?.failures == 1)
        #expect(report.failed == 1)
    }

    @Test("the watch names the article in progress and its step, and forgets it when done")
    func watchTracksArticles() throws {
        let watch = ArticleWatch()
        let probe = WatchProbe(watch: watch)
        let runner = PipelineRunner(pipeline: Pipeline([WatchProbeStage(probe: probe)]), options: .init(jobs: 1, watch: watch))
        _ = try runner.run([Article(id: "first", text: "a"), Article(id: "second", text: "b")])
        #expect(probe.seen == ["first in watch-probe", "second in watch-probe"])
        #expect(watch.longestRunning == nil)
    }

    @Test("a stage that cannot start is reported at its step's position")
    func stageInitFailure() throws {
        let registry = StageRegistry([UpperStage.self, BrokenStartStage.self])
        let plan = PipelinePlan(file: "p.yaml", steps: [
            PlannedStep(name: "upper", stage: "upper", options: StageOptions(), line: 3, column: 7),
            PlannedStep(name: "model", stage: "broken-start", options: StageOptions(["model": "x.bin"]), line: 4, column: 7),
            PlannedStep(name: "gone", stage: "uper", options: StageOptions(), line: 6, column: 7),
        ])
        let error = #expect(throws: DiagnosticsError.self) { try Pipeline(plan: plan, registry: registry) }
        #expect(error?.diagnostics.map(\.description) == [
            "p.yaml:4:7: error: stage 'broken-start' (step 'model') cannot start: model file 'x.bin' not found\n    hint: check option 'model'",
            "p.yaml:6:7: error: unknown stage 'uper'\n    hint: did you mean 'upper'?",
        ])
    }
}
