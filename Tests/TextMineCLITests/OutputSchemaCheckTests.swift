import Foundation
import Testing
import TextMineTesting

/// The Python check that docs/output-schema.md gives users, run on the seeds' output as they would.
@Suite("the output schema's Python check", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct OutputSchemaCheckTests {
    /// The first Python block of the schema doc.
    private func documentedCheck() throws -> String {
        let doc = try String(contentsOfFile: TextMineProcess.packageRoot + "/docs/output-schema.md", encoding: .utf8)
        let start = try #require(doc.range(of: "```python\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        return String(doc[start.upperBound..<end.lowerBound])
    }

    @Test("passes on the French news pipeline's output over the seeds (removals hold the original text, regions do not overlap)")
    func passesOnSeeds() throws {
        let check = try documentedCheck()
        #expect(check.contains("removal[\"text\"]"))
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("out.jsonl").path
        let run = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--no-timings", "--exclude", "", "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        let script = try folder.write("check.py", check + "\nprint(\"ok\")\n")

        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", script]
        python.currentDirectoryURL = folder.url
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = pipe
        try python.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "\(printed)")
        #expect(printed == "ok\n")
    }
}
