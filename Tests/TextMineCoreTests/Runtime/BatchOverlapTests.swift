import Foundation
import Testing
@testable import TextMineCore

@Suite("PipelineRunner: reading and writing overlap the work")
struct BatchOverlapTests {
    @Test("with several jobs, while a batch runs, the next one is read and the previous one written", arguments: [2, 4])
    func readingAndWritingOverlap(jobs: Int) throws {
        let probe = OverlapProbe()
        let input = ProbedInput(articles: sampleArticles(4).filter { $0.id != "a3" }, probe: probe)
        let sink = ProbedSink(probe: probe)
        // One article per batch: a1 runs after a0 is done, and waits for a0 to be written and a2 to
        // be read, which only the calling thread can do, and only while a1 runs.
        let runner = PipelineRunner(pipeline: Pipeline([OverlapStage(probe: probe, waitingIn: "a1")]),
                                    options: .init(jobs: jobs, batchBytes: 1))
        let report = try runner.run(input, into: sink)
        #expect(probe.sawOverlap)
        #expect(sink.ids == ["a0", "a1", "a2"])
        #expect(report.succeeded == 3)
        #expect(report.criticalCPUSeconds <= report.cpuSeconds + 1e-9)
    }

    @Test("with one job, the calling thread processes every article itself, one core's work")
    func oneJobStaysOnTheCallingThread() throws {
        let threads = ThreadLog()
        let runner = PipelineRunner(pipeline: Pipeline([ThreadLogStage(log: threads)]),
                                    options: .init(jobs: 1, batchBytes: 1))
        let caller = ObjectIdentifier(Thread.current)
        let (results, report) = try runner.run(sampleArticles(5))
        #expect(results.count == 5)
        #expect(threads.seen == [caller])
        #expect(abs(report.criticalCPUSeconds - report.cpuSeconds) < 1e-9)
    }
}

/// The threads a stage ran on.
private final class ThreadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var threads: Set<ObjectIdentifier> = []
    var seen: Set<ObjectIdentifier> { lock.withLock { threads } }
    func record() { lock.withLock { _ = threads.insert(ObjectIdentifier(Thread.current)) } }
}

private struct ThreadLogStage: Stage {
    static let description = StageDescription(id: "thread-log", abstract: "Records its threads.")
    let log: ThreadLog
    init(options: StageOptions) throws { throw StageError("built in tests only") }
    init(log: ThreadLog) { self.log = log }
    func process(_ article: inout Article, context: StageContext) throws { log.record() }
}

/// What the calling thread did, seen from a stage on a worker thread.
private final class OverlapProbe: @unchecked Sendable {
    private let condition = NSCondition()
    private var read = 0
    private var written: [String] = []
    private(set) var sawOverlap = false

    func didRead() { update { $0.read += 1 } }
    func didWrite(_ id: String) { update { $0.written.append(id) } }

    /// Waits (10 s at most, far more than needed) until two articles have been read after `id`'s
    /// and one written before it.
    func waitForOverlap() {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(10)
        while !(read >= 3 && written == ["a0"]), condition.wait(until: deadline) {}
        sawOverlap = read >= 3 && written == ["a0"]
    }

    private func update(_ change: (OverlapProbe) -> Void) {
        condition.lock()
        change(self)
        condition.broadcast()
        condition.unlock()
    }
}

/// Articles as input items, counting each one taken.
private struct ProbedInput: Sequence {
    let articles: [Article]
    let probe: OverlapProbe

    func makeIterator() -> AnyIterator<InputItem> {
        var rest = articles[...]
        return AnyIterator {
            guard let article = rest.popFirst() else { return nil }
            probe.didRead()
            return .article(article)
        }
    }
}

/// Keeps the ids of the articles written, telling the probe.
private final class ProbedSink: ResultSink {
    let probe: OverlapProbe
    private(set) var ids: [String] = []

    init(probe: OverlapProbe) { self.probe = probe }

    let render: @Sendable (Article) throws -> Article = { $0 }
    func accept(_ article: Article) {
        ids.append(article.id)
        probe.didWrite(article.id)
    }
    func reject(_ failure: ArticleFailure) { ids.append(failure.id) }
}

/// Waits for the probe's overlap while processing one article.
private struct OverlapStage: Stage {
    static let description = StageDescription(id: "overlap", abstract: "Waits for reading and writing.")
    let probe: OverlapProbe
    let waitingIn: String
    init(options: StageOptions) throws { throw StageError("built in tests only") }
    init(probe: OverlapProbe, waitingIn: String) {
        self.probe = probe
        self.waitingIn = waitingIn
    }
    func process(_ article: inout Article, context: StageContext) throws {
        if article.id == waitingIn { probe.waitForOverlap() }
    }
}
