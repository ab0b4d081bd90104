import Testing
@testable import TextMineCLI
import TextMineCore
import TextMineStages
import TextMineYAML
import TextMineTesting

@Suite("textmine stages")
struct StagesCommandTests {
    @Test("lists every stage with capabilities and options")
    func list() {
        let output = StagesCommand.describe(id: nil, format: .text, registry: CLITestStages.registry)
        #expect(output.standard == """
            pick — Picks sentences.
              requires: sentences
              produces: summary
              options:
                count: integer in 1...10 (default 3)
                    How many.
                method: one of lead, news (default "news")
                    How.

            split — Splits sentences.
              produces: sentences
              options:
                max-length: integer in 1...1000 (default 400)
                    The longest sentence, in words.
                rules: path (required)
                    A rule file.
            Run 'textmine stages ID' for a stage's documentation and an example.

            """)
    }

    @Test("one stage in detail: origin, documentation and an example step that lints")
    func detail() throws {
        let output = StagesCommand.describe(id: "split", format: .text, registry: CLITestStages.registry)
        #expect(output.standard.hasSuffix("""
              origin: compiled in
              options:
                max-length: integer in 1...1000 (default 400)
                    The longest sentence, in words.
                rules: path (required)
                    A rule file.

            Splits the text into sentences.

            Example:
              - use: split
                with:
                  max-length: 400
                  rules: <path>

            """))
    }

    @Test("--pipeline adds the stages of the pipeline's plugins")
    func pluginStages() throws {
        struct Resolver: PluginResolver {
            func stages(for plugins: [PluginReference]) -> (stages: [StageDescriptor], diagnostics: [Diagnostic]) {
                let shout = StageDescriptor(StageDescription(id: "shout", abstract: "Shouts."), origin: .process(manifest: plugins[0].path!)) { _ in
                    throw StageError("not built by this test")
                }
                return ([shout], [])
            }
        }
        let folder = try TemporaryFolder()
        let file = try folder.write("p.yaml", "plugins: [shout.stage.yaml]\nstages:\n  - use: shout\n")
        var loader = CLITestStages.loader
        loader.pluginResolver = Resolver()
        #expect(StagesCommand.registry(with: nil, loader: loader).ids == ["pick", "split"])
        let registry = StagesCommand.registry(with: file, loader: loader)
        #expect(registry.ids == ["pick", "shout", "split"])
        let manifest = folder.url.standardizedFileURL.path + "/shout.stage.yaml"
        #expect(StagesCommand.describe(id: "shout", format: .text, registry: registry).standard
            .hasPrefix("shout — Shouts.\n  origin: external program (\(manifest))\n"))
    }

    @Test("built-in stages say which languages they have rules for")
    func languages() {
        let entities = StagesCommand.describe(id: "entities", format: .text, registry: .builtIn).standard
        #expect(entities.contains("  languages: fr, en; others: skipped with a warning\n"))
        let language = StagesCommand.describe(id: "language", format: .text, registry: .builtIn).standard
        #expect(language.contains("  languages: de, en, es, fr, it, nl, pl, pt, ru; others: und\n"))
        let boilerplate = StagesCommand.describe(id: "boilerplate", format: .text, registry: .builtIn).standard
        #expect(boilerplate.contains("  languages: en, fr, de; others: generic rules\n"))
    }

    @Test("an unknown id is an error with did-you-mean")
    func unknown() {
        let output = StagesCommand.describe(id: "splt", format: .text, registry: CLITestStages.registry)
        #expect(output.status == 1)
        #expect(output.errors == "error: unknown stage 'splt'\n    hint: did you mean 'split'?\n")
    }

    @Test("json lists stages with typed options")
    func json() throws {
        let output = StagesCommand.describe(id: "pick", format: .json, registry: CLITestStages.registry)
        let value = JSONValue(yaml: try YAMLParser.parse(output.standard, file: "out.json"))
        #expect(value.objectValue?["requires"] == ["sentences"])
        let options = try #require(value.objectValue?["options"]?.arrayValue)
        #expect(options[1] == [
            "name": "method", "type": "one of lead, news", "doc": "How.", "required": false, "default": "news",
            "schema": ["type": "string", "enum": ["lead", "news"]],
        ])
    }

    @Test("jsonschema describes the pipeline file with each stage's options keyed by 'use'")
    func jsonSchema() throws {
        let output = StagesCommand.describe(id: nil, format: .jsonschema, registry: CLITestStages.registry)
        let schema = JSONValue(yaml: try YAMLParser.parse(output.standard, file: "schema.json"))
        #expect(schema.objectValue?["required"] == ["stages"])
        #expect(schema.objectValue?["patternProperties"] == ["^x-": [:]])
        let onEmpty = schema.objectValue?["properties"]?.objectValue?["on-empty"]?.objectValue?["enum"]?.arrayValue ?? []
        #expect(onEmpty.compactMap(\.stringValue) == ["keep", "skip", "fail"])
        let steps = try #require(schema.objectValue?["properties"]?.objectValue?["stages"]?.objectValue?["items"]?
            .objectValue?["oneOf"]?.arrayValue)
        #expect(steps.count == 2)
        let split = try #require(steps.first { $0.objectValue?["properties"]?.objectValue?["use"]?.objectValue?["const"] == "split" })
        let with = try #require(split.objectValue?["properties"]?.objectValue?["with"]?.objectValue)
        #expect(with["required"] == ["rules"])
        #expect(with["properties"]?.objectValue?["max-length"] == [
            "type": ["integer", "null"], "minimum": 1, "maximum": 1000, "default": 400,
            "description": "The longest sentence, in words.",
        ])
    }
}
