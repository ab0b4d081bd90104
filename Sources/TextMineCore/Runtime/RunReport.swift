/// How one article came through a run, as the summary line counts it.
public enum ArticleOutcome: String, Sendable, Hashable {
    /// It went through every step with some text left.
    case ok
    /// A step left its text empty (written or not, as `on-empty` says).
    case emptied
    /// It failed in input, a step, or output.
    case failed
}

/// What a run did: counts, volume, time and per-step statistics.
///
/// After `--resume`, the counts cover the whole job: the articles an earlier run already wrote
/// (``skipped``) count as what that run made of them, so a killed-then-resumed run reports (and
/// exits with) what an uninterrupted one would.
public struct RunReport: Sendable {
    /// Articles that went through every step with some text left.
    public var succeeded = 0
    /// Articles whose text a step left empty (written or not, as `on-empty` says; not failed).
    public var emptied = 0
    /// Articles that failed (in input, a step, or output).
    public var failed = 0
    /// Articles left out because an earlier run already wrote them (`--resume`); they are also
    /// counted in ``succeeded``, ``emptied`` or ``failed`` as that run's output says.
    public var skipped = 0
    /// UTF-8 bytes of the text of the articles read.
    public var textBytes = 0
    /// Wall time of the run in seconds.
    public var seconds = 0.0
    /// CPU seconds all threads of the run used (reading, processing, writing).
    public var cpuSeconds = 0.0
    /// CPU seconds on the run's critical path: for each batch, the CPU time of its busiest worker,
    /// or more when the calling thread's work meanwhile (reading the next batch, writing the
    /// previous one in order) does not fit beside it on the batch's cores, plus what the calling
    /// thread did while no batch ran. With an idle core per job the run takes about this long, so `articles / criticalCPUSeconds`
    /// is the throughput `--jobs` gives on an idle machine, measured even on a busy one (where wall
    /// time says more about the other work than about the run). Equal to ``cpuSeconds`` with one job.
    public var criticalCPUSeconds = 0.0
    /// One entry for reading input, one per step, one for writing output, in that order.
    public var steps: [StepStatistics] = []
    /// The failure that stopped the run under the `fail` policy.
    public var stoppedBy: ArticleFailure?

    public init() {}

    /// Articles seen (succeeded, emptied and failed).
    public var articles: Int { succeeded + emptied + failed }
    /// Warnings given (emptied articles, duplicate ids, doubtful inputs).
    public var warnings = 0
    /// Megabytes (10⁶ bytes) of text read.
    public var megabytes: Double { Double(textBytes) / 1_000_000 }
    /// Megabytes of text per second of wall time.
    public var megabytesPerSecond: Double { seconds > 0 ? megabytes / seconds : 0 }
}

/// Timing and failures of one step (or of the `input` and `output` pseudo-steps) over a run.
public struct StepStatistics: Sendable, Hashable {
    /// The step name (`input` and `output` for reading and writing).
    public var name: String
    /// Articles (or, for `input`, pieces of input) the step was called on.
    public var calls = 0
    /// Time spent in the step, summed over all threads, in seconds.
    public var seconds = 0.0
    /// Articles the step failed on.
    public var failures = 0

    public init(name: String) { self.name = name }

    /// The mean time per call, in seconds.
    public var meanSeconds: Double { calls > 0 ? seconds / Double(calls) : 0 }
}

/// Progress of a run, reported after each batch.
public struct RunProgress: Sendable {
    /// Articles finished (succeeded or failed).
    public var articles: Int
    /// Input bytes consumed (file sizes), comparable with ``InputFiles/totalBytes``.
    public var inputBytes: Int
    /// Seconds since the run started.
    public var seconds: Double
}

/// An error that stops a whole run (not one article).
public struct RunError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
