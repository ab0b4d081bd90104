import ArgumentParser
import TextMineCore
import TextMineYAML

/// `textmine stages [ID]`: the stages a pipeline can use, with their options and docs.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the stages a pipeline can use, with their options and documentation.",
        discussion: """
            Without ID, lists every stage; with ID, shows one stage in detail with an example step. \
            '--format jsonschema' prints the JSON Schema of pipeline files (for editors), or of one \
            stage's 'with:' options. '--pipeline FILE' adds the stages of that pipeline's plugins.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonschema
    }

    @Argument(help: "A stage id, to show only that stage.")
    var id: String?

    @Option(help: "text, json, or jsonschema.")
    var format: Format = .text

    @Option(help: "Also list the stages of this pipeline's plugins.")
    var pipeline: String?

    func run() throws {
        var loader = CommandContext.pipelineLoader()
        loader.buildsStages = false
        try Self.describe(id: id, format: format, registry: Self.registry(with: pipeline, loader: loader)).emit()
    }

    /// The loader's stages, plus those of the pipeline's plugins when a pipeline is given.
    static func registry(with pipeline: String?, loader: PipelineLoader) -> StageRegistry {
        pipeline.map { loader.load(file: $0).registry } ?? loader.registry
    }

    /// The command's output for a registry.
    static func describe(id: String?, format: Format, registry: StageRegistry) -> CommandOutput {
        var output = CommandOutput()
        var stages = registry.stages
        if let id {
            guard let stage = registry[StageID(id)] else {
                output.printError("error: unknown stage '\(id)'")
                output.printError("    hint: " + (registry.suggestion(for: id).map { "did you mean '\($0)'?" }
                    ?? "the stages are: \(registry.ids.map(\.rawValue).joined(separator: ", "))"))
                output.status = 1
                return output
            }
            stages = [stage]
        }
        switch format {
        case .text:
            let blocks = stages.map { describe($0, detailed: id != nil) }
            output.standard = blocks.joined(separator: "\n")
            if id == nil { output.print("Run 'textmine stages ID' for a stage's documentation and an example.") }
        case .json:
            let json = stages.map(json(of:))
            output.print((id == nil ? JSONValue.array(json) : json[0]).jsonText(pretty: true))
        case .jsonschema:
            let schema = id == nil ? PipelineFileSchema.jsonSchema(for: registry) : stages[0].options.jsonSchema
            output.print(schema.jsonText(pretty: true))
        }
        return output
    }

    /// A stage as text: summary, capabilities and options; in detail also its origin,
    /// documentation and an example step.
    private static func describe(_ stage: StageDescriptor, detailed: Bool) -> String {
        var text = "\(stage.id) — \(stage.abstract)\n"
        if !stage.requires.isEmpty { text += "  requires: \(list(stage.requires))\n" }
        if !stage.produces.isEmpty { text += "  produces: \(list(stage.produces))\n" }
        if !stage.languages.languages.isEmpty { text += "  languages: \(stage.languages)\n" }
        if detailed { text += "  origin: \(stage.origin)\n" }
        if stage.options.specs.isEmpty {
            text += "  options: none\n"
        } else {
            text += "  options:\n"
            for spec in stage.options.specs {
                let value = spec.defaultValue.map { "default \($0.jsonText())" } ?? "required"
                text += "    \(spec.name): \(spec.type) (\(value))\n"
                if !spec.doc.isEmpty { text += "        \(spec.doc)\n" }
            }
        }
        guard detailed else { return text }
        if !stage.documentation.isEmpty { text += "\n" + stage.documentation.trimmingTrailingNewlines() + "\n" }
        text += "\nExample:\n"
        for line in YAMLEmitter.emit(.sequence([example(of: stage)])).split(separator: "\n") {
            text += "  \(line)\n"
        }
        return text
    }

    /// A step using the stage with every option at its default (required ones as `<type>`).
    private static func example(of stage: StageDescriptor) -> YAMLNode {
        var entries: [(String, YAMLNode)] = [("use", .string(stage.id.rawValue))]
        if !stage.options.specs.isEmpty {
            entries.append(("with", .mapping(stage.options.specs.map { spec in
                (spec.name, spec.defaultValue?.yamlNode ?? .scalar("<\(spec.type)>"))
            })))
        }
        return .mapping(entries)
    }

    private static func json(of stage: StageDescriptor) -> JSONValue {
        let options: [JSONValue] = stage.options.specs.map { spec in
            var object: [String: JSONValue] = [
                "name": .string(spec.name), "type": .string(spec.type.description), "doc": .string(spec.doc),
                "required": .bool(spec.isRequired), "schema": spec.type.jsonSchema,
            ]
            if let defaultValue = spec.defaultValue { object["default"] = defaultValue }
            return .object(object)
        }
        return [
            "id": .string(stage.id.rawValue),
            "summary": .string(stage.abstract), // the abstract, under its 0.1.0 key (docs/architecture.md, "Names")
            "documentation": .string(stage.documentation),
            "requires": .array(stage.requires.sorted().map { .string($0.rawValue) }),
            "produces": .array(stage.produces.sorted().map { .string($0.rawValue) }),
            "origin": .string(stage.origin.description),
            "languages": [
                "supported": .array(stage.languages.languages.map { .string($0.code) }),
                "others": .string(stage.languages.others.rawValue),
            ],
            "options": .array(options),
        ]
    }

    private static func list(_ capabilities: Set<Capability>) -> String {
        capabilities.sorted().map(\.rawValue).joined(separator: ", ")
    }
}

extension String {
    /// The string without final newlines.
    func trimmingTrailingNewlines() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == "\n" { end = index(before: end) }
        return self[..<end]
    }
}
