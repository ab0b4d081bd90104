/// The type of a stage option: what values it accepts, how a YAML or command-line scalar converts to
/// it, and how it appears in docs and JSON schema.
public indirect enum OptionType: Sendable, Hashable {
    case bool
    /// A whole number, optionally within bounds.
    case integer(ClosedRange<Int>? = nil)
    /// A number, optionally within bounds.
    case number(ClosedRange<Double>? = nil)
    case string
    /// One string of a fixed set.
    case choice([String])
    /// A file path; relative paths are resolved against the pipeline file's folder.
    case path
    /// `auto` or a language code, normalised by ``LanguageCode`` (`fr`, `en-GB`).
    case language
    /// A list of values of one type.
    case list(OptionType)
    /// A mapping from strings to values of one type.
    case map(OptionType)
    /// Any value (checked by the stage itself).
    case any
}

extension OptionType {
    /// Checks a value; returns a message saying what is wrong (without the option name), or nil.
    public func problem(with value: JSONValue) -> String? {
        switch (self, value) {
        case (.any, _), (.bool, .bool), (.string, .string), (.path, .string):
            return nil
        case (.integer(let range), _):
            guard let i = value.intValue, !(value.doubleValue.map { $0 != $0.rounded() } ?? false) else {
                return "expected an integer, got \(value.kindDescription)"
            }
            if let range, !range.contains(i) { return "\(i) is out of range \(range.lowerBound)...\(range.upperBound)" }
            return nil
        case (.number(let range), _):
            guard let d = value.doubleValue else { return "expected a number, got \(value.kindDescription)" }
            if let range, !range.contains(d) {
                return "\(Self.format(d)) is out of range \(Self.format(range.lowerBound))...\(Self.format(range.upperBound))"
            }
            return nil
        case (.language, .string(let s)):
            return s == "auto" || LanguageCode(s) != nil ? nil : "'\(s)' is not a language code (`fr`, `en-GB`) or `auto`"
        case (.choice(let choices), .string(let s)):
            if choices.contains(s) { return nil }
            let hint = Suggestion.closest(to: s, in: choices).map { "; did you mean '\($0)'?" } ?? ""
            return "'\(s)' is not one of \(choices.joined(separator: ", "))\(hint)"
        case (.list(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                if let problem = element.problem(with: item) { return "item \(index + 1): \(problem)" }
            }
            return nil
        case (.map(let element), .object(let entries)):
            for key in entries.keys.sorted() {
                if let problem = element.problem(with: entries[key]!) { return "key '\(key)': \(problem)" }
            }
            return nil
        default:
            return "expected \(article) \(self), got \(value.kindDescription)"
        }
    }

    /// Converts the text of a plain (unquoted) YAML or command-line scalar to a value of this type,
    /// following YAML 1.2 core rules where the type allows several readings.
    public func value(fromScalar text: String) -> JSONValue {
        switch self {
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return .string(text)
            }
        case .integer:
            return Int(text).map(JSONValue.int) ?? Double(text).map(JSONValue.double) ?? .string(text)
        case .number:
            return Int(text).map(JSONValue.int) ?? Double(text).map(JSONValue.double) ?? .string(text)
        case .string, .choice, .path, .language:
            return .string(text)
        case .list(let element):
            return .array([element.value(fromScalar: text)])
        case .map:
            return .string(text)
        case .any:
            if text == "null" || text == "~" { return .null }
            if let b = OptionType.bool.value(fromScalar: text).boolValue { return .bool(b) }
            if let i = Int(text) { return .int(i) }
            if let d = Double(text) { return .double(d) }
            return .string(text)
        }
    }

    private var article: String {
        switch self {
        case .integer, .any: return "an"
        default: return "a"
        }
    }

    private static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}

extension OptionType: CustomStringConvertible {
    /// The type as docs and messages name it: `integer in 1...10`, `one of lead, luhn`.
    public var description: String {
        switch self {
        case .bool: return "boolean"
        case .integer(let range): return range.map { "integer in \($0.lowerBound)...\($0.upperBound)" } ?? "integer"
        case .number(let range):
            return range.map { "number in \(Self.format($0.lowerBound))...\(Self.format($0.upperBound))" } ?? "number"
        case .string: return "string"
        case .choice(let choices): return "one of \(choices.joined(separator: ", "))"
        case .path: return "path"
        case .language: return "language code or auto"
        case .list(let element): return "list of \(element)"
        case .map(let element): return "mapping of \(element)"
        case .any: return "any value"
        }
    }
}

extension OptionType {
    /// The JSON Schema of values of this type.
    public var jsonSchema: JSONValue {
        switch self {
        case .bool: return ["type": "boolean"]
        case .integer(let range):
            var schema: [String: JSONValue] = ["type": "integer"]
            if let range { schema["minimum"] = .int(range.lowerBound); schema["maximum"] = .int(range.upperBound) }
            return .object(schema)
        case .number(let range):
            var schema: [String: JSONValue] = ["type": "number"]
            if let range { schema["minimum"] = .double(range.lowerBound); schema["maximum"] = .double(range.upperBound) }
            return .object(schema)
        case .string, .path: return ["type": "string"]
        case .language: return ["type": "string", "pattern": "^(auto|[A-Za-z]{2,3}([-_].*)?)$"]
        case .choice(let choices): return ["type": "string", "enum": .array(choices.map(JSONValue.string))]
        case .list(let element): return ["type": "array", "items": element.jsonSchema]
        case .map(let element): return ["type": "object", "additionalProperties": element.jsonSchema]
        case .any: return [:]
        }
    }
}
