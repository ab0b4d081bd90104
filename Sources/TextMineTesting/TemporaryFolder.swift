import Foundation

/// A fresh folder under the system's temporary directory for one test, removed with the value: for
/// the files a stage's options name (models, word lists, language packs) and for a command's inputs
/// and outputs.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// let words = try folder.write("words.txt", "Lic.\nibd.\n")
/// let harness = try StageHarness(TokensStage.self, options: ["abbreviations-file": .string(words)])
/// ```
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    public var path: String { url.path }

    /// The path of a file in the folder (which may not exist yet).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a file of bytes (creating its folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes a text file in UTF-8 (creating its folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}
