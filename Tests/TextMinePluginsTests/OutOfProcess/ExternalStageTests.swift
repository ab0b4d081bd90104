import Foundation
import Testing
import TextMineCore
import TextMinePlugins
import TextMineTesting

@Suite("Out-of-process stages")
struct ExternalStageTests {
    @Test("the Python example removes e-mail addresses with a reason and counts them in a layer")
    func pythonExample() throws {
        let harness = try StageHarness(ExternalStage.self, options: [
            "command": ["python3", "redact.py"], "options": ["kinds": ["email", "url"]],
        ], step: "redact", baseDirectory: TestPaths.pythonExamples)
        var article = Article(id: "a", text: "Écrivez à jean.dupont@exemple.fr ou voyez https://x.fr/a « ici ».")
        article.sentences = [Sentence(span: Span(start: 0, end: 65))]
        let result = try harness.run(article)
        #expect(result.text == "Écrivez à  ou voyez  « ici ».")
        #expect(result.removedTexts == ["jean.dupont@exemple.fr", "https://x.fr/a"])
        #expect(result.removals.map(\.reason) == ["redact: email", "redact: url"])
        #expect(result.removals.allSatisfy { $0.step == "redact" })
        #expect(result.layers["redact"] == ["count": 2])
        // Spans the program never saw are remapped by the host.
        #expect(result.sentences.map(\.span) == [Span(start: 0, end: 29)])
    }

    @Test("options the program refuses in its handshake fail the step with its message")
    func refusedOptions() {
        #expect {
            _ = try ExternalStage(options: StageOptions.validated(
                ["command": ["python3", "redact.py"], "options": ["kinds": ["phone"]]], for: ExternalStage.self,
                baseDirectory: TestPaths.pythonExamples))
        } throws: { error in
            "\(error)" == "stage 'redact' did not start: option 'kinds': unknown kind 'phone' (known: email, url)"
        }
    }

    @Test("a program that does not exist fails the step with the command and the reason")
    func missingProgram() {
        #expect {
            _ = try ExternalStage(options: StageOptions.validated(
                ["command": ["./no-such-stage"]], for: ExternalStage.self, baseDirectory: TestPaths.fixtures))
        } throws: { error in
            "\(error)".hasPrefix("stage 'no-such-stage' did not start: cannot run './no-such-stage'")
        }
    }

    @Test("a crash, a hang, garbage output and bad spans fail only their own article")
    func faultsStayPerArticle() throws {
        let stage = try ExternalStage(options: StageOptions.validated(
            ["command": ["python3", "faulty.py"], "timeout": 1, "processes": 2, "restarts": 10],
            for: ExternalStage.self, baseDirectory: TestPaths.fixtures))
        let texts = ["un", "CRASH", "deux", "GARBAGE", "trois", "HANG", "quatre", "FAIL", "BADSPAN", "cinq", "six",
                     "INVERTED", "NEGATIVE"]
        let outcomes = concurrently(texts) { text -> String in
            var article = Article(id: text, text: text)
            do {
                try stage.process(&article, context: StageContext(step: "faulty"))
                return "ok \(article.layers["faulty"]?.objectValue?["length"]?.intValue ?? -1)"
            } catch {
                return "\(error)"
            }
        }
        let byText = Dictionary(uniqueKeysWithValues: zip(texts, outcomes))
        for text in ["un", "deux", "trois", "quatre", "cinq", "six"] {
            #expect(byText[text] == "ok \(text.count)")
        }
        let crash = try #require(byText["CRASH"])
        #expect(crash.contains("the program 'python3 faulty.py' exited with status 3"))
        #expect(crash.contains("faulty: crashing on purpose"))
        #expect(byText["HANG"] == "the program 'python3 faulty.py' did not answer within 1.0 s and was stopped")
        #expect(byText["GARBAGE"] == "the program 'python3 faulty.py' broke the protocol: printed a line that is "
            + "not a valid protocol message: 'this is not json'")
        #expect(byText["FAIL"] == "ValueError: cannot handle this article")
        #expect(byText["BADSPAN"] == "the stage returned a entity span [0, 12) outside the text (7 scalars)")
        // Spans that are not ranges used to trap the whole process (Span's decoding skipped its check).
        #expect(byText["INVERTED"] == "the stage returned an invalid span [5, 2) starts after its end")
        #expect(byText["NEGATIVE"] == "the stage returned an invalid span [-1, 2) has a negative start")
    }

    @Test("returned entities are appended to those found before, unless the stage declares it replaces them")
    func entitiesAppendByDefault() throws {
        func run(_ extra: [String: JSONValue]) throws -> [String] {
            var raw: [String: JSONValue] = ["command": ["python3", "faulty.py"], "processes": 1]
            raw.merge(extra) { $1 }
            let stage = try ExternalStage(options: StageOptions.validated(
                raw, for: ExternalStage.self, baseDirectory: TestPaths.fixtures))
            var article = Article(id: "a", text: "ONE ENTITY and Paris")
            article.entities = [Entity(span: Span(start: 15, end: 20), text: "Paris", label: "LOC", canonical: "Paris",
                                       confidence: 1, step: "entities")]
            try stage.process(&article, context: StageContext(step: "faulty"))
            return article.entities.map { "\($0.text)/\($0.label)/\($0.step)" }
        }
        #expect(try run([:]) == ["Paris/LOC/entities", "ONE/ORG/faulty"])
        #expect(try run(["replaces": ["entities"]]) == ["ONE/ORG/faulty"])
    }

    @Test("after too many failures the stage fails further articles at once, saying why")
    func restartBudget() throws {
        let stage = try ExternalStage(options: StageOptions.validated(
            ["command": ["python3", "faulty.py"], "processes": 1, "restarts": 1],
            for: ExternalStage.self, baseDirectory: TestPaths.fixtures))
        func run(_ text: String) -> String {
            var article = Article(id: "a", text: text)
            do {
                try stage.process(&article, context: StageContext(step: "faulty"))
                return "ok"
            } catch {
                return "\(error)"
            }
        }
        #expect(run("CRASH").contains("exited with status 3"))
        #expect(run("fine") == "ok")
        #expect(run("CRASH").contains("exited with status 3"))
        #expect(run("fine").hasPrefix(
            "stage 'faulty' was stopped after its program failed 2 times (restarts: 1); last failure: "))
    }

    @Test("one program serves many articles: it is started once, not per article")
    func programIsKeptRunning() throws {
        let stage = try ExternalStage(options: StageOptions.validated(
            ["command": ["python3", "faulty.py"], "processes": 1], for: ExternalStage.self, baseDirectory: TestPaths.fixtures))
        let pids = try (1...4).map { index in
            var article = Article(id: "\(index)", text: "texte \(index)")
            try stage.process(&article, context: StageContext(step: "faulty"))
            return try #require(article.layers["faulty"]?.objectValue?["pid"]?.intValue)
        }
        #expect(Set(pids).count == 1)
    }

    @Test("a program that speaks another protocol version is refused, naming both versions")
    func protocolMismatch() {
        #expect {
            _ = try ExternalStage(options: StageOptions.validated(
                ["command": ["env", "FAULTY_PROTOCOL=2", "python3", "faulty.py"]], for: ExternalStage.self,
                baseDirectory: TestPaths.fixtures))
        } throws: { error in
            "\(error)" == "stage 'faulty' did not start: the stage speaks protocol version 2; this textmine speaks version 1"
        }
    }
}
