import Foundation
import Testing
import TextMineTesting

/// `textmine new-stage`: the generated package compiles against this TextMine, and (opt-in, slow)
/// builds and passes its own tests.
@Suite("textmine new-stage")
struct NewStageTests {
    /// Set to build and test the generated package with `swift test` (minutes on 2 cores the first
    /// time; later runs reuse `.build/scaffold-check` and take seconds).
    static let fullBuild = ProcessInfo.processInfo.environment["TEXTMINE_TEST_SCAFFOLD_BUILD"] == "1"

    @Test("creates a package whose stage and test compile against this TextMine")
    func scaffoldTypechecks() throws {
        let folder = try TemporaryFolder()
        let created = try runProgram(TestPaths.product("textmine"),
                              ["new-stage", "word-count", "--dir", folder.url.path, "--textmine", TestPaths.repository])
        #expect(created.status == 0, "\(created.output)")
        let package = folder.path("word-count")
        let manifest = try String(contentsOfFile: package + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains(#".package(path: "\#(TestPaths.repository)"),"#))
        #expect(manifest.contains(#"// .package(url: "https://github.com/OWNER/TextMine.git", branch: "main"),"#))
        #expect(manifest.contains("platforms: [.macOS(.v15)],"))
        #expect(try String(contentsOfFile: package + "/README.md", encoding: .utf8).contains("## Make it yours"))
        #expect(try String(contentsOfFile: package + "/pipeline.yaml", encoding: .utf8).contains("- use: word-count"))

        // Type-check the stage and its test against the modules this build produced: seconds,
        // where a nested `swift build` takes minutes.
        let modules = TestPaths.products + "/Modules"
        let sources = TestPaths.repository + "/Sources"
        let typecheck = try runProgram("/usr/bin/env", [
            "swiftc", "-typecheck", "-module-name", "WordCountStages", "-I", modules,
            "-Xcc", "-fmodule-map-file=\(sources)/CYAML/module.modulemap",
            "-Xcc", "-fmodule-map-file=\(sources)/CLibXML2/module.modulemap", "-Xcc", "-I/usr/include/libxml2",
            "-Xcc", "-fmodule-map-file=\(sources)/CTextMineCompiler/include/module.modulemap",
            package + "/Sources/WordCountStages/WordCount.swift", package + "/Tests/WordCountStagesTests/WordCountTests.swift",
        ])
        #expect(typecheck.status == 0, "\(typecheck.output)")
        #expect(!typecheck.output.contains("error:"))
    }

    @Test("refuses an invalid stage id and an existing folder")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let invalid = try runProgram(TestPaths.product("textmine"), ["new-stage", "Word_Count", "--dir", folder.url.path])
        #expect(invalid.status != 0)
        #expect(invalid.output.contains("'Word_Count' is not a valid stage id"))
        _ = try runProgram(TestPaths.product("textmine"), ["new-stage", "dup", "--dir", folder.url.path, "--textmine", TestPaths.repository])
        let again = try runProgram(TestPaths.product("textmine"),
                            ["new-stage", "dup", "--dir", folder.url.path, "--textmine", TestPaths.repository])
        #expect(again.status != 0)
        #expect(again.output.contains("already exists"))
        let builtIn = try runProgram(TestPaths.product("textmine"), ["new-stage", "pass", "--dir", folder.url.path])
        #expect(builtIn.status != 0)
        #expect(builtIn.output.contains("'pass' is the id of a built-in stage"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("pass")))
        let fromGit = try runProgram(TestPaths.product("textmine"), ["new-stage", "from-git", "--dir", folder.url.path,
                                                              "--textmine-url", "https://example.org/team/TextMine.git"])
        #expect(fromGit.status == 0, "\(fromGit.output)")
        let manifest = try String(contentsOfFile: folder.path("from-git") + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains(#"\#n        .package(url: "https://example.org/team/TextMine.git", branch: "main"),"#))
        #expect(manifest.contains(#".product(name: "TextMineCore", package: "textmine")"#))
    }

    @Test("the generated package builds and passes its tests", .enabled(if: fullBuild))
    func scaffoldBuildsAndPasses() throws {
        let folder = try TemporaryFolder()
        _ = try runProgram(TestPaths.product("textmine"),
                    ["new-stage", "word-count", "--dir", folder.url.path, "--textmine", TestPaths.repository])
        let tested = try runProgram("/usr/bin/env", [
            "swift", "test", "--package-path", folder.path("word-count"),
            "--scratch-path", TestPaths.repository + "/.build/scaffold-check",
        ])
        #expect(tested.status == 0, "\(tested.output)")
    }
}
