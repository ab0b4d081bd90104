import Foundation
import Testing
import TextMineTesting

@Suite("textmine train summarize", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct TrainSummarizeCommandTests {
    /// Six short English news articles with a one-sentence reference summary each.
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tiny-summaries-en.jsonl").path

    /// An English pipeline whose summarize step names a model that does not exist: training must
    /// not start that step, and evaluation must then use the trained model.
    private static func pipeline(model: String) -> String {
        """
        language: en
        stages:
          - use: sentences
          - use: summarize
            with:
              method: learned
              model: \(model)
              sentences: 1
        """
    }

    @Test("trains an English ranker from {text, summary} JSONL without starting the pipeline's summarize step, deterministically")
    func trainsEnglish() throws {
        let folder = try TemporaryFolder()
        let untrained = try folder.write("untrained.yaml", Self.pipeline(model: "missing-ranker.json"))
        let model = folder.url.appendingPathComponent("en-ranker.json").path
        let arguments = ["train", "summarize", "--train", Self.corpus, "--pipeline", untrained, "--language", "en",
                         "--lexicon-min-count", "2", "--license", "CC0"]
        let trained = try TextMineProcess.run(arguments + ["--out", model])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("training on 6 articles through steps sentences;"))
        #expect(trained.stdout.contains("6 articles, 29 eligible sentences"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: model))) as? [String: Any])
        #expect(json["language"] as? String == "en")
        #expect((json["provenance"] as? [String: Any])?["license"] as? String == "CC0")

        let again = folder.url.appendingPathComponent("again.json").path
        #expect(try TextMineProcess.run(arguments + ["--out", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == Data(contentsOf: URL(fileURLWithPath: again)))

        let trainedPipeline = try folder.write("trained.yaml", Self.pipeline(model: model))
        let evaluated = try TextMineProcess.run(["eval", "summarize", trainedPipeline, Self.corpus])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("summarize (learned) "))
        // The untrained pipeline's step cannot start: the model file is missing.
        let broken = try TextMineProcess.run(["eval", "summarize", untrained, Self.corpus])
        #expect(broken.status == 64)
        #expect(broken.stderr.contains("missing-ranker.json"))
    }

    @Test("a pipeline without a summarize step is refused")
    func noSummarizeStep() throws {
        let folder = try TemporaryFolder()
        let noSummary = try folder.write("p.yaml", "stages:\n  - use: sentences\n")
        let result = try TextMineProcess.run(["train", "summarize", "--train", Self.corpus, "--pipeline", noSummary, "--out", "/dev/null"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(noSummary): no step produces a summary; add a step such as '- use: summarize'"))
    }
}
