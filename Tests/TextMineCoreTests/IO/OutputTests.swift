import Foundation
import Testing
@testable import TextMineCore
import TextMineTesting

@Suite("Output")
struct OutputTests {
    private func run(_ format: OutputFormat, _ articles: [Article], errors: String? = nil) throws -> String {
        let directory = try TemporaryFolder()
        let path = directory.path + "/out"
        let sink = try OutputSink(encoder: format.encoder(), output: OutputFile(path: path),
                                  deadLetters: try errors.map { try OutputFile(path: $0) })
        _ = try PipelineRunner(pipeline: Pipeline([try FragileStage(options: .init())]), options: .init(jobs: 2))
            .run(articles.map(InputItem.article), into: sink)
        try sink.finish()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("jsonl: one compact article per line, in input order")
    func jsonLines() throws {
        let output = try run(.jsonl, [Article(id: "a", text: "Un."), Article(id: "b", text: "Deux.")])
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"id":"a","text":"Un.","trace":[{"seconds":"#))
        #expect(try JSONDecoder().decode(Article.self, from: Data(lines[1].utf8)).id == "b")
    }

    @Test("json: one array, also when empty")
    func jsonArray() throws {
        let output = try run(.json, [Article(id: "a", text: "Un."), Article(id: "b", text: "Deux.")])
        #expect(try JSONDecoder().decode([Article].self, from: Data(output.utf8)).map(\.id) == ["a", "b"])
        #expect(try run(.json, []) == "[]\n")
    }

    @Test("text: a header line with the id, the text, then the summary")
    func plainText() throws {
        var summarized = Article(id: "b", text: "Deux phrases. Ici.")
        summarized.summary = Summary(method: "lead", scores: [], selected: [], text: "Deux phrases.")
        #expect(try run(.text, [Article(id: "a", text: "Un."), summarized])
                    == "=== a ===\nUn.\n\n=== b ===\nDeux phrases. Ici.\n--- summary ---\nDeux phrases.\n")
    }

    @Test("yaml: a sequence of articles")
    func yaml() throws {
        let output = try run(.yaml, [Article(id: "a", text: "Un.")])
        #expect(output.hasPrefix("- id: a\n  text: Un.\n  trace:\n"))
    }

    @Test("dead letters: one JSON line per failure with id, source, stage and error")
    func deadLetters() throws {
        let directory = try TemporaryFolder()
        let errors = directory.path + "/errors.jsonl"
        var article = Article(id: "b", text: "boom", source: Source(path: "in/b.txt", format: "text"))
        article.language = "fr"
        let output = try run(.jsonl, [Article(id: "a", text: "Un."), article], errors: errors)
        #expect(output.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: errors, encoding: .utf8)
                    == #"{"error":"cannot handle boom","id":"b","source":"in/b.txt","stage":"fragile"}"# + "\n")
    }
}
