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
    /// The folder of the build products (the test executable's folder), where the example plugin
    /// library and the example command line are.
    static let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    /// A file in the build products folder.
    static func product(_ name: String) -> String { products + "/" + name }
    /// The example dynamic plugin library.
    static let examplePlugin = product(dynamicLibrary("TextMineExamplePlugin"))

    /// A dynamic library's file name on this system.
    static func dynamicLibrary(_ name: String) -> String {
        #if os(macOS)
        return "lib\(name).dylib"
        #else
        return "lib\(name).so"
        #endif
    }
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
