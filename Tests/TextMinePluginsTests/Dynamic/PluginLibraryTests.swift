import Foundation
import Testing
@testable import TextMineCore
import TextMineExampleStages
import TextMinePlugins
import TextMineTesting

@Suite("Dynamic plugin libraries")
struct PluginLibraryTests {
    static let text = "Photo: AFP\nLe président a parlé.\n  Photo Reuters\nFin."

    @Test("the example library's stage loads and runs like the compiled-in one")
    func exampleLibraryRuns() throws {
        let stages = try PluginLibrary.stages(at: TestPaths.examplePlugin)
        let descriptor = try #require(stages.last)
        #expect(stages.map(\.id) == ["common-lines", "strip-lines"])
        #expect(descriptor.origin == .library(path: TestPaths.examplePlugin))
        #expect(descriptor.options["prefix"]?.type == .string)

        let loaded = try StageHarness(descriptor, options: ["prefix": "Photo"]).run(Self.text)
        let compiled = try StageHarness(StripLines.self, options: ["prefix": "Photo"]).run(Self.text)
        #expect(loaded.text == "Le président a parlé.\nFin.")
        #expect(loaded.removedTexts == ["Photo: AFP\n", "  Photo Reuters\n"])
        #expect(loaded[layer: StripLines.Count.self] == StripLines.Count(lines: 2))
        #expect(loaded == compiled)
    }

    @Test("a corpus stage from a library is prepared with the whole corpus before it runs")
    func corpusStageFromLibrary() throws {
        let pipeline = PipelineHarness(yaml: """
            plugins: [\(TestPaths.examplePlugin)]
            stages:
              - use: common-lines
                with: {share: 0.6}
            """)
        #expect(pipeline.findings == [])
        #expect(pipeline.result.stages.first is any CorpusStage)
        let articles = try pipeline.run([
            "Un.\nPartager cet article\n", "Deux.\nPartager cet article\n", "Trois.\n  Partager cet article\n",
        ])
        #expect(articles.map(\.text) == ["Un.\n", "Deux.\n", "Trois.\n"])
        #expect(articles.map(\.removedTexts) == [["Partager cet article\n"], ["Partager cet article\n"],
                                                  ["  Partager cet article\n"]])
    }

    @Test("a library is loaded once, however many pipelines list it")
    func loadedOnce() throws {
        let first = try PluginLibrary.stages(at: TestPaths.examplePlugin)
        let second = try PluginLibrary.stages(at: TestPaths.examplePlugin)
        #expect(first.map(\.id) == second.map(\.id))
    }

    @Test("a missing library is refused with its path")
    func missingLibrary() {
        #expect {
            _ = try PluginLibrary.stages(at: "/nonexistent/libNothing.so")
        } throws: { error in
            "\(error)" == "plugin library '/nonexistent/libNothing.so' does not exist"
        }
    }

    @Test("a stale library (built against another layout of the shared types) is refused before any of its stages is used")
    func abiMismatch() throws {
        let library = try compileFixture(wrongABI: true)
        #expect {
            _ = try PluginLibrary.stages(at: library)
        } throws: { error in
            "\(error)" == "plugin library '\(library)' was built for 'textmine-plugin/1 textmine/0.1.0 swift/6.3', "
                + "but this textmine is '\(StagePluginABI.current)'"
        }
    }

    @Test("the ABI string is derived from the compiler and the layout of every shared type, not bumped by hand")
    func abiIsDerived() throws {
        let compiler = StagePluginABI.compiler
        // The clang version and the llvm-project commit of the toolchain: `21.0.0-11673e6660b2…`.
        let parts = compiler.split(separator: "-")
        #expect(parts.count == 2 && parts[0].contains(".") && parts[1].count >= 12 && parts[1].allSatisfy(\.isHexDigit))
        #expect(StagePluginABI.current.hasPrefix("textmine-plugin/\(StagePluginABI.interfaceVersion) swift/\(compiler) layout/"))
        // Every stored field of Article is part of the layout, with its offset and type.
        let article = try #require(StagePluginABI.layoutDescription.split(separator: "\n").first { $0.hasPrefix("TextMineCore.Article ") })
        for field in ["id@", "source@", "metadata@", "entities@", "removals@", "alignment@", "layers@"] {
            #expect(article.contains(field), "\(field) missing from \(article)")
        }
        // A field added to a shared type changes the fingerprint.
        let before = StagePluginABI.describe(LayoutV1.self, name: "Shared", layout: (16, 16, 8))
        let after = StagePluginABI.describe(LayoutV2.self, name: "Shared", layout: (16, 16, 8))
        #expect(before != after)
        #expect(StagePluginABI.fingerprint(before) != StagePluginABI.fingerprint(after))
    }

    @Test("a shared library that is not a plugin is refused, naming the missing function")
    func notAPlugin() throws {
        let library = try compileFixture(wrongABI: false)
        #expect {
            _ = try PluginLibrary.stages(at: library)
        } throws: { error in
            "\(error)" == "'\(library)' is not a TextMine plugin: it has no 'textmine_plugin_abi' function"
        }
    }

    /// Builds the C fixture library into a fresh temporary folder.
    private func compileFixture(wrongABI: Bool) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent(TestPaths.dynamicLibrary(wrongABI ? "WrongABI" : "NotAPlugin")).path
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC"] + (wrongABI ? ["-DWRONG_ABI"] : [])
            + ["-o", output, TestPaths.fixtures + "/not_a_plugin.c"]
        try compiler.run()
        compiler.waitUntilExit()
        try #require(compiler.terminationStatus == 0, "cc failed to build the fixture library")
        return output
    }
}

/// Two versions of a shared type, the second with one more field.
private struct LayoutV1 { var start: Int; var end: Int }
private struct LayoutV2 { var start: Int; var end: Int; var label: String? }
