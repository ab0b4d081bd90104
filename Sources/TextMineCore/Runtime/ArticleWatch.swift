import Foundation

/// The articles a run is processing right now and the step each is in, for a progress display to
/// name an article that has been running long. Workers update it; any thread may read it.
public final class ArticleWatch: @unchecked Sendable {
    /// An article being processed.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// The step it is in (empty while it is decoded or rendered).
        public var step: String
        /// When it started, in ``Clock`` nanoseconds.
        var started: UInt64
        /// Seconds since the article started.
        public var seconds: Double { Double(Clock.now &- started) / 1e9 }
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextToken = 0

    public init() {}

    /// Records that an article started; returns the token to pass to ``enter(_:step:)`` and
    /// ``finish(_:)``.
    func start(_ id: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        entries[nextToken] = Entry(id: id, step: "", started: Clock.now)
        return nextToken
    }

    /// Records the step an article is entering.
    func enter(_ token: Int, step: String) {
        lock.lock()
        defer { lock.unlock() }
        entries[token]?.step = step
    }

    /// Records that an article is done.
    func finish(_ token: Int) {
        lock.lock()
        defer { lock.unlock() }
        entries[token] = nil
    }

    /// The article that has been running longest, if any is running.
    public var longestRunning: Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.min { $0.started < $1.started }
    }
}
