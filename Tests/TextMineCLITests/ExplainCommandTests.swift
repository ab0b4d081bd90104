import Foundation
import Testing
@testable import TextMineCLI
import TextMineCore
import TextMineYAML
import TextMineTesting

@Suite("textmine explain")
struct ExplainCommandTests {
    @Test("prints the resolved plan: steps, options with defaults, requires and produces")
    func yaml() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        let file = try folder.write("p.yaml", """
            name: demo
            language: fr
            input: {paths: [in], format: text}
            output: {path: out.jsonl}
            stages:
              - use: split
                with: {rules: rules.txt}
              - use: pick
                id: best
                with: {count: 2}
            """)
        let output = ExplainCommand.explain(file, overrides: ["best.method=lead"], format: .yaml, loader: CLITestStages.loader)
        #expect(output.errors == "")
        #expect(output.standard == """
            file: \(file)
            name: demo
            language: fr
            input:
              paths:
                - \(folder.url.standardizedFileURL.path)/in
              format: text
            output:
              path: \(folder.url.standardizedFileURL.path)/out.jsonl
              format: jsonl
              timings: true
              fields:
            \(ArticleField.names.map { "    - \($0)" }.joined(separator: "\n"))
            on-error: skip
            on-empty: keep
            limits:
              max-article-bytes: 67108864
              step-timeout: 300
            steps:
              - name: split
                use: split
                at: \(file):6:5
                requires: []
                produces:
                  - sentences
                options:
                  max-length: 400
                  rules: rules.txt
              - name: best
                use: pick
                at: \(file):8:5
                requires:
                  - sentences
                produces:
                  - summary
                options:
                  count: 2
                  method: lead

            """)
    }

    @Test("json output holds the same plan")
    func json() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("p.yaml", "stages:\n  - use: pick\n")
        let broken = ExplainCommand.explain(file, overrides: [], format: .json, loader: CLITestStages.loader)
        #expect(broken.status == 1)
        let ok = try folder.write("ok.yaml", "stages:\n  - use: split\n    with: {rules: r}\n")
        let output = ExplainCommand.explain(ok, overrides: [], format: .json, loader: CLITestStages.loader)
        let plan = JSONValue(yaml: try YAMLParser.parse(output.standard, file: "plan.json"))
        #expect(plan.objectValue?["steps"]?.arrayValue?.first?.objectValue?["options"] == ["max-length": 400, "rules": "r"])
        #expect(plan.objectValue?["output"] == ["path": .null, "format": "jsonl", "timings": true,
                                                         "fields": .array(ArticleField.names.map(JSONValue.string))])
    }

    @Test("lint errors are printed to standard error with exit status 1")
    func errors() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("p.yaml", "stages:\n  - use: pick\n    with: {count: 11}\n")
        let output = ExplainCommand.explain(file, overrides: [], format: .yaml, loader: CLITestStages.loader)
        #expect(output.status == 1)
        #expect(output.standard == "")
        #expect(output.errors == """
            \(file):2:5: error: stage 'pick' requires 'sentences', which no earlier stage produces
                hint: add a step that produces it before this one: 'use: split'
            \(file):3:19: error: option 'count': 11 is out of range 1...10
                hint: expected integer in 1...10

            """)
    }
}
