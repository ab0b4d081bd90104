import Foundation
import Testing
import TextMineCore

/// Loads YAML text as `p.yaml` with the test registry and a fixed environment.
private func load(_ yaml: String, overrides: [String] = [], base: String = "/pipelines") -> PipelineLoadResult {
    PipelineLoader(registry: TestStages.registry, environment: ["HOME_DIR": "/home/me", "EMPTY": ""])
        .load(yaml: yaml, file: "p.yaml", baseDirectory: base, overrides: overrides)
}

/// The findings as `textmine lint` prints them.
private func report(_ yaml: String, overrides: [String] = []) -> String {
    load(yaml, overrides: overrides).diagnostics.map(\.description).joined(separator: "\n")
}

@Suite("PipelineLoader: plans")
struct PipelineLoaderPlanTests {
    @Test("a valid pipeline gives a plan with defaults filled in and paths resolved")
    func validPlan() throws {
        let result = load("""
            name: demo
            language: fr
            input:
              paths: ["-"]
              format: jsonl
            output: {path: out/result.json, format: json}
            on-error: fail
            on-empty: skip
            stages:
              - use: tokens
              - use: sentences
              - use: entities
                id: ner
              - use: summarize
                with:
                  sentences: 5
                  words: extra
            """)
        #expect(result.diagnostics.isEmpty)
        let plan = try #require(result.plan)
        #expect(plan.name == "demo")
        #expect(plan.emptyPolicy == .skip)
        #expect(load("stages:\n  - use: tokens\n").plan?.emptyPolicy == .keep)
        #expect(plan.language == "fr")
        #expect(plan.input == InputSpec(paths: ["-"], format: .jsonl))
        #expect(plan.output == OutputSpec(path: "/pipelines/out/result.json", format: .json))
        #expect(plan.errorPolicy == .fail)
        #expect(plan.steps.map(\.name) == ["tokens", "sentences", "ner", "summarize"])
        #expect(plan.steps[3].options.values == [
            "sentences": 5, "method": "lead", "lowercase": false, "words": ["extra"], "label": "summary",
        ])
        #expect(plan.steps[3].options.baseDirectory == "/pipelines")
        #expect(plan.steps[2].line == 12 && plan.steps[2].column == 5)
        #expect(result.stages.count == 4)
        #expect((result.stages[3] as? TestStages.Summarize)?.sentences == 5)
    }

    @Test("plain scalars are typed by the option's type; quoted ones stay strings; null means default")
    func optionTyping() throws {
        let plan = try #require(load("""
            stages:
              - use: summarize
                with:
                  lowercase: yes
                  label: 2022
                  method: ~
                  sentences: ${N:-4}
            """).plan)
        #expect(plan.steps[0].options.values["sentences"] == 4)
        #expect(plan.steps[0].options.values["lowercase"] == true)
        #expect(plan.steps[0].options.values["label"] == "2022")
        #expect(plan.steps[0].options.values["method"] == "lead")
        let quoted = report("stages:\n  - use: summarize\n    with: {sentences: \"${N:-4}\"}\n")
        #expect(quoted == """
            p.yaml:3:23: error: option 'sentences': expected an integer, got a string
                hint: expected integer in 1...10
            """)
    }

    @Test("steps of the same stage get unique names")
    func uniqueNames() throws {
        let plan = try #require(load("""
            stages:
              - use: tokens
              - use: tokens
              - use: sentences
                id: tokens-2
            """).plan)
        #expect(plan.steps.map(\.name) == ["tokens", "tokens-3", "tokens-2"])
    }

    @Test("${VAR} and ${VAR:-default} read the environment; $${ is a literal")
    func interpolation() throws {
        let plan = try #require(load("""
            name: ${HOME_DIR}/x ${MISSING:-fallback} ${EMPTY:-empty} $${HOME_DIR}
            stages: [{use: tokens}]
            """).plan)
        #expect(plan.name == "/home/me/x fallback empty ${HOME_DIR}")
    }

    @Test("--set overrides a step option, typed like YAML")
    func overrides() throws {
        let plan = try #require(load("""
            stages:
              - use: summarize
                with: {sentences: 2}
            """, overrides: ["summarize.sentences=7", "summarize.lowercase=true"]).plan)
        #expect(plan.steps[0].options.values["sentences"] == 7)
        #expect(plan.steps[0].options.values["lowercase"] == true)
    }

    @Test("x- keys hold anchors that steps merge")
    func sharedAnchors() throws {
        let plan = try #require(load("""
            x-defaults: &summary
              sentences: 4
              method: news
            stages:
              - use: summarize
                with:
                  <<: *summary
                  method: lead
            """).plan)
        #expect(plan.steps[0].options.values["sentences"] == 4)
        #expect(plan.steps[0].options.values["method"] == "lead")
    }

    @Test("a pipeline file is read relative to its folder")
    func fromFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        let patterns = folder.appendingPathComponent("patterns.txt")
        let file = folder.appendingPathComponent("p.yaml").path
        try "input: {path: in}\noutput: {path: out.jsonl}\nstages:\n  - use: patterns\n    with: {file: patterns.txt}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let loader = PipelineLoader(registry: TestStages.registry, environment: [:])
        try "x\n".write(to: patterns, atomically: true, encoding: .utf8)
        let plan = try #require(loader.load(file: file).plan)
        #expect(plan.input.paths == [folder.standardizedFileURL.path + "/in"])
        #expect(plan.output.path == folder.standardizedFileURL.path + "/out.jsonl")
        try "x\nbad one\n".write(to: patterns, atomically: true, encoding: .utf8)
        let result = loader.load(file: file)
        #expect(result.diagnostics.map(\.description) == [
            "\(folder.standardizedFileURL.path)/patterns.txt:2:1: error: bad pattern 'bad one'",
        ])
        let missing = PipelineLoader(registry: TestStages.registry).load(file: folder.appendingPathComponent("no.yaml").path)
        #expect(missing.diagnostics.map(\.headline) == ["\(folder.path)/no.yaml: error: no such pipeline file"])
    }
}

@Suite("PipelineLoader: lint rules")
struct PipelineLintTests {
    @Test("YAML syntax errors")
    func syntax() {
        #expect(report("stages:\n  - use: tokens\n   with: {}\n") == """
            p.yaml:3:4: error: did not find expected '-' indicator (while parsing a block collection at 2:3)
                hint: check the indentation of this line against the lines above
            """)
    }

    @Test("an empty file and a file that is not a mapping")
    func emptyOrNotMapping() {
        #expect(report("# nothing\n") == """
            p.yaml:1:1: error: the pipeline file is empty
                hint: a pipeline needs at least a 'stages:' list
            """)
        #expect(report("- use: tokens\n") == """
            p.yaml:1:1: error: a pipeline file must be a mapping of keys such as 'stages:', not a list
                hint: start with 'stages:' and a list of '- use: STAGE' steps
            """)
    }

    @Test("unknown top-level, section and step keys, with did-you-mean")
    func unknownKeys() {
        #expect(report("""
            nme: x
            input: {pahts: [a]}
            colour: red
            stages:
              - use: summarize
                wiht: {sentences: 2}
              - use: summarize
                sentences: 2
            """) == """
            p.yaml:1:1: error: unknown key 'nme'
                hint: did you mean 'name'?
            p.yaml:2:9: error: unknown key 'pahts' in 'input'
                hint: did you mean 'paths'?
            p.yaml:3:1: error: unknown key 'colour'
                hint: known keys: name, description, language, input, output, on-error, on-empty, limits, plugins, stages
            p.yaml:6:5: error: unknown key 'wiht' in step
                hint: did you mean 'with'?
            p.yaml:8:5: error: unknown key 'sentences' in step
                hint: options go under 'with:'
            """)
    }

    @Test("unknown stage ids, with did-you-mean from the registry")
    func unknownStage() {
        #expect(report("stages:\n  - use: sumarize\n  - use: xyz\n") == """
            p.yaml:2:10: error: unknown stage 'sumarize'
                hint: did you mean 'summarize'?
            p.yaml:3:10: error: unknown stage 'xyz'
                hint: run 'textmine stages' to list the available stages
            """)
    }

    @Test("wrong option types and out-of-range values, at the value")
    func optionValues() {
        #expect(report("""
            stages:
              - use: summarize
                with:
                  sentences: 0
                  method: newz
                  lowercase: "true"
                  words: [a, [b]]
                  sentense: 1
            """) == """
            p.yaml:4:18: error: option 'sentences': 0 is out of range 1...10
                hint: expected integer in 1...10
            p.yaml:5:15: error: option 'method': 'newz' is not one of lead, news; did you mean 'news'?
                hint: expected one of lead, news
            p.yaml:6:18: error: option 'lowercase': expected a boolean, got a string
                hint: expected boolean
            p.yaml:7:18: error: option 'words': item 2: expected a string, got a list
                hint: expected list of string
            p.yaml:8:7: error: unknown option 'sentense'
                hint: did you mean 'sentences'?
            """)
    }

    @Test("missing required options, at 'with:' or the step")
    func missingOption() {
        #expect(report("stages:\n  - use: patterns\n  - use: patterns\n    with: {}\n") == """
            p.yaml:2:5: error: stage 'patterns' needs option 'file'
                hint: add 'file:' (path) under 'with:'
            p.yaml:4:5: error: stage 'patterns' needs option 'file'
                hint: add 'file:' (path) under 'with:'
            """)
    }

    @Test("a requirement no earlier step produces")
    func requirements() {
        #expect(report("stages:\n  - use: entities\n  - use: tokens\n") == """
            p.yaml:2:5: error: stage 'entities' requires 'sentences', which no earlier stage produces
                hint: add a step that produces it before this one: 'use: sentences'
            p.yaml:2:5: error: stage 'entities' requires 'tokens', which no earlier stage produces
                hint: move step 'tokens' (line 3) before this one
            """)
    }

    @Test("undefined environment variables and malformed references")
    func environment() {
        #expect(report("""
            name: ${NEWS_NAME}
            language: ${lang
            description: ${1X}
            stages:
              - use: summarize
                with:
                  sentences: ${SENTENCES}
            """) == """
            p.yaml:1:7: error: environment variable 'NEWS_NAME' is not set
                hint: set NEWS_NAME, or give a default: '${NEWS_NAME:-value}'
            p.yaml:2:11: error: unterminated '${' in '${lang'
                hint: close the variable with '}', or write '$${' for a literal '${'
            p.yaml:3:14: error: invalid environment variable name '1X'
                hint: names are letters, digits and '_', and do not start with a digit
            p.yaml:7:18: error: environment variable 'SENTENCES' is not set
                hint: set SENTENCES, or give a default: '${SENTENCES:-value}'
            """)
    }

    @Test("duplicate step ids and invalid ones")
    func duplicateIDs() {
        #expect(report("""
            stages:
              - use: tokens
                id: a
              - use: sentences
                id: a
              - use: sentences
                id: a.b
            """) == """
            p.yaml:5:9: error: duplicate step id 'a' (first used at 3:9)
                hint: give each step a unique 'id:'
            p.yaml:7:9: error: step id 'a.b' may only contain letters, digits, '-' and '_'
                hint: the id names the step in '--set ID.OPTION=VALUE' and in provenance
            """)
    }

    @Test("an empty or missing stages list, and steps that are not mappings")
    func emptyStages() {
        #expect(report("name: x\nstages: []\n") == """
            p.yaml:2:1: error: the pipeline has no stages
                hint: add at least one step, e.g. '- use: pass'
            """)
        #expect(report("name: x\n") == """
            p.yaml:1:1: error: the pipeline has no 'stages:'
                hint: add 'stages:' with a list of '- use: STAGE' steps
            """)
        #expect(report("stages:\n  - tokens\n  - id: x\n") == """
            p.yaml:2:5: error: a step must be a mapping with 'use:', not a string
                hint: write '- use: tokens'
            p.yaml:3:5: error: step has no 'use:'
                hint: name the stage to run, e.g. 'use: pass'
            """)
    }

    @Test("wrong types of top-level fields")
    func topLevelTypes() {
        #expect(report("""
            name: [a]
            on-error: maybe
            input: seeds
            output: {format: xml}
            stages: {use: tokens}
            on-empty: drop
            """) == """
            p.yaml:1:7: error: 'name': expected a string, got a list
                hint: expected string
            p.yaml:2:11: error: 'on-error': 'maybe' is not one of skip, fail
                hint: expected one of skip, fail
            p.yaml:3:8: error: 'input' must be a mapping, not a string
                hint: write its keys indented below it, e.g. 'input:' then '  path: …'
            p.yaml:4:18: error: 'output.format': 'xml' is not one of jsonl, json, yaml, text, csv, tsv, html
                hint: expected one of jsonl, json, yaml, text, csv, tsv, html
            p.yaml:5:9: error: 'stages' must be a list of steps, not a mapping
                hint: write each step on its own line as '- use: STAGE'
            p.yaml:6:11: error: 'on-empty': 'drop' is not one of keep, skip, fail
                hint: expected one of keep, skip, fail
            """)
    }

    @Test("limits: read into the plan, defaults otherwise; bad values and unknown keys at their place")
    func limits() throws {
        let plan = try #require(load("limits: {max-article-bytes: 1000, step-timeout: 2.5}\nstages:\n  - use: tokens\n").plan)
        #expect(plan.limits == RunLimits(maxArticleBytes: 1000, stepTimeout: 2.5))
        #expect(load("stages:\n  - use: tokens\n").plan?.limits == RunLimits())
        #expect(report("""
            limits:
              max-article-bytes: 0
              step-timeout: soon
              max-bytes: 3
            stages:
              - use: tokens
            """) == """
            p.yaml:2:22: error: 'limits.max-article-bytes': 0 is out of range 1...9223372036854775807
                hint: expected integer in 1...9223372036854775807
            p.yaml:3:17: error: 'limits.step-timeout': expected a number, got a string
                hint: expected number in 0.001...86400
            p.yaml:4:3: error: unknown key 'max-bytes' in 'limits'
                hint: known keys: max-article-bytes, step-timeout
            """)
    }

    @Test("output fields and exclude: names checked where they are written, with did-you-mean")
    func outputFields() throws {
        let plan = try #require(load("output:\n  fields: [text, entities, id]\n  exclude: tokens, alignment\nstages: [{use: tokens}]\n").plan)
        #expect(plan.output.fields == [.text, .entities, .id])
        #expect(plan.output.exclude == [.tokens, .alignment])
        #expect(plan.output.selection.fields == [.id, .text, .entities])
        #expect(report("""
            output:
              fields: [id, text, entites]
              exclude: tokens,  alignmnt
            stages: [{use: tokens}]
            """) == """
            p.yaml:2:22: error: 'output.fields': unknown field 'entites'
                hint: did you mean 'entities'?
            p.yaml:3:21: error: 'output.exclude': unknown field 'alignmnt'
                hint: did you mean 'alignment'?
            """)
        #expect(report("output: {exclude: [{a: 1}], fields: {a: 1}}\nstages: [{use: tokens}]\n") == """
            p.yaml:1:20: error: 'output.exclude': expected a field name, not a mapping
                hint: fields: id, source, language, metadata, text, summary, keywords, entities, removals, original, sentences, blocks, tokens, alignment, trace, layers
            p.yaml:1:37: error: 'output.fields' must be a list of field names, not a mapping
                hint: e.g. [id, source, language]
            """)
    }

    @Test("warnings: input paths that do not exist, language names instead of codes")
    func warnings() {
        let result = load("""
            language: French
            input:
              paths: [/nonexistent/in, "/nonexistent/*.txt", "-"]
            stages: [{use: tokens}]
            """)
        #expect(result.plan != nil)
        #expect(result.diagnostics.map(\.description).joined(separator: "\n") == """
            p.yaml:1:11: warning: 'language': 'French' is not a language code
                hint: use an ISO 639-1 code such as 'fr' or 'en', or 'auto'
            p.yaml:3:11: warning: input path '/nonexistent/in' does not exist
                hint: relative paths are resolved against the pipeline file's folder: /nonexistent/in
            """)
        #expect(load("language: pt-BR\nstages: [{use: tokens}]\n").diagnostics.isEmpty)
    }

    @Test("stage construction errors: at the option, at the step, or in the stage's own file")
    func construction() {
        #expect(report("""
            stages:
              - use: broken
              - use: patterns
                with: {file: /nonexistent/patterns.txt}
            """) == """
            p.yaml:2:5: error: stage 'broken': the model is corrupt
            p.yaml:4:18: error: option 'file': cannot read '/nonexistent/patterns.txt'
            """)
    }

    @Test("stage construction can be skipped (to lint without loading models)")
    func withoutBuilding() {
        var loader = PipelineLoader(registry: TestStages.registry, environment: [:])
        loader.buildsStages = false
        let result = loader.load(yaml: "stages:\n  - use: broken\n", file: "p.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan?.steps.map(\.stage) == ["broken"])
        #expect(result.stages.isEmpty)
    }

    @Test("bad --set overrides are reported on the command line")
    func badOverrides() {
        #expect(report("stages:\n  - use: summarize\n", overrides: [
            "summarize.sentences=99", "sumarize.x=1", "summarize.sentence=2", "nodot=1",
        ]) == """
            <command line>: error: --set sumarize.x=1: no step named 'sumarize'
                hint: did you mean 'summarize'?
            <command line>: error: --set summarize.sentence=2: unknown option 'sentence' for stage 'summarize'
                hint: did you mean 'sentences'?
            <command line>: error: --set nodot=1: expected STEP.OPTION=VALUE
                hint: e.g. --set summarize.sentences=5
            <command line>: error: --set summarize.sentences=99: option 'sentences': 99 is out of range 1...10
                hint: expected integer in 1...10
            """)
    }

    @Test("all findings are reported at once, sorted by position")
    func allAtOnce() {
        let result = load("""
            stages:
              - use: entities
                with: {x: 1}
              - use: nope
            on-error: maybe
            """)
        #expect(result.plan == nil)
        #expect(result.diagnostics.map { "\($0.line!):\($0.column!)" } == ["2:5", "2:5", "3:12", "4:10", "5:11"])
    }
}

@Suite("PipelineLoader: plugins")
struct PipelineLoaderPluginTests {
    struct FakeResolver: PluginResolver {
        func stages(for plugins: [PluginReference]) -> (stages: [StageDescriptor], diagnostics: [Diagnostic]) {
            var problems: [Diagnostic] = []
            for plugin in plugins where plugin.path?.hasSuffix("missing.so") == true {
                problems.append(Diagnostic(file: plugin.file, line: plugin.line, column: plugin.column,
                                           message: "cannot load plugin"))
            }
            return ([StageDescriptor(TestStages.Tokens.self, origin: .library(path: plugins[0].path!))], problems)
        }
    }

    @Test("plugins are resolved before steps are checked")
    func resolverRegistersStages() throws {
        var loader = PipelineLoader(registry: StageRegistry([TestStages.Entities.self]), environment: [:])
        loader.pluginResolver = FakeResolver()
        let yaml = "plugins: [lib/tok.so, missing.so]\nstages:\n  - use: tokens\n"
        let result = loader.load(yaml: yaml, file: "p.yaml", baseDirectory: "/x")
        #expect(result.diagnostics.map(\.description) == ["p.yaml:1:23: error: cannot load plugin"])
        let ok = loader.load(yaml: "plugins: [lib/tok.so]\nstages:\n  - use: tokens\n", file: "p.yaml", baseDirectory: "/x")
        #expect(ok.plan?.plugins == ["/x/lib/tok.so"])
        #expect(ok.registry["tokens"] != nil)
    }

    @Test("without a resolver, plugins give a warning and no plan error")
    func noResolver() {
        let result = load("plugins: [a.so]\nstages: [{use: tokens}]\n")
        #expect(result.plan != nil)
        #expect(result.diagnostics.map(\.description) == ["""
            p.yaml:1:10: warning: plugins are not loaded by this program
                hint: the stages they provide are unknown here; run the pipeline with the textmine command
            """])
    }
}
