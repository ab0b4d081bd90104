/// Something that declares one option of a stage: a typed ``StageOption``, or an ``OptionSpec`` for
/// stages described at run time (plugin manifests).
public protocol OptionDeclaration: Sendable {
    /// The option's name, type, default and documentation.
    var spec: OptionSpec { get }
}

extension OptionSpec: OptionDeclaration {
    public var spec: OptionSpec { self }
}

/// A typed stage option, declared once: its name, type, default and doc feed the stage's schema
/// (lint, `textmine stages`, JSON Schema), and ``StageOptions`` reads it as a `Value`.
///
/// Declare it next to the stage, list it in the description's `options`, and read it in `init`:
/// ```swift
/// static let count = StageOption<Int>("count", in: 1...1000, default: 10, doc: "How many key phrases to keep.")
/// static let method = StageOption<SummaryMethod>("method", default: .news, doc: "How sentences are scored.")
/// static let description = StageDescription(id: "keywords", abstract: "…", options: [count, method])
///
/// init(options: StageOptions) throws { count = options[Self.count] }
/// ```
/// An enum option (`String` raw values, `CaseIterable`) is a `choice` of its raw values, in case
/// order. A read never traps: options validated against the schema always hold a value of the
/// declared type, and options built without the schema (a stage built by hand) give the default.
public struct StageOption<Value: Sendable>: OptionDeclaration {
    public let spec: OptionSpec
    /// The value a read gives when the options do not hold this one.
    public let defaultValue: Value
    private let read: @Sendable (JSONValue, StageOptions) -> Value?

    /// The key under `with:` in YAML.
    public var name: String { spec.name }

    /// A typed option of any type: the schema's type and default, and how a validated value reads.
    public init(spec: OptionSpec, default defaultValue: Value,
                read: @escaping @Sendable (JSONValue, StageOptions) -> Value?) {
        self.spec = spec
        self.defaultValue = defaultValue
        self.read = read
    }

    /// The value of this option in `options`, or the default when it holds none.
    func value(in options: StageOptions) -> Value {
        options[name].flatMap { read($0, options) } ?? defaultValue
    }
}

extension StageOption where Value == Bool {
    /// A boolean option.
    public init(_ name: String, default defaultValue: Bool, doc: String) {
        self.init(spec: OptionSpec(name, .bool, default: .bool(defaultValue), doc: doc), default: defaultValue) { value, _ in
            value.boolValue
        }
    }
}

extension StageOption where Value == Int {
    /// A whole-number option, optionally within bounds.
    public init(_ name: String, in range: ClosedRange<Int>? = nil, default defaultValue: Int, doc: String) {
        self.init(spec: OptionSpec(name, .integer(range), default: .int(defaultValue), doc: doc), default: defaultValue) { value, _ in
            value.intValue
        }
    }
}

extension StageOption where Value == Int? {
    /// A whole-number option that may be left unset (null).
    public init(_ name: String, in range: ClosedRange<Int>? = nil, doc: String) {
        self.init(spec: OptionSpec(name, .integer(range), default: .null, doc: doc), default: nil) { value, _ in
            .some(value.intValue)
        }
    }
}

extension StageOption where Value == Double {
    /// A number option, optionally within bounds.
    public init(_ name: String, in range: ClosedRange<Double>? = nil, default defaultValue: Double, doc: String) {
        self.init(spec: OptionSpec(name, .number(range), default: JSONValue(number: defaultValue), doc: doc),
                  default: defaultValue) { value, _ in value.doubleValue }
    }
}

extension StageOption where Value == Double? {
    /// A number option that may be left unset (null).
    public init(_ name: String, in range: ClosedRange<Double>? = nil, doc: String) {
        self.init(spec: OptionSpec(name, .number(range), default: .null, doc: doc), default: nil) { value, _ in
            .some(value.doubleValue)
        }
    }
}

extension StageOption where Value == String {
    /// A string option.
    public init(_ name: String, default defaultValue: String, doc: String) {
        self.init(spec: OptionSpec(name, .string, default: .string(defaultValue), doc: doc), default: defaultValue) { value, _ in
            value.stringValue
        }
    }
}

extension StageOption where Value == [String] {
    /// A list-of-strings option.
    public init(_ name: String, default defaultValue: [String], doc: String) {
        self.init(spec: OptionSpec(name, .list(.string), default: .array(defaultValue.map(JSONValue.string)), doc: doc),
                  default: defaultValue) { value, _ in value.arrayValue?.compactMap(\.stringValue) }
    }

    /// A list-of-paths option; each path reads resolved against the pipeline file's folder.
    public static func paths(_ name: String, doc: String) -> StageOption {
        StageOption(spec: OptionSpec(name, .list(.path), default: [], doc: doc), default: []) { value, options in
            value.arrayValue?.compactMap(\.stringValue).map(options.resolve)
        }
    }
}

extension StageOption where Value == String? {
    /// A path option, unset by default; it reads resolved against the pipeline file's folder, and
    /// nil when unset, null or empty.
    public static func path(_ name: String, doc: String) -> StageOption {
        StageOption(spec: OptionSpec(name, .path, default: .null, doc: doc), default: nil) { value, options in
            .some(value.stringValue.flatMap { $0.isEmpty ? nil : options.resolve($0) })
        }
    }
}

extension StageOption where Value == [String: JSONValue] {
    /// A mapping of free values (checked by the stage itself).
    public init(_ name: String, default defaultValue: [String: JSONValue], doc: String) {
        self.init(spec: OptionSpec(name, .map(.any), default: .object(defaultValue), doc: doc), default: defaultValue) { value, _ in
            value.objectValue
        }
    }
}

extension StageOption where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One value of an enumeration, written as its raw value (a `choice` in case order).
    public init(_ name: String, default defaultValue: Value, doc: String) {
        self.init(spec: OptionSpec(name, .choice(Value.allCases.map(\.rawValue)), default: .string(defaultValue.rawValue), doc: doc),
                  default: defaultValue) { value, _ in value.stringValue.flatMap(Value.init(rawValue:)) }
    }
}

extension StageOption {
    /// A list of values of an enumeration, written as their raw values.
    public init<Element>(_ name: String, default defaultValue: [Element], doc: String)
    where Value == [Element], Element: RawRepresentable & CaseIterable & Sendable, Element.RawValue == String {
        self.init(
            spec: OptionSpec(name, .list(.choice(Element.allCases.map(\.rawValue))),
                             default: .array(defaultValue.map { .string($0.rawValue) }), doc: doc),
            default: defaultValue
        ) { value, _ in value.arrayValue?.compactMap { $0.stringValue.flatMap(Element.init(rawValue:)) } }
    }
}

private extension JSONValue {
    /// A number as its schema default is written: whole numbers as integers (`0`, not `0.0`).
    init(number: Double) {
        self = number == number.rounded() && abs(number) < 1e15 ? .int(Int(number)) : .double(number)
    }
}
