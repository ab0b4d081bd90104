import ArgumentParser
import Foundation

/// `textmine new-stage NAME [--dir DIR]`: creates a stage package that builds and passes its test
/// as generated.
struct NewStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-stage",
        abstract: "Create a Swift package with a new stage, its test and a pipeline using it.",
        discussion: """
            Creates DIR/NAME with a Package.swift depending on TextMine by path, a stage with an \
            option (Sources/), a test using TextMineTesting (Tests/), a pipeline.yaml using the \
            stage, and a command line that registers it. See docs/writing-stages.md.
            """
    )

    @Argument(help: "The stage id, lowercase words joined by '-' (word-count).")
    var name: String

    @Option(help: "The folder to create the package in.")
    var dir = "."

    @Option(help: "The TextMine package the new package depends on (default: the one this textmine was built from).")
    var textmine: String?

    @Option(name: .customLong("textmine-url"),
            help: "Depend on TextMine's git repository at this URL (branch main) instead of a local path.")
    var textmineURL: String?

    func run() throws {
        let textminePath = try textmine.map(Self.absolute) ?? (textmineURL != nil ? "../TextMine" : Self.sourcePackage())
        let scaffold: StageScaffold
        do {
            scaffold = try StageScaffold(id: name, textminePath: textminePath, textmineURL: textmineURL,
                                         taken: Set(CommandContext.registry.stages.map(\.id.rawValue)))
        } catch {
            throw ValidationError("\(error)")
        }
        let folder = URL(fileURLWithPath: Self.absolute(dir)).appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw ValidationError("\(folder.path) already exists; choose another name or --dir")
        }
        for file in scaffold.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        print("""
            Created \(folder.path)
              cd \(folder.path)
              swift test                                   # the stage's tests
              swift run \(scaffold.executable) run pipeline.yaml article.txt
            """)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL.path
    }

    /// The TextMine package this program was compiled from, when it is still there.
    private static func sourcePackage() throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) else {
            throw ValidationError("cannot find the TextMine package this textmine was built from; give --textmine PATH")
        }
        return url.path
    }
}
