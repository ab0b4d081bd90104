import Testing
@testable import TextMineCore

@Suite("PipelineRunner: emptied articles and warnings")
struct RunOutcomeTests {
    private let articles = [Article(id: "a", text: "Texte."), Article(id: "b", text: "void"), Article(id: "c", text: "Fin.")]

    private func run(_ articles: [Article], _ stages: [any Stage], empty: EmptyPolicy = .keep,
                     errors: ErrorPolicy = .skip) throws -> (ArticleCollector, RunReport) {
        let collector = ArticleCollector()
        let runner = PipelineRunner(pipeline: Pipeline(stages), options: .init(jobs: 2, errorPolicy: errors, emptyPolicy: empty))
        let report = try runner.run(articles.map(InputItem.article), into: collector)
        return (collector, report)
    }

    @Test("keep: an emptied article is written, counted apart and named with the step that emptied it")
    func keep() throws {
        let (collector, report) = try run(articles, [try VoidStage(options: .init()), try UpperStage(options: .init())])
        #expect(collector.articles.map(\.id) == ["a", "b", "c"])
        #expect((report.succeeded, report.emptied, report.failed) == (2, 1, 0))
        #expect(report.summaryLine.hasPrefix("3 articles: 2 ok, 1 emptied, 0 failed ("))
        #expect(collector.warnings == [RunWarning(
            kind: .emptied, id: "b", source: nil,
            message: "emptied: nothing is left of its text after step 'void' (on-empty: keep)")])
    }

    @Test("skip: an emptied article is left out, still counted and named")
    func skip() throws {
        let (collector, report) = try run(articles, [try VoidStage(options: .init())], empty: .skip)
        #expect(collector.results.compactMap { try? $0.get().id } == ["a", "c"])
        #expect(collector.failures.isEmpty)
        #expect((report.succeeded, report.emptied, report.failed, report.articles) == (2, 1, 0, 3))
        #expect(collector.warnings.map(\.description) == [
            "article 'b': emptied: nothing is left of its text after step 'void' (on-empty: skip)"])
    }

    @Test("fail: an emptied article fails in the step that emptied it, and on-error: fail stops there")
    func fail() throws {
        let (collector, report) = try run(articles, [try VoidStage(options: .init())], empty: .fail)
        #expect(collector.failures == [ArticleFailure(id: "b", source: nil, step: "void",
                                                      error: "nothing is left of its text (on-empty: fail)")])
        #expect((report.succeeded, report.emptied, report.failed) == (2, 0, 1))
        let (_, stopped) = try run(articles, [try VoidStage(options: .init())], empty: .fail, errors: .fail)
        #expect(stopped.stoppedBy?.id == "b")
    }

    @Test("an article emptied before a corpus stage is named with the step that emptied it")
    func emptiedBeforeCorpusStage() throws {
        let (collector, report) = try run(articles, [try VoidStage(options: .init()), try CorpusCountStage(options: .init())])
        #expect(report.emptied == 1)
        #expect(collector.warnings.map(\.message) == ["emptied: nothing is left of its text after step 'void' (on-empty: keep)"])
    }

    @Test("an id read twice gets a warning naming both places; the article goes through")
    func duplicateIDs() throws {
        let lines = #"{"id": "x", "text": "Un."}"# + "\n" + #"{"id": "y", "text": "Deux."}"# + "\n"
            + #"{"id": "x", "text": "Trois."}"# + "\n"
        let collector = ArticleCollector()
        let item = InputItem.bytes(Array(lines.utf8), location: InputLocation(path: "in.jsonl"), decoder: JSONLDecoder())
        let report = try PipelineRunner(pipeline: Pipeline([try UpperStage(options: .init())])).run([item], into: collector)
        #expect(collector.articles.map(\.id) == ["x", "y", "x"])
        #expect(report.succeeded == 3)
        #expect(collector.warnings.map(\.description) == ["article 'x' (in.jsonl:3): another article of this run has the same id"])
    }

    @Test("a text input that looks like JSON lines gets a warning naming the file")
    func textThatLooksLikeJSONLines() throws {
        let collector = ArticleCollector()
        let items = [
            InputItem.bytes(Array(" {\"id\": 1, \"text\": \"a\"}\r\n\n{ \"id\": 2, \"text\": \"b\"}\n".utf8),
                            location: InputLocation(path: "dump.txt"), decoder: TextDecoder()),
            InputItem.bytes(Array("{\"id\": 1} et puis du texte\nnormal.".utf8),
                            location: InputLocation(path: "prose.txt"), decoder: TextDecoder()),
            InputItem.bytes(Array("Du texte.\n{\"id\": 1}\n".utf8), location: InputLocation(path: "p2.txt"), decoder: TextDecoder()),
        ]
        _ = try PipelineRunner(pipeline: Pipeline([try UpperStage(options: .init())])).run(items, into: collector)
        #expect(collector.warnings.map(\.description) == [
            "article 'dump' (dump.txt): read as one text article, but it looks like JSON lines; "
                + "name the file .jsonl or use --input-format jsonl"])
    }
}
