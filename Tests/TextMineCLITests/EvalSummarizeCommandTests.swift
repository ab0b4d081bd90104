import Foundation
import Testing
import TextMineTesting

@Suite("textmine eval summarize", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct EvalSummarizeCommandTests {
    let pipeline = """
        language: fr
        stages:
          - use: sentences
          - use: summarize
            with:
              method: lead
              sentences: 2
        """
    let references = """
        {"id": "a", "text": "Le maire a démissionné lundi soir. Le conseil votera jeudi prochain. La ville attend.", "summary": "Le maire a démissionné lundi soir."}
        {"id": "b", "text": "Il a plu toute la journée sur Paris. Les routes étaient inondées ce soir.", "summary": "Il a plu toute la journée sur Paris."}
        """

    @Test("prints ROUGE of the pipeline and of lead-1/2/3, and the speed; --set changes the pipeline")
    func scoresAndBaselines() throws {
        let folder = try TemporaryFolder()
        let pipelinePath = try folder.write("p.yaml", pipeline)
        let referencesPath = try folder.write("refs.jsonl", references)
        let result = try TextMineProcess.run(["eval", "summarize", pipelinePath, referencesPath, "--set", "summarize.sentences=1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "                  ROUGE-1  ROUGE-2  ROUGE-L")
        // Lead-1 is each reference exactly, and so is the pipeline with one sentence.
        #expect(lines.contains("summarize (lead)   1.0000   1.0000   1.0000"))
        #expect(lines.contains("lead-1             1.0000   1.0000   1.0000"))
        #expect(lines.contains { $0.hasPrefix("lead-2             0.") })
        #expect(lines.contains { $0.hasPrefix("2 documents, 0 failed;") })
        #expect(lines.contains { $0.hasPrefix("speed: pipeline ") })
        let limited = try TextMineProcess.run(["eval", "summarize", pipelinePath, referencesPath, "--limit", "1"])
        #expect(limited.stdout.contains("\n1 documents, 0 failed;"))
    }

    @Test("a pipeline without a summary step and a bad reference line are reported")
    func errors() throws {
        let folder = try TemporaryFolder()
        let noSummary = try folder.write("p.yaml", "stages:\n  - use: sentences\n")
        let referencesPath = try folder.write("refs.jsonl", references)
        let result = try TextMineProcess.run(["eval", "summarize", noSummary, referencesPath])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(noSummary): no step produces a summary; add a step such as '- use: summarize'"))

        let pipelinePath = try folder.write("q.yaml", pipeline)
        let bad = try folder.write("bad.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n")
        let badResult = try TextMineProcess.run(["eval", "summarize", pipelinePath, bad])
        #expect(badResult.status == 1)
        #expect(badResult.stderr.contains("error: \(bad):1: missing string field 'summary'"))
    }
}
