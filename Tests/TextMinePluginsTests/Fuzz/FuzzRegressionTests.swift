import Foundation
import Testing
import TextMineFuzzTargets

/// Replays every input that once crashed a fuzz target (`Tests/FuzzRegressions/TARGET/`, found by
/// `Fuzz/fuzz.sh`): each must now run to the end. A trap fails the whole test run, naming nothing,
/// so each input is also listed in the test's arguments.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = TestPaths.repository + "/Tests/FuzzRegressions"

    /// Every regression input, as `TARGET/FILE`.
    static let inputs: [String] = FuzzTarget.allCases.flatMap { target in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target.rawValue)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { target.rawValue + "/" + $0 }
    }

    @Test("every folder is named after a fuzz target")
    func foldersNameTargets() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(Set(folders).subtracting(FuzzTarget.allCases.map(\.rawValue)).isEmpty)
        #expect(!Self.inputs.isEmpty)
    }

    @Test("inputs that crashed a fuzz target run to the end", arguments: inputs)
    func replay(_ input: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(input.split(separator: "/")[0])))
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + input))
        target.run(Array(bytes))
    }
}
