import Foundation
import Testing
import TextMineTesting

@Suite("textmine-bench", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct BenchmarkLimitsTests {
    @Test("the pipeline's limits apply: articles over max-article-bytes fail, as in textmine run")
    func honoursLimits() throws {
        let folder = try TemporaryFolder()
        let pipeline = folder.url.appendingPathComponent("limited.yaml").path
        try """
            limits: {max-article-bytes: 1000}
            stages:
              - use: tokens
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let bench = try TextMineProcess.run(["--pipeline", pipeline, "--megabytes", "0.001", "--repeat", "1", "--mode", "memory"],
                                            program: "textmine-bench")
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(bench.stdout.contains("limits: max-article-bytes 1000, step-timeout 300 s"))
        // Every seed is longer than 1000 bytes.
        #expect(bench.stdout.contains("(0 ok, 5 failed;"), "\(bench.stdout)")
    }
}
