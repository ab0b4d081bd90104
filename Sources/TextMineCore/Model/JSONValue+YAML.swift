import Foundation

import TextMineYAML

extension JSONValue {
    /// The value of a YAML node, with plain scalars typed by the YAML 1.2 core schema (`3` is an
    /// integer, `true` a boolean, `~` null, `yes` a string) and quoted or block scalars as strings.
    /// Explicit core tags (`!!str 3`, `!!int "3"`) decide the type; other tags are ignored.
    public init(yaml node: YAMLNode) {
        switch node.kind {
        case .sequence(let items):
            self = .array(items.map(JSONValue.init(yaml:)))
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for pair in pairs {
                let key = pair.key.scalar ?? YAMLEmitter.emit(pair.key).trimmingCharacters(in: .newlines)
                object[key] = JSONValue(yaml: pair.value)
            }
            self = .object(object)
        case .scalar(let text, let style, let tag):
            switch tag {
            case YAMLTag.str?: self = .string(text)
            case YAMLTag.null?: self = .null
            case YAMLTag.bool?, YAMLTag.int?, YAMLTag.float?: self = JSONValue(coreSchema: text)
            default: self = style == .plain ? JSONValue(coreSchema: text) : .string(text)
            }
        }
    }

    private init(coreSchema text: String) {
        switch YAMLCoreSchema.resolve(text) {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .double(d)
        case .string: self = .string(text)
        }
    }

    /// The value as a YAML node: strings stay strings whatever their text, object keys are sorted.
    public var yamlNode: YAMLNode {
        switch self {
        case .null: return .scalar("null")
        case .bool(let b): return .scalar(b ? "true" : "false")
        case .int(let i): return .scalar(String(i))
        case .double(let d):
            if d.isNaN { return .scalar(".nan") }
            if d.isInfinite { return .scalar(d < 0 ? "-.inf" : ".inf") }
            return .scalar(String(d))
        case .string(let s): return .string(s)
        case .array(let items): return .sequence(items.map(\.yamlNode))
        case .object(let object): return .mapping(object.keys.sorted().map { ($0, object[$0]!.yamlNode) })
        }
    }

    /// The value as block-style YAML text (for `explain`, `stages --format yaml` and YAML output).
    public var yamlString: String { YAMLEmitter.emit(yamlNode) }
}
