import Foundation

/// Folders the plugin tests read: the repository's examples and this target's fixtures.
enum TestPaths {
    /// The repository root (three folders above this file).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    /// `Tests/TextMinePluginsTests/Fixtures`.
    static let fixtures = repository + "/Tests/TextMinePluginsTests/Fixtures"
    /// `Examples/python`.
    static let pythonExamples = repository + "/Examples/python"
}

/// Runs `body` on every item from several threads at once, as the runtime calls `process`.
func concurrently<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
    let results = ConcurrentResults<R>()
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let value = body(items[index])
        results.lock.lock()
        results.values[index] = value
        results.lock.unlock()
    }
    return items.indices.map { results.values[$0]! }
}

private final class ConcurrentResults<R>: @unchecked Sendable {
    let lock = NSLock()
    var values: [Int: R] = [:]
}
