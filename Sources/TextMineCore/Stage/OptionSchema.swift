/// One option of a stage: its name, type, default and documentation.
public struct OptionSpec: Sendable, Hashable {
    /// The key under `with:` in YAML.
    public var name: String
    public var type: OptionType
    /// The value used when the pipeline does not set the option; nil makes the option required.
    public var defaultValue: JSONValue?
    /// What the option does, in one or two sentences.
    public var doc: String

    public init(_ name: String, _ type: OptionType, default defaultValue: JSONValue?, doc: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
    }

    /// Whether a pipeline must set the option.
    public var isRequired: Bool { defaultValue == nil }
}

/// The options of a stage. One schema drives option parsing, lint, `textmine stages` and JSON schema.
///
/// A Swift stage lists its typed ``StageOption`` keys; a stage described at run time (a plugin
/// manifest) lists ``OptionSpec``s:
/// ```swift
/// options: [sentences, method]   // static let sentences = StageOption<Int>("sentences", in: 1...100, …)
/// ```
public struct OptionSchema: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The options in documentation order.
    public var specs: [OptionSpec]

    public init(_ specs: [OptionSpec] = []) { self.specs = specs }
    public init(_ declarations: [any OptionDeclaration]) { self.specs = declarations.map(\.spec) }
    public init(arrayLiteral elements: any OptionDeclaration...) { self.specs = elements.map(\.spec) }

    /// The option with this name.
    public subscript(name: String) -> OptionSpec? { specs.first { $0.name == name } }

    /// Validates raw option values and fills in defaults.
    ///
    /// - Returns: the complete values (valid ones plus defaults) and a problem per bad option.
    public func validate(_ raw: [String: JSONValue]) -> (values: [String: JSONValue], problems: [OptionProblem]) {
        var values: [String: JSONValue] = [:]
        var problems: [OptionProblem] = []
        for name in raw.keys.sorted() where self[name] == nil {
            let hint = Suggestion.closest(to: name, in: specs.map(\.name)).map { "did you mean '\($0)'?" }
            problems.append(OptionProblem(option: name, kind: .unknown, message: "unknown option '\(name)'", hint: hint))
        }
        for spec in specs {
            if let value = raw[spec.name] {
                if let problem = spec.type.problem(with: value) {
                    problems.append(OptionProblem(
                        option: spec.name, kind: .invalid, message: "option '\(spec.name)': \(problem)",
                        hint: "expected \(spec.type)"))
                } else {
                    values[spec.name] = value
                }
            } else if let defaultValue = spec.defaultValue {
                values[spec.name] = defaultValue
            } else {
                problems.append(OptionProblem(
                    option: spec.name, kind: .missing, message: "missing required option '\(spec.name)'",
                    hint: "add '\(spec.name):' (\(spec.type)) under 'with:'"))
            }
        }
        return (values, problems)
    }

    /// The JSON Schema of a `with:` mapping for this stage.
    public var jsonSchema: JSONValue {
        var properties: [String: JSONValue] = [:]
        for spec in specs {
            var schema = spec.type.jsonSchema.objectValue ?? [:]
            schema["description"] = .string(spec.doc)
            if let defaultValue = spec.defaultValue {
                // An optional option may be set to null, which means its default.
                if defaultValue != .null { schema["default"] = defaultValue }
                if case .string(let type)? = schema["type"] { schema["type"] = [.string(type), "null"] }
                if case .array(let choices)? = schema["enum"] { schema["enum"] = .array(choices + [.null]) }
            }
            properties[spec.name] = .object(schema)
        }
        return [
            "type": "object",
            "additionalProperties": false,
            "properties": .object(properties),
            "required": .array(specs.filter(\.isRequired).map { .string($0.name) }),
        ]
    }
}

/// A problem with one option value, found by ``OptionSchema/validate(_:)``.
public struct OptionProblem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case unknown, invalid, missing }
    /// The option's name as written.
    public var option: String
    public var kind: Kind
    /// The message, e.g. `option 'sentences': 0 is out of range 1...100`.
    public var message: String
    /// A fix, e.g. `did you mean 'sentences'?`.
    public var hint: String?
}
