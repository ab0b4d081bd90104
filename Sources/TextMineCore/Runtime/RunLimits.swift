/// Bounds on what one article may cost (`limits:` in a pipeline file). An article past a bound
/// fails with a message naming the limit, and the run goes on with the next one.
public struct RunLimits: Sendable, Hashable {
    /// The largest article text, in UTF-8 bytes, a run accepts (`max-article-bytes`).
    public var maxArticleBytes: Int
    /// The most seconds one step may take on one article (`step-timeout`). Built-in stages check
    /// it in their long loops (``StageContext/checkDeadline()``) and stop; any step is checked again
    /// when it returns. Either way the article fails with an error naming the step and the limit,
    /// no further step runs on it, and the run goes on. Out-of-process stages are stopped at their
    /// own `timeout`.
    public var stepTimeout: Double

    public init(maxArticleBytes: Int = Self.defaultMaxArticleBytes, stepTimeout: Double = Self.defaultStepTimeout) {
        self.maxArticleBytes = maxArticleBytes
        self.stepTimeout = stepTimeout
    }

    /// 64 MiB: far above any real article, low enough that one such article fits in memory with
    /// its annotations.
    public static let defaultMaxArticleBytes = 64 << 20
    /// Five minutes: a built-in stage takes about a second per megabyte at worst.
    public static let defaultStepTimeout = 300.0

    /// Why an article of `bytes` UTF-8 bytes is refused, or nil when it is within the limit.
    public func sizeProblem(bytes: Int) -> String? {
        guard bytes > maxArticleBytes else { return nil }
        return "the article is \(bytes) bytes, over limits.max-article-bytes (\(maxArticleBytes))"
    }

    /// The deadline of a step that starts at `start` (``SystemClock/nanoseconds``).
    public func deadline(startingAt start: UInt64) -> StepDeadline {
        StepDeadline(start: start, nanoseconds: start &+ UInt64(min(stepTimeout, 1e9) * 1e9), limits: self)
    }

    /// Why an article fails after `step` took `seconds` on it, or nil when within the budget.
    public func timeProblem(step: String, seconds: Double) -> String? {
        guard seconds > stepTimeout else { return nil }
        return "step '\(step)' took \(Self.format(seconds)) s on this article, over limits.step-timeout (\(Self.format(stepTimeout)) s)"
    }

    fileprivate static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String((seconds * 1000).rounded() / 1000)
    }
}

/// When a step must give up on an article: its start plus ``RunLimits/stepTimeout``.
public struct StepDeadline: Sendable, Hashable {
    /// When the step started (``SystemClock/nanoseconds``).
    public var start: UInt64
    /// The moment past which the step is over budget (``SystemClock/nanoseconds``).
    public var nanoseconds: UInt64
    /// The limits the deadline comes from (for the message).
    public var limits: RunLimits

    /// Why `step`, past the deadline, stops working on the article.
    public func problem(step: String) -> String {
        "step '\(step)' was stopped after \(RunLimits.format(SystemClock.seconds(since: start))) s on this article, "
            + "over limits.step-timeout (\(RunLimits.format(limits.stepTimeout)) s)"
    }
}
