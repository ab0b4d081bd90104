import Foundation

/// Runs articles through a ``Pipeline``: concurrently, streaming, with output in input order.
///
/// Input is taken in batches of about ``Options/batchBytes``; each batch is read, decoded, processed
/// and rendered by `jobs` worker threads, then handed to the sink in input order (and the sink
/// flushed), so memory stays bounded and the output does not depend on `jobs`. With several jobs, the
/// calling thread reads the next batch and writes the previous one while a batch runs (``BatchRun``). Input that arrives
/// slowly (an ``IdleAwareIterator``: standard input) is processed as soon as it goes idle for
/// ``Options/idleSeconds``, or when the batch's first item has waited ``Options/maxLatency``. A pipeline with a ``CorpusStage`` is the
/// exception: the steps before it run over the whole corpus, which is then held in memory while the
/// stage prepares (on a copy of the step's stage) and the run goes on from there.
///
/// Errors a stage throws fail the article, not the run: under ``ErrorPolicy/skip`` the failure goes
/// to the sink and the run goes on; under ``ErrorPolicy/fail`` the run stops at the first failure in
/// input order (``RunReport/stoppedBy``). An article whose text ends up empty is counted apart
/// (``RunReport/emptied``), given to the sink as a ``RunWarning`` and kept, skipped or failed as
/// ``Options/emptyPolicy`` says. The sink also gets warnings about ids seen twice in the input and
/// about inputs a decoder doubts (``ArticleDecoder/warnings(about:)``).
public struct PipelineRunner: Sendable {
    /// How a run proceeds.
    public struct Options: Sendable {
        /// Worker threads (at least 1).
        public var jobs: Int
        /// What happens when an article fails.
        public var errorPolicy: ErrorPolicy
        /// Input bytes taken per batch (the memory bound of a streaming run, times a small factor).
        public var batchBytes: Int
        /// Whether each article's `trace` records the time every stage took; without timings, the
        /// same input gives byte-identical output on every run.
        public var recordsTimings: Bool
        /// What happens to an article whose text ends up empty.
        public var emptyPolicy: EmptyPolicy
        /// How long slowly arriving input may pause before the batch it started is processed.
        public var idleSeconds: Double
        /// How long the first item of a batch of slowly arriving input waits at most for the rest.
        public var maxLatency: Double
        /// Ids of articles an earlier run already wrote (`--resume`), with what it made of each:
        /// such articles, and failures with such ids, are counted in ``RunReport/skipped`` (and as
        /// that outcome) and not passed to the sink. The steps before a corpus stage still see them,
        /// so corpus statistics do not change.
        public var skippedIDs: [String: ArticleOutcome]
        /// What one article may cost; an article past a limit fails and the run goes on.
        public var limits: RunLimits
        /// Where the articles in progress are recorded, for a display of long-running ones.
        public var watch: ArticleWatch?

        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, errorPolicy: ErrorPolicy = .skip,
                    emptyPolicy: EmptyPolicy = .keep, batchBytes: Int? = nil, recordsTimings: Bool = true,
                    idleSeconds: Double = 0.05, maxLatency: Double = 0.25, skippedIDs: [String: ArticleOutcome] = [:],
                    limits: RunLimits = RunLimits(), watch: ArticleWatch? = nil) {
            self.jobs = max(1, jobs)
            self.errorPolicy = errorPolicy
            self.emptyPolicy = emptyPolicy
            self.batchBytes = batchBytes ?? max(4 << 20, self.jobs << 20)
            self.recordsTimings = recordsTimings
            self.idleSeconds = idleSeconds
            self.maxLatency = maxLatency
            self.skippedIDs = skippedIDs
            self.limits = limits
            self.watch = watch
        }
    }

    public var pipeline: Pipeline
    public var options: Options

    public init(pipeline: Pipeline, options: Options = Options()) {
        self.pipeline = pipeline
        self.options = options
    }

    /// Runs input items through the pipeline into a sink.
    ///
    /// - Parameter progress: called on the calling thread after each batch.
    /// - Throws: ``RunError`` when a corpus stage cannot prepare, or what the sink throws.
    public func run<Input: Sequence<InputItem>, Sink: ResultSink>(
        _ input: Input, into sink: Sink, progress: ((RunProgress) -> Void)? = nil
    ) throws -> RunReport {
        let start = SystemClock.nanoseconds
        let callerStart = SystemClock.threadCPUSeconds
        var tally = Tally(stepCount: pipeline.steps.count)
        var progressState = RunProgress(articles: 0, inputBytes: 0, seconds: 0)
        let reportProgress: ((Int, Int) -> Void)? = progress.map { progress in
            { bytes, articles in
                progressState.inputBytes += bytes
                progressState.articles += articles
                progressState.seconds = SystemClock.seconds(since: start)
                progress(progressState)
            }
        }
        let counting = CountingSink(sink)
        var report = RunReport()
        report.stoppedBy = try runSegments(input, into: counting, tally: &tally, progress: reportProgress)
        report.emptied = counting.emptied + tally.skipped[.emptied, default: 0]
        report.succeeded = counting.accepted - (options.emptyPolicy == .keep ? counting.emptied : 0) + tally.skipped[.ok, default: 0]
        report.failed = counting.failed + tally.skipped[.failed, default: 0]
        report.warnings = counting.warnings
        report.skipped = tally.skipped.values.reduce(0, +)
        report.seconds = SystemClock.seconds(since: start)
        // The calling thread's time while no batch runs is serial: on the critical path.
        let serial = max(0, SystemClock.threadCPUSeconds - callerStart - tally.parallelCPU.caller)
        report.cpuSeconds = serial + tally.parallelCPU.total
        report.criticalCPUSeconds = serial + tally.parallelCPU.critical
        report.textBytes = tally.textBytes
        report.steps = tally.statistics(stepNames: pipeline.steps.map(\.name))
        return report
    }

    /// Runs the steps up to each corpus stage over the whole input, prepares the corpus stage, and so
    /// on; the last segment streams into the sink. Returns the failure that stopped the run.
    private func runSegments<Input: Sequence<InputItem>, Sink: ResultSink>(
        _ input: Input, into sink: Sink, tally: inout Tally, progress: ((Int, Int) -> Void)?
    ) throws -> ArticleFailure? {
        var steps = pipeline.steps
        var segmentStart = 0
        // Articles held between corpus stages, as items for the next segment.
        var held: [InputItem]?
        for corpusIndex in steps.indices where steps[corpusIndex].needsCorpus {
            let collector = ArticleCollector()
            let segment = Segment(steps: steps, range: segmentStart..<corpusIndex, readsInput: held == nil, renders: false)
            let stopped = try held.map { try run(segment, $0, into: collector, tally: &tally, progress: nil) }
                ?? run(segment, input, into: collector, tally: &tally, progress: progress.map { progress in { bytes, _ in progress(bytes, 0) } })
            for warning in collector.warnings { try sink.warn(warning) }
            if let stopped {
                try sink.reject(stopped)
                return stopped
            }
            steps[corpusIndex] = try prepare(steps[corpusIndex], corpus: collector.articles)
            held = collector.results.map { result in
                switch result {
                case .success(let article): .article(article)
                case .failure(let failure): .failure(failure)
                }
            }
            segmentStart = corpusIndex
        }
        let last = Segment(steps: steps, range: segmentStart..<steps.count, readsInput: held == nil, renders: true)
        if let held {
            return try run(last, held, into: sink, tally: &tally, progress: progress.map { progress in { progress(0, $1) } })
        }
        return try run(last, input, into: sink, tally: &tally, progress: progress)
    }

    /// Runs articles held in memory and collects the results.
    public func run(_ articles: [Article]) throws -> (results: [Result<Article, ArticleFailure>], report: RunReport) {
        let collector = ArticleCollector()
        let report = try run(articles.map(InputItem.article), into: collector)
        return (collector.results, report)
    }

    // MARK: - Batches

    /// A contiguous run of steps between corpus stages.
    private struct Segment: Sendable {
        var steps: [Pipeline.Step]
        var range: Range<Int>
        /// Whether the segment reads the run's input (and counts its bytes and input failures).
        var readsInput: Bool
        /// Whether the segment is the last one, which renders output.
        var renders: Bool
    }

    /// Runs one segment batch by batch; returns the failure that stopped it under `fail`.
    ///
    /// With several jobs, while a batch runs on the workers, the calling thread reads the next one
    /// and hands the previous one's results to the sink, so that reading and writing overlap the
    /// work. Input that is idle is not waited for meanwhile: the batch's results are written first,
    /// so that a slow producer gets them back promptly. With one job, the calling thread reads,
    /// processes and writes each batch in turn.
    private func run<Input: Sequence<InputItem>, Sink: ResultSink>(
        _ segment: Segment, _ input: Input, into sink: Sink, tally: inout Tally,
        progress: ((_ bytes: Int, _ articles: Int) -> Void)?
    ) throws -> ArticleFailure? {
        var iterator = input.makeIterator()
        let render = sink.render
        func start(_ batch: Batch) -> BatchRun<Outcome<Sink.Rendered>>? {
            batch.items.isEmpty ? nil : BatchRun(batch.items, jobs: options.jobs) { process($0, segment, render: render) }
        }
        var current = read(&iterator)
        var running = start(current)
        // A run left early (a failure under `fail`, an error from the sink) still waits for the batch
        // in progress, and counts its CPU time.
        defer { if let running { _ = running.wait(addingCPUTo: &tally.parallelCPU) } }
        // Ids read so far, as hashes (8 bytes per article; a false alarm is a 1 in 2⁶⁴ event).
        var seenIDs: Set<Int> = []
        while let batch = running {
            let next = readsAhead(iterator) ? read(&iterator) : nil
            var outcomes = batch.wait(addingCPUTo: &tally.parallelCPU)
            running = next.flatMap(start)
            var articles = 0
            // Each outcome is let go once written, so that the next batch's results, gathering
            // meanwhile, do not add a whole batch to the peak memory.
            outcomes.reverse()
            while let outcome = outcomes.popLast() {
                tally.add(outcome.tally)
                for read in outcome.read where !seenIDs.insert(read.id.hashValue).inserted {
                    try sink.warn(RunWarning(kind: .duplicateID, id: read.id, source: read.source,
                                             message: "another article of this run has the same id"))
                }
                for entry in outcome.entries {
                    switch entry {
                    case .warning(let warning): try sink.warn(warning)
                    case .success(let rendered):
                        articles += 1
                        try sink.accept(rendered)
                    case .failure(let failure):
                        articles += 1
                        try sink.reject(failure)
                        if options.errorPolicy == .fail { return failure }
                    case .leftOut:
                        articles += 1
                    }
                }
            }
            try sink.flush()
            progress?(current.bytes, articles)
            if let next {
                current = next
            } else {
                current = read(&iterator)
                running = start(current)
            }
        }
        return nil
    }

    /// Input items taken together, and their size in bytes.
    private struct Batch {
        var items: [InputItem] = []
        var bytes = 0
    }

    /// Reads the next batch: up to ``Options/batchBytes`` (and `max(256, 64 jobs)` items), less
    /// when slowly arriving input goes idle; empty at the end of the input.
    private func read<Iterator: IteratorProtocol<InputItem>>(_ iterator: inout Iterator) -> Batch {
        var batch = Batch()
        var firstArrival: UInt64 = 0
        while batch.bytes < options.batchBytes, batch.items.count < max(256, options.jobs * 64), let item = iterator.next() {
            if batch.items.isEmpty { firstArrival = SystemClock.nanoseconds }
            batch.bytes += item.byteCount
            batch.items.append(item)
            if isIdle(iterator, since: firstArrival) { break }
        }
        return batch
    }

    /// Whether the next batch is read while one runs: with several jobs (one job is one thread's
    /// work), when input is at hand (always, but for slowly arriving input that has nothing now).
    private func readsAhead<Iterator: IteratorProtocol>(_ iterator: Iterator) -> Bool {
        guard options.jobs > 1 else { return false }
        guard let paced = iterator as? any IdleAwareIterator else { return true }
        return paced.hasItem(within: 0)
    }

    /// Whether slowly arriving input has nothing more for the current batch: no item within
    /// ``Options/idleSeconds``, nor before the batch's first item has waited ``Options/maxLatency``.
    private func isIdle<Iterator: IteratorProtocol>(_ iterator: Iterator, since firstArrival: UInt64) -> Bool {
        guard let paced = iterator as? any IdleAwareIterator else { return false }
        let left = options.maxLatency - SystemClock.seconds(since: firstArrival)
        return left <= 0 || !paced.hasItem(within: min(options.idleSeconds, left))
    }

    /// What a worker made of one input item.
    private struct Outcome<Rendered: Sendable>: Sendable {
        /// What became of each article, in order, with the warnings about each before it.
        var entries: [Entry] = []
        /// The id and source of every article read, when the segment reads input.
        var read: [(id: String, source: String?)] = []
        var tally: Tally

        enum Entry: Sendable {
            case success(Rendered)
            case failure(ArticleFailure)
            /// An emptied article left out (`on-empty: skip`).
            case leftOut
            case warning(RunWarning)
        }
    }

    /// Decodes one item and runs its articles through the segment's steps (on a worker thread).
    private func process<Rendered: Sendable>(
        _ item: InputItem, _ segment: Segment, render: @Sendable (Article) throws -> Rendered
    ) -> Outcome<Rendered> {
        var outcome = Outcome<Rendered>(tally: Tally(stepCount: segment.steps.count))
        var clock = SystemClock.nanoseconds
        let decoded = item.decode()
        if segment.readsInput { outcome.tally.record(.input, since: &clock, failed: false) }
        outcome.entries.reserveCapacity(decoded.count)
        articles: for result in decoded {
            var article: Article
            switch result {
            case .success(let decodedArticle): article = decodedArticle
            case .failure(let failure):
                if segment.renders, let earlier = options.skippedIDs[failure.id] {
                    outcome.tally.skipped[earlier, default: 0] += 1
                    continue articles
                }
                if segment.readsInput { outcome.tally.failures[0] += 1 }
                outcome.entries.append(.failure(failure))
                continue articles
            }
            if segment.readsInput {
                outcome.tally.textBytes += article.text.utf8.count
                outcome.read.append((article.id, article.source?.location))
                for message in item.decoder?.warnings(about: article) ?? [] {
                    outcome.entries.append(.warning(RunWarning(kind: .input, id: article.id, source: article.source?.location,
                                                               message: message)))
                }
            }
            if segment.renders, let earlier = options.skippedIDs[article.id] {
                outcome.tally.skipped[earlier, default: 0] += 1
                continue articles
            }
            if let problem = options.limits.sizeProblem(bytes: article.text.utf8.count) {
                if segment.readsInput { outcome.tally.failures[0] += 1 }
                outcome.entries.append(.failure(ArticleFailure(
                    id: article.id, source: article.source?.location, step: ArticleFailure.inputStep, error: problem)))
                continue articles
            }
            if article.language == nil { article.language = pipeline.language }
            let watchToken = options.watch?.start(article.id)
            defer { if let watchToken { options.watch?.finish(watchToken) } }
            clock = SystemClock.nanoseconds
            // The last step after which the text was left empty, if one was.
            var emptiedBy: String?
            var blank = article.isTextBlank
            for index in segment.range {
                let step = segment.steps[index]
                if let watchToken { options.watch?.enter(watchToken, step: step.name) }
                do {
                    try step.stage.process(&article, context: StageContext(
                        step: step.name, deadline: options.limits.deadline(startingAt: clock)))
                    let seconds = outcome.tally.record(.step(index), since: &clock, failed: false)
                    if let problem = options.limits.timeProblem(step: step.name, seconds: seconds) {
                        outcome.tally.countFailure(.step(index))
                        outcome.entries.append(.failure(ArticleFailure(
                            id: article.id, source: article.source?.location, step: step.name, error: problem)))
                        continue articles
                    }
                    article.recordTrace(step: step.name, seconds: options.recordsTimings ? seconds : nil)
                    let nowBlank = article.isTextBlank
                    if nowBlank && !blank { emptiedBy = step.name }
                    blank = nowBlank
                } catch {
                    outcome.tally.record(.step(index), since: &clock, failed: true)
                    outcome.entries.append(.failure(ArticleFailure(
                        id: article.id, source: article.source?.location, step: step.name, error: Self.message(error))))
                    continue articles
                }
            }
            var emptied: RunWarning?
            if segment.renders, blank {
                // A step of an earlier segment may have emptied it: the last removal names it.
                let step = emptiedBy ?? article.removals.last?.step
                let message = "nothing is left of its text"
                switch options.emptyPolicy {
                case .keep, .skip:
                    emptied = RunWarning(kind: .emptied, id: article.id, source: article.source?.location,
                                         message: "emptied: \(message)" + (step.map { " after step '\($0)'" } ?? "")
                                             + " (on-empty: \(options.emptyPolicy.rawValue))")
                case .fail:
                    // The failure's stage is the step that emptied it.
                    outcome.entries.append(.failure(ArticleFailure(
                        id: article.id, source: article.source?.location, step: step ?? ArticleFailure.outputStep,
                        error: "\(message) (on-empty: fail)")))
                    continue articles
                }
                if options.emptyPolicy == .skip, let emptied {
                    outcome.entries += [.warning(emptied), .leftOut]
                    continue articles
                }
            }
            do {
                let rendered = try render(article)
                if segment.renders { outcome.tally.record(.output, since: &clock, failed: false) }
                if let emptied { outcome.entries.append(.warning(emptied)) }
                outcome.entries.append(.success(rendered))
            } catch {
                if segment.renders { outcome.tally.record(.output, since: &clock, failed: true) }
                outcome.entries.append(.failure(ArticleFailure(
                    id: article.id, source: article.source?.location, step: ArticleFailure.outputStep,
                    error: Self.message(error))))
            }
        }
        return outcome
    }

    /// Prepares a corpus stage on a copy of the step's stage.
    private func prepare(_ step: Pipeline.Step, corpus: [Article]) throws -> Pipeline.Step {
        guard var stage = step.stage as? any CorpusStage else { return step }
        do {
            try stage.prepare(corpus: corpus)
        } catch {
            let location = step.location.map { " (\($0))" } ?? ""
            throw RunError("step '\(step.name)'\(location) could not prepare on the corpus: \(Self.message(error))")
        }
        var prepared = step
        prepared.stage = stage
        return prepared
    }

    /// A user-facing message for an error a stage threw.
    static func message(_ error: any Error) -> String {
        if let error = error as? StageError { return error.message }
        return String(describing: error)
    }
}

/// Counts what reaches the real sink, passing everything through.
private final class CountingSink<Base: ResultSink>: ResultSink {
    let base: Base
    var accepted = 0
    var failed = 0
    var emptied = 0
    var warnings = 0

    init(_ base: Base) { self.base = base }

    var render: @Sendable (Article) throws -> Base.Rendered { base.render }
    func accept(_ rendered: Base.Rendered) throws {
        accepted += 1
        try base.accept(rendered)
    }
    func reject(_ failure: ArticleFailure) throws {
        failed += 1
        try base.reject(failure)
    }
    func warn(_ warning: RunWarning) throws {
        warnings += 1
        if warning.kind == .emptied { emptied += 1 }
        try base.warn(warning)
    }
    func flush() throws { try base.flush() }
}
