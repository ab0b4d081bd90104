import Foundation
import TextMineCore
import TextMineYAML

/// Reads stage manifests: the YAML that describes an out-of-process stage, in its own file
/// (`redact.stage.yaml`, listed under `plugins:`) or inline as a `plugins:` entry.
///
/// ```yaml
/// textmine-stage: 1             # protocol version
/// id: redact
/// version: 1.0.0
/// abstract: Removes e-mail addresses.
/// command: [python3, redact.py] # run in the manifest's folder
/// options:
///   kinds: {type: list, items: {type: choice, choices: [email, url]}, default: [email], doc: What to remove.}
/// requires: []
/// produces: [redacted]
/// timeout: 10
/// replaces: []                  # entities, keywords: replace the article's list instead of appending
/// ```
/// Every problem is reported as a diagnostic at its `file:line:col`.
public enum StageManifest {
    /// The keys of a manifest, with their types and docs.
    public static let schema: OptionSchema = [
        OptionSpec("textmine-stage", .integer(), default: .int(PluginProtocol.version),
                   doc: "The protocol version the program speaks."),
        OptionSpec("id", .string, default: nil, doc: "The stage id, used after 'use:'."),
        OptionSpec("version", .string, default: "0", doc: "The stage's own version."),
        OptionSpec("abstract", .string, default: "", doc: "One line that says what the stage does."),
        OptionSpec("summary", .string, default: "", doc: "The older name of 'abstract', still read."),
        OptionSpec("documentation", .string, default: "", doc: "Longer documentation (Markdown)."),
        OptionSpec("command", .list(.string), default: nil,
                   doc: "The program and its arguments; run in the manifest's folder."),
        OptionSpec("options", .map(.any), default: [:], doc: "The options the stage accepts (type, default, doc)."),
        OptionSpec("requires", .list(.string), default: [], doc: "Capabilities earlier stages must produce."),
        OptionSpec("produces", .list(.string), default: [], doc: "Capabilities this stage adds."),
        OptionSpec("timeout", .number(0.001...86_400), default: .double(ExternalStageConfiguration.defaultTimeout),
                   doc: "Seconds the program may take per article."),
        OptionSpec("startup-timeout", .number(0.001...86_400),
                   default: .double(ExternalStageConfiguration.defaultStartupTimeout),
                   doc: "Seconds the program may take to start and answer the handshake."),
        OptionSpec("processes", .integer(1...256), default: .null,
                   doc: "How many copies of the program may run at once (default: one per CPU)."),
        OptionSpec("restarts", .integer(0...10_000), default: .int(ExternalStageConfiguration.defaultRestarts),
                   doc: "How many times a failed program is replaced before the stage gives up."),
        OptionSpec("replaces", .list(.choice(ArticlePatch.AppendableField.allCases.map(\.rawValue))), default: [],
                   doc: "The list fields whose returned list replaces the article's (default: appended to it)."),
    ]

    /// Loads a manifest file; throws its first problem (for code that has no diagnostics list).
    public static func load(path: String) throws -> ExternalStageConfiguration {
        let (configuration, diagnostics) = read(file: path)
        guard let configuration else {
            throw StageError(diagnostics.first?.description ?? "cannot read the manifest \(path)", option: "manifest")
        }
        return configuration
    }

    /// Reads a manifest file.
    public static func read(file path: String) -> (ExternalStageConfiguration?, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return (nil, [Diagnostic(file: path, message: exists ? "cannot read the stage manifest" : "no such stage manifest")])
        }
        do {
            let node = try YAMLParser.parse(bytes: Array(data), file: path)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
            return parse(node, file: path, baseDirectory: folder)
        } catch {
            return (nil, [Diagnostic(file: error.file, line: error.mark.line, column: error.mark.column,
                                     message: error.message, hint: error.hint)])
        }
    }

    /// Reads a manifest from a YAML mapping; `baseDirectory` is where the program runs.
    public static func parse(_ node: YAMLNode, file: String, baseDirectory: String) -> (ExternalStageConfiguration?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ message: String, at node: YAMLNode, hint: String? = nil) {
            diagnostics.append(Diagnostic(file: file, line: node.mark.line, column: node.mark.column,
                                          message: message, hint: hint))
        }
        guard let pairs = node.mapping else {
            report("a stage manifest must be a mapping, not \(node.kindDescription)", at: node)
            return (nil, diagnostics)
        }
        var raw: [String: JSONValue] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            let type = schema[key]?.type ?? .any
            raw[key] = type.value(of: pair.value)
        }
        // `path:` names the manifest of an inline entry that only points at a file; not a key here.
        raw["path"] = nil
        let (values, problems) = schema.validate(raw)
        for problem in problems {
            let pair = pairs.first { $0.key.scalar == problem.option }
            let place = problem.kind == .unknown ? pair?.key : pair?.value
            report("stage manifest: \(problem.message)", at: place ?? node, hint: problem.hint)
        }
        if let version = values["textmine-stage"]?.intValue, version != PluginProtocol.version {
            report("the stage speaks protocol version \(version); this textmine speaks version \(PluginProtocol.version)",
                   at: node["textmine-stage"] ?? node, hint: "update the stage or textmine so that both speak the same version")
        }
        if let old = pairs.first(where: { $0.key.scalar == "summary" })?.key, node["abstract"] != nil {
            report("stage manifest: give 'abstract' or 'summary', not both", at: old,
                   hint: "'summary' is the older name of 'abstract'; keep 'abstract'")
        }
        var options = OptionSchema()
        if let optionsNode = node["options"], let entries = optionsNode.mapping {
            for entry in entries {
                guard let name = entry.key.scalar else { continue }
                switch optionSpec(name: name, entry.value) {
                case .success(let spec): options.specs.append(spec)
                case .failure(let problem): report("option '\(name)': \(problem.message)", at: problem.node, hint: problem.hint)
                }
            }
        }
        guard diagnostics.isEmpty, let id = values["id"]?.stringValue, let command = values["command"]?.arrayValue else {
            return (nil, diagnostics)
        }
        let configuration = ExternalStageConfiguration(
            id: StageID(id),
            version: values["version"]?.stringValue ?? "0",
            abstract: (node["abstract"] != nil ? values["abstract"] : values["summary"])?.stringValue ?? "",
            documentation: values["documentation"]?.stringValue ?? "",
            command: PluginCommand(arguments: command.compactMap(\.stringValue), directory: baseDirectory),
            options: options,
            requires: Set((values["requires"]?.arrayValue ?? []).compactMap(\.stringValue).map(Capability.init(rawValue:))),
            produces: Set((values["produces"]?.arrayValue ?? []).compactMap(\.stringValue).map(Capability.init(rawValue:))),
            timeout: values["timeout"]?.doubleValue ?? ExternalStageConfiguration.defaultTimeout,
            startupTimeout: values["startup-timeout"]?.doubleValue ?? ExternalStageConfiguration.defaultStartupTimeout,
            processes: values["processes"]?.intValue ?? ExternalStageConfiguration.defaultProcesses,
            restarts: values["restarts"]?.intValue ?? ExternalStageConfiguration.defaultRestarts,
            replaces: ArticlePatch.AppendableField.set(values["replaces"]),
            declaredIn: file)
        return (configuration, diagnostics)
    }

    /// A problem in an option's declaration.
    private struct SpecProblem: Error {
        var message: String
        var node: YAMLNode
        var hint: String?
    }

    /// The keys of one option's declaration.
    private static let specKeys = ["type", "default", "doc", "min", "max", "choices", "items"]
    private static let typeNames = ["bool", "integer", "number", "string", "choice", "path", "list", "map", "any"]

    /// Reads `name: {type: …, default: …, doc: …}`.
    private static func optionSpec(name: String, _ node: YAMLNode) -> Result<OptionSpec, SpecProblem> {
        guard node.mapping != nil else {
            return .failure(SpecProblem(message: "must be a mapping with 'type', 'default' and 'doc', not \(node.kindDescription)",
                                        node: node, hint: "e.g. '\(name): {type: string, default: \"\", doc: …}'"))
        }
        let type: OptionType
        switch optionType(node) {
        case .success(let parsed): type = parsed
        case .failure(let problem): return .failure(problem)
        }
        var defaultValue: JSONValue?
        if let defaultNode = node["default"] {
            let value = type.value(of: defaultNode)
            if value != .null, let problem = type.problem(with: value) {
                return .failure(SpecProblem(message: "default: \(problem)", node: defaultNode, hint: "expected \(type)"))
            }
            defaultValue = value
        }
        return .success(OptionSpec(name, type, default: defaultValue, doc: node["doc"]?.scalar ?? ""))
    }

    /// Reads the `min:` and `max:` of an integer or number option with `parse`; nil when neither is
    /// given. A bound that does not parse, or a `min` above the `max`, is a problem (a range with
    /// its bounds the wrong way round would trap).
    private static func bounds<Bound: Comparable>(
        _ node: YAMLNode, _ parse: (String) -> Bound?
    ) -> Result<(Bound?, Bound?)?, SpecProblem> {
        var values: [Bound?] = []
        for key in ["min", "max"] {
            guard let boundNode = node[key] else { values.append(nil); continue }
            guard let value = boundNode.scalar.flatMap(parse) else {
                let what = Bound.self == Int.self ? "a whole number" : "a finite number"
                return .failure(SpecProblem(message: "\(key): expected \(what), got '\(boundNode.scalar ?? boundNode.kindDescription)'",
                                            node: boundNode, hint: nil))
            }
            values.append(value)
        }
        if let low = values[0], let high = values[1], low > high {
            return .failure(SpecProblem(message: "min \(low) is greater than max \(high)", node: node["min"] ?? node,
                                        hint: "swap them"))
        }
        return .success(values[0] == nil && values[1] == nil ? nil : (values[0], values[1]))
    }

    /// Reads the `type` (and `min`, `max`, `choices`, `items`) of an option declaration.
    private static func optionType(_ node: YAMLNode) -> Result<OptionType, SpecProblem> {
        for pair in node.mapping ?? [] where !specKeys.contains(pair.key.scalar ?? "") {
            let key = pair.key.scalar ?? ""
            let hint = Suggestion.closest(to: key, in: specKeys).map { "did you mean '\($0)'?" }
            return .failure(SpecProblem(message: "unknown key '\(key)'", node: pair.key, hint: hint))
        }
        guard let typeNode = node["type"], let name = typeNode.scalar else {
            return .failure(SpecProblem(message: "missing 'type'", node: node,
                                        hint: "one of \(typeNames.joined(separator: ", "))"))
        }
        switch name {
        case "bool", "boolean": return .success(.bool)
        case "string": return .success(.string)
        case "path": return .success(.path)
        case "any": return .success(.any)
        case "integer":
            return bounds(node, Int.init).flatMap { bounds in
                .success(.integer(bounds.map { ($0 ?? Int.min)...($1 ?? Int.max) }))
            }
        case "number":
            return bounds(node) { Double($0).flatMap { $0.isFinite ? $0 : nil } }.flatMap { bounds in
                .success(.number(bounds.map { ($0 ?? -.infinity)...($1 ?? .infinity) }))
            }
        case "choice":
            let choices = node["choices"]?.sequence?.compactMap(\.scalar) ?? []
            guard !choices.isEmpty else {
                return .failure(SpecProblem(message: "a choice needs 'choices'", node: typeNode, hint: "e.g. 'choices: [a, b]'"))
            }
            return .success(.choice(choices))
        case "list", "map":
            guard let items = node["items"] else {
                return .failure(SpecProblem(message: "a \(name) needs 'items'", node: typeNode,
                                            hint: "e.g. 'items: {type: string}'"))
            }
            return optionType(items).map { name == "list" ? .list($0) : .map($0) }
        default:
            let hint = Suggestion.closest(to: name, in: typeNames).map { "did you mean '\($0)'?" }
                ?? "one of \(typeNames.joined(separator: ", "))"
            return .failure(SpecProblem(message: "unknown type '\(name)'", node: typeNode, hint: hint))
        }
    }
}
