import Testing
import TextMineCore
import TextMineExampleStages
import TextMinePlugins
import TextMineStages
import TextMineTesting
import TextMineYAML

@Suite("Plugins in pipelines")
struct PluginPipelineTests {
    @Test("a manifest and a dynamic library listed under plugins: give stages used like built-ins")
    func manifestAndLibrary() throws {
        let pipeline = PipelineHarness(yaml: """
            plugins:
              - \(TestPaths.pythonExamples)/redact.stage.yaml
              - \(TestPaths.examplePlugin)
            stages:
              - use: strip-lines
                with: {prefix: Photo}
              - use: redact
                with: {kinds: [email]}
            """)
        #expect(pipeline.findings == [])
        #expect(pipeline.result.registry["redact"]?.origin == .process(manifest: TestPaths.pythonExamples + "/redact.stage.yaml"))
        #expect(pipeline.result.registry["redact"]?.produces == ["redacted"])
        let articles = try pipeline.run(["Photo : AFP\nÉcrire à a.b@c.fr.\n", "Rien."])
        #expect(articles.map(\.text) == ["Écrire à .\n", "Rien."])
        #expect(articles[0].removals.map(\.reason) == ["strip-lines: Photo", "redact: email"])
        #expect(articles[0].removals.map(\.step) == ["strip-lines", "redact"])
    }

    @Test("a manifest's option schema is linted at the option's line and column")
    func manifestOptionsAreLinted() {
        let pipeline = PipelineHarness(yaml: """
            plugins: [\(TestPaths.pythonExamples)/redact.stage.yaml]
            stages:
              - use: redact
                with:
                  kinds: [email, phone]
              - use: redcat
            """)
        #expect(pipeline.findings == [
            "pipeline.yaml:5:22: error: option 'kinds': item 2: 'phone' is not one of email, url",
            "pipeline.yaml:6:10: error: unknown stage 'redcat'",
        ])
    }

    @Test("an out-of-process stage can be declared inline under plugins:")
    func inlineDeclaration() throws {
        let pipeline = PipelineHarness(yaml: """
            plugins:
              - id: shout-redact
                command: [python3, redact.py]
                options:
                  kinds: {type: list, items: {type: string}, default: [url]}
            stages:
              - use: shout-redact
            """, baseDirectory: TestPaths.pythonExamples)
        #expect(pipeline.findings == [])
        let articles = try pipeline.run(["Voir https://exemple.fr ici."])
        #expect(articles.map(\.text) == ["Voir  ici."])
    }

    @Test("mistakes in a manifest are reported at their line and column")
    func manifestMistakes() {
        let pipeline = PipelineHarness(yaml: """
            plugins:
              - id: broken
                command: [python3, redact.py]
                timout: 3
                options:
                  kinds: {type: lst, default: [url]}
            stages:
              - use: broken
            """, baseDirectory: TestPaths.pythonExamples)
        #expect(pipeline.findings == [
            "pipeline.yaml:4:5: error: stage manifest: unknown option 'timout'",
            "pipeline.yaml:6:21: error: option 'kinds': unknown type 'lst'",
            "pipeline.yaml:8:10: error: unknown stage 'broken'",
        ])
    }

    @Test("option bounds that are reversed, too large or not numbers are reported, not trapped on")
    func manifestBounds() {
        let pipeline = PipelineHarness(yaml: """
            plugins:
              - id: bounded
                command: [python3, redact.py]
                options:
                  reversed: {type: integer, min: 10, max: 1}
                  huge: {type: integer, min: 1e300}
                  word: {type: number, max: lots}
                  infinite: {type: number, min: .inf}
                  fine: {type: number, min: 0.5, max: 1e300, default: 1}
            stages:
              - use: pass
            """, registry: .builtIn, baseDirectory: TestPaths.pythonExamples)
        #expect(pipeline.findings == [
            "pipeline.yaml:5:38: error: option 'reversed': min 10 is greater than max 1",
            "pipeline.yaml:6:34: error: option 'huge': min: expected a whole number, got '1e300'",
            "pipeline.yaml:7:33: error: option 'word': max: expected a finite number, got 'lots'",
            "pipeline.yaml:8:37: error: option 'infinite': min: expected a finite number, got '.inf'",
        ])
    }

    @Test("a missing plugin library is reported at its entry, and its stages are unknown")
    func missingLibrary() {
        let pipeline = PipelineHarness(yaml: """
            plugins:
              - /nonexistent/libStages.so
            stages:
              - use: pass
            """, registry: .builtIn)
        #expect(pipeline.findings == [
            "pipeline.yaml:2:5: error: plugin library '/nonexistent/libStages.so' does not exist",
        ])
    }

    @Test("a step can run a program inline with use: external")
    func externalStep() throws {
        let pipeline = PipelineHarness(yaml: """
            stages:
              - use: external
                id: redact
                with:
                  command: [python3, redact.py]
                  options: {kinds: [email]}
            """, baseDirectory: TestPaths.pythonExamples)
        #expect(pipeline.findings == [])
        let articles = try pipeline.run(["a@b.fr dit bonjour"])
        #expect(articles[0].text == " dit bonjour")
        #expect(articles[0].removals.first?.step == "redact")
    }
}

@Suite("Example manifests")
struct ExampleManifestTests {
    @Test("the example manifests declare their stages and option schemas")
    func examplesParse() throws {
        let (redact, redactProblems) = StageManifest.read(file: TestPaths.pythonExamples + "/redact.stage.yaml")
        #expect(redactProblems.isEmpty)
        #expect(redact?.id == "redact")
        #expect(redact?.options?["kinds"]?.type == .list(.choice(["email", "url"])))
        #expect(redact?.command.arguments == ["python3", "redact.py"])

        let (served, servedProblems) = StageManifest.read(file: TestPaths.repository + "/Examples/swift/strip-lines.stage.yaml")
        #expect(servedProblems.isEmpty)
        #expect(served?.options?["prefix"]?.defaultValue == "Photo")
        #expect(served?.command.arguments.last == "serve-stage")
    }

    @Test("a manifest's abstract: is the stage's abstract; the older summary: still loads; not both")
    func abstractAndItsOlderName() throws {
        func manifest(_ lines: String) -> (ExternalStageConfiguration?, [Diagnostic]) {
            let node = try! YAMLParser.parse(bytes: Array("id: s\ncommand: [s]\n\(lines)".utf8), file: "s.stage.yaml")
            return StageManifest.parse(node, file: "s.stage.yaml", baseDirectory: "/")
        }
        #expect(manifest("abstract: Does one thing.\n").0?.descriptor.abstract == "Does one thing.")
        #expect(manifest("summary: Does one thing.\n").0?.descriptor.abstract == "Does one thing.")
        let both = manifest("abstract: One.\nsummary: Two.\n")
        #expect(both.0 == nil)
        #expect(both.1.map(\.description) == [
            "s.stage.yaml:4:1: error: stage manifest: give 'abstract' or 'summary', not both\n"
                + "    hint: 'summary' is the older name of 'abstract'; keep 'abstract'",
        ])
    }
}
