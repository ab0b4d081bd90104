import Foundation
import Testing
import TextMineTesting

/// The built command lines, run as a user would: `textmine-example` (a package's stage compiled
/// in) and `textmine` with plugins.
@Suite("Plugins from the command line")
struct CommandLineTests {
    @Test("a stage compiled in with main(registering:) is listed, documented, linted and run")
    func compiledInStage() throws {
        let folder = try TemporaryFolder()
        let pipeline = try folder.write("strip.yaml", """
            stages:
              - use: strip-lines
                with: {prefix: Crédit}
            """)
        let input = try folder.write("a.txt", "Crédit : AFP\nLe texte.\n")

        let stages = try run("textmine-example", ["stages"])
        #expect(stages.stdout.contains("strip-lines"))
        #expect(stages.stdout.contains("pass"))
        let documented = try run("textmine-example", ["stages", "strip-lines"])
        #expect(documented.stdout.contains("prefix"))

        let bad = try folder.write("bad.yaml", "stages:\n  - use: strip-lines\n    with: {prefx: x}\n")
        let lint = try run("textmine-example", ["lint", bad])
        #expect(lint.status != 0)
        #expect(lint.stdout.contains("bad.yaml:3:12: error: unknown option 'prefx'"))

        let result = try run("textmine-example", ["run", pipeline, input])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""text":"Le texte.\n""#))
        #expect(result.stdout.contains(#""reason":"strip-lines: Crédit""#))
    }

    @Test("textmine stages --pipeline lists and documents the stages of the pipeline's plugins")
    func stagesOfPlugins() throws {
        let folder = try TemporaryFolder()
        let pipeline = try folder.write("plugins.yaml", """
            plugins: [\(TestPaths.pythonExamples)/redact.stage.yaml, \(TestPaths.examplePlugin)]
            stages:
              - use: pass
            """)
        let listed = try run("textmine", ["stages", "--pipeline", pipeline])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("redact — Removes e-mail addresses and URLs"))
        #expect(listed.stdout.contains("common-lines — "))
        let documented = try run("textmine", ["stages", "redact", "--pipeline", pipeline])
        #expect(documented.stdout.contains("origin: external program (\(TestPaths.pythonExamples)/redact.stage.yaml)"))
        #expect(documented.stdout.contains("Version 1.0.0, run out of process by `python3 redact.py`"))
    }

    @Test("textmine runs a dynamic plugin's stage listed under plugins:")
    func dynamicPlugin() throws {
        let folder = try TemporaryFolder()
        let pipeline = try folder.write("plugin.yaml", """
            plugins: [\(TestPaths.examplePlugin)]
            stages:
              - use: strip-lines
            """)
        let input = try folder.write("a.txt", "Photo : AFP\nLe texte.\n")
        let result = try run("textmine", ["run", pipeline, input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""text":"Le texte.\n""#))
    }

    @Test("a crashing, hanging or garbage-printing plugin fails only its articles; the others are written")
    func faultyPluginInRun() throws {
        let folder = try TemporaryFolder()
        let pipeline = try folder.write("faulty.yaml", """
            stages:
              - use: external
                id: faulty
                with:
                  command: [python3, \(TestPaths.fixtures)/faulty.py]
                  timeout: 1
            """)
        let input = try folder.write("articles.jsonl", [
            #"{"id":"1","text":"un"}"#, #"{"id":"2","text":"CRASH"}"#, #"{"id":"3","text":"deux"}"#,
            #"{"id":"4","text":"HANG"}"#, #"{"id":"5","text":"trois"}"#, #"{"id":"6","text":"GARBAGE"}"#,
            #"{"id":"7","text":"quatre"}"#,
        ].joined(separator: "\n") + "\n")
        let errors = folder.path("errors.jsonl")
        let result = try run("textmine", ["run", pipeline, input, "--jobs", "2", "--errors", errors])
        let written = result.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(written == ["1", "3", "5", "7"])
        let failures = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(failures.contains("exited with status 3"))
        #expect(failures.contains("did not answer within 1.0 s"))
        #expect(failures.contains("'this is not json'"))
    }

    private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.product(program))
        process.arguments = arguments
        let folder = try TemporaryFolder()
        let outPath = folder.path("stdout"), errPath = folder.path("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: outPath, encoding: .utf8),
                try String(contentsOfFile: errPath, encoding: .utf8))
    }
}

