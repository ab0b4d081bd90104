import ArgumentParser
import TextMineCore
import TextMineYAML

/// `textmine explain PIPELINE`: the resolved plan of a pipeline.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the resolved plan of a pipeline: steps, options with defaults, requires/produces.",
        discussion: "Lint errors are printed instead, with exit status 1."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Argument(help: "The pipeline file.")
    var pipeline: String

    @Option(help: "yaml or json.")
    var format: Format = .yaml

    @Option(name: .customLong("set"), help: ArgumentHelp("Override an option, as 'run' does.", valueName: "STEP.OPTION=VALUE"))
    var overrides: [String] = []

    func run() throws {
        try Self.explain(pipeline, overrides: overrides, format: format, loader: CommandContext.pipelineLoader()).emit()
    }

    /// The command's output.
    static func explain(_ file: String, overrides: [String], format: Format, loader: PipelineLoader) -> CommandOutput {
        var loader = loader
        loader.buildsStages = false
        var output = CommandOutput()
        let result = loader.load(file: file, overrides: overrides)
        for diagnostic in result.diagnostics { output.printError(diagnostic.description) }
        guard let plan = result.plan else {
            output.status = 1
            return output
        }
        let description = node(of: plan, registry: result.registry)
        switch format {
        case .yaml: output.standard = YAMLEmitter.emit(description)
        case .json: output.print(JSONValue(yaml: description).jsonText(pretty: true))
        }
        return output
    }

    /// The plan as an ordered YAML mapping (an input format of null means "by file extension", an
    /// output path of null "standard output").
    static func node(of plan: PipelinePlan, registry: StageRegistry) -> YAMLNode {
        var entries: [(String, YAMLNode)] = [("file", .string(plan.file))]
        if let name = plan.name { entries.append(("name", .string(name))) }
        if let language = plan.language { entries.append(("language", .string(language.code))) }
        entries += [
            ("input", .mapping([
                ("paths", .sequence(plan.input.paths.map(YAMLNode.string))),
                ("format", plan.input.format.map { .string($0.rawValue) } ?? .scalar("null")),
            ])),
            ("output", .mapping([
                ("path", plan.output.path.map(YAMLNode.string) ?? .scalar("null")),
                ("format", .string(plan.output.format.rawValue)),
                ("timings", .scalar(plan.output.timings ? "true" : "false")),
                ("fields", .sequence(plan.output.selection.fields.map { .scalar($0.rawValue) })),
            ])),
            ("on-error", .string(plan.errorPolicy.rawValue)),
            ("on-empty", .string(plan.emptyPolicy.rawValue)),
            ("limits", .mapping([
                ("max-article-bytes", .scalar(String(plan.limits.maxArticleBytes))),
                ("step-timeout", .scalar(plan.limits.stepTimeout == plan.limits.stepTimeout.rounded()
                    ? String(Int(plan.limits.stepTimeout)) : String(plan.limits.stepTimeout))),
            ])),
        ]
        if !plan.plugins.isEmpty { entries.append(("plugins", .sequence(plan.plugins.map(YAMLNode.string)))) }
        entries.append(("steps", .sequence(plan.steps.map { step in
            let stage = registry[step.stage]
            var fields: [(String, YAMLNode)] = [("name", .string(step.name)), ("use", .string(step.stage.rawValue))]
            if let line = step.line, let column = step.column {
                fields.append(("at", .string("\(plan.file):\(line):\(column)")))
            }
            if let stage {
                fields.append(("requires", .sequence(stage.requires.sorted().map { .string($0.rawValue) })))
                fields.append(("produces", .sequence(stage.produces.sorted().map { .string($0.rawValue) })))
            }
            let order = stage?.options.specs.map(\.name) ?? step.options.values.keys.sorted()
            fields.append(("options", .mapping(order.compactMap { name in
                step.options.values[name].map { (name, $0.yamlNode) }
            })))
            return .mapping(fields)
        })))
        return .mapping(entries)
    }
}
