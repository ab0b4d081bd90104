import ArgumentParser
import Foundation
import Testing
@testable import TextMineCLI
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("textmine lint")
struct LintCommandTests {
    @Test("prints every finding with its hint, a summary, and exits 1 on errors")
    func errors() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.yaml", "stages:\n  - use: split\n    with: {rules: r.txt}\n")
        let bad = try folder.write("bad.yaml", """
            stages:
              - use: pick
              - use: splt
                with: {max-length: 0}
            """)
        let output = LintCommand.lint([good, bad], overrides: [], loader: CLITestStages.loader)
        #expect(output.standard == """
            \(bad):2:5: error: stage 'pick' requires 'sentences', which no earlier stage produces
                hint: add a step that produces it before this one: 'use: split'
            \(bad):3:10: error: unknown stage 'splt'
                hint: did you mean 'split'?
            2 files checked: 2 errors, 0 warnings

            """)
        #expect(output.status == 1)
    }

    @Test("a duplicate key is reported with every other finding, not instead of them")
    func duplicateKeyHidesNothing() throws {
        let folder = try TemporaryFolder()
        let bad = try folder.write("bad.yaml", """
            name: a
            name: b
            stages:
              - use: pick
              - use: splt
            """)
        let output = LintCommand.lint([bad], overrides: [], loader: CLITestStages.loader)
        #expect(output.standard == """
            \(bad):2:1: error: duplicate key 'name' (first defined at 1:1)
                hint: a key may appear only once in a mapping; remove or rename one of them
            \(bad):4:5: error: stage 'pick' requires 'sentences', which no earlier stage produces
                hint: add a step that produces it before this one: 'use: split'
            \(bad):5:10: error: unknown stage 'splt'
                hint: did you mean 'split'?
            1 file checked: 3 errors, 0 warnings

            """)
        #expect(output.status == 1)
    }

    @Test("a clean file prints only the summary and exits 0; warnings alone exit 0")
    func clean() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.yaml", "stages:\n  - use: split\n    with: {rules: r.txt}\n")
        #expect(LintCommand.lint([good], overrides: [], loader: CLITestStages.loader).standard == "1 file checked: no problems\n")
        let warned = try folder.write("w.yaml", "plugins: [x.so]\nstages:\n  - use: split\n    with: {rules: r.txt}\n")
        let output = LintCommand.lint([warned], overrides: [], loader: CLITestStages.loader)
        #expect(output.status == 0)
        #expect(output.standard.hasSuffix("1 file checked: 0 errors, 1 warning\n"))
    }

    @Test("--set overrides are checked too, and a missing file is an error")
    func overridesAndMissing() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.yaml", "stages:\n  - use: split\n    with: {rules: r.txt}\n")
        let output = LintCommand.lint([good, folder.url.path + "/none.yaml"], overrides: ["split.max-length=x"],
                                      loader: CLITestStages.loader)
        #expect(output.standard == """
            <command line>: error: --set split.max-length=x: option 'max-length': expected an integer, got a string
                hint: expected integer in 1...1000
            \(folder.url.path)/none.yaml: error: no such pipeline file
            2 files checked: 2 errors, 0 warnings

            """)
    }

    @Test("the command line parses files and --set")
    func parsing() throws {
        let command = try #require(try TextMineCommand.parseAsRoot(["lint", "a.yaml", "b.yaml", "--set", "x.y=1"]) as? LintCommand)
        #expect(command.files == ["a.yaml", "b.yaml"])
        #expect(command.overrides == ["x.y=1"])
    }

    @Test("the pipelines shipped in pipelines/ lint clean with the built-in stages")
    func shippedPipelines() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.contains("minimal.yaml") && files.contains("french-news.yaml"))
        let loader = PipelineLoader(registry: .builtIn, environment: [:])
        for file in files {
            let result = loader.load(file: root.appendingPathComponent(file).path)
            #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics)")
        }
    }
}
