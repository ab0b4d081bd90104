import Testing
import TextMineCore
import TextMineExampleStages
import TextMinePlugins
import TextMineTesting

@Suite("Swift stages served out of process")
struct StageServerTests {
    @Test("a Swift stage served by `textmine-example serve-stage` gives what it gives in process")
    func servedStageMatchesInProcess() throws {
        let served = try StageHarness(ExternalStage.self, options: [
            "command": [.string(TestPaths.product("textmine-example")), "serve-stage"], "stage": "strip-lines",
            "options": ["prefix": "Crédit"],
        ], step: "strip-lines")
        let compiled = try StageHarness(StripLines.self, options: ["prefix": "Crédit"])
        var article = Article(id: "a", text: "Crédit photo : AFP\nMOSCOU (Reuters) – Le « président » a parlé.\nCrédit : X\n")
        article.metadata["title"] = MetadataField(value: "Titre", step: "metadata", rule: "first-line")
        let result = try served.run(article)
        #expect(result == (try compiled.run(article)))
        #expect(result.removals.map(\.reason) == ["strip-lines: Crédit", "strip-lines: Crédit"])
    }

    @Test("an unknown stage id is refused in the handshake with a suggestion")
    func unknownStage() {
        #expect {
            _ = try ExternalStage(
                ExternalStageConfiguration(
                    id: "strip-line",
                    command: PluginCommand(arguments: [TestPaths.product("textmine-example"), "serve-stage"],
                                           directory: TestPaths.products),
                    options: nil, declaredIn: "test"),
                options: [:])
        } throws: { error in
            "\(error)" == "stage 'strip-line' did not start: this program has no stage 'strip-line'; did you mean 'strip-lines'?"
        }
    }
}
