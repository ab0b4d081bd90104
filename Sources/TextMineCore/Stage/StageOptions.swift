import Foundation

/// The validated options of one stage step, with defaults filled in, as given to ``Stage/init(options:)``.
///
/// Accessors trap on a missing or mistyped option only when the stage reads an option its schema
/// does not declare with that type: a programming error, never a user error.
public struct StageOptions: Sendable, Hashable {
    /// The values by option name.
    public var values: [String: JSONValue]
    /// The folder relative paths are resolved against (the pipeline file's folder).
    public var baseDirectory: String

    public init(_ values: [String: JSONValue] = [:], baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.values = values
        self.baseDirectory = baseDirectory
    }

    /// Validates raw values against a stage's schema; throws the first problem (for code that builds
    /// stages by hand, such as tests; pipelines report every problem through lint).
    public static func validated(_ raw: [String: JSONValue], for stage: any Stage.Type,
                                 baseDirectory: String = FileManager.default.currentDirectoryPath) throws -> StageOptions {
        try validated(raw, schema: stage.options, baseDirectory: baseDirectory)
    }

    /// Validates raw values against a schema; throws the first problem.
    public static func validated(_ raw: [String: JSONValue], schema: OptionSchema,
                                 baseDirectory: String = FileManager.default.currentDirectoryPath) throws -> StageOptions {
        let (values, problems) = schema.validate(raw)
        if let problem = problems.first { throw StageError(problem.message, option: problem.option) }
        return StageOptions(values, baseDirectory: baseDirectory)
    }

    public subscript(name: String) -> JSONValue? { values[name] }

    public func bool(_ name: String) -> Bool { require(name, values[name]?.boolValue) }
    public func int(_ name: String) -> Int { require(name, values[name]?.intValue) }
    public func double(_ name: String) -> Double { require(name, values[name]?.doubleValue) }
    public func string(_ name: String) -> String { require(name, values[name]?.stringValue) }
    /// A list-of-strings option.
    public func strings(_ name: String) -> [String] {
        require(name, values[name]?.arrayValue?.compactMap(\.stringValue))
    }
    /// An optional string option (nil when unset or null).
    public func optionalString(_ name: String) -> String? { values[name]?.stringValue }
    /// A path option resolved against ``baseDirectory``; nil when unset, null or empty.
    public func path(_ name: String) -> String? {
        guard let path = values[name]?.stringValue, !path.isEmpty else { return nil }
        return resolve(path)
    }
    /// A list-of-paths option, each resolved against ``baseDirectory``.
    public func paths(_ name: String) -> [String] { strings(name).map(resolve) }

    /// Resolves a path against ``baseDirectory`` (absolute paths are kept; `~` is expanded).
    public func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(expanded).standardizedFileURL.path
    }

    private func require<T>(_ name: String, _ value: T?) -> T {
        guard let value else { preconditionFailure("option '\(name)' is not declared with this type in the stage's schema") }
        return value
    }
}
