import Synchronization

/// The articles a run is processing right now and the step each is in, for a progress display to
/// name an article that has been running long. Workers update it; any thread may read it.
public final class ArticleWatch: Sendable {
    /// An article being processed.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// The step it is in (empty before its first step).
        public var step: String
        /// When it started, in ``SystemClock`` nanoseconds.
        var started: UInt64
        /// Seconds since the article started.
        public var seconds: Double { SystemClock.seconds(since: started) }
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var nextToken = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Records that an article started; returns the token to pass to ``enter(_:step:)`` and
    /// ``finish(_:)``.
    func start(_ id: String) -> Int {
        state.withLock { state in
            state.nextToken += 1
            state.entries[state.nextToken] = Entry(id: id, step: "", started: SystemClock.nanoseconds)
            return state.nextToken
        }
    }

    /// Records the step an article is entering.
    func enter(_ token: Int, step: String) {
        state.withLock { $0.entries[token]?.step = step }
    }

    /// Records that an article is done.
    func finish(_ token: Int) {
        _ = state.withLock { $0.entries.removeValue(forKey: token) }
    }

    /// The article that has been running longest, if any is running.
    public var longestRunning: Entry? {
        state.withLock { $0.entries.values.min { $0.started < $1.started } }
    }
}
