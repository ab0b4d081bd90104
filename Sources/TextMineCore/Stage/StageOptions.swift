import Foundation

/// The validated options of one stage step, with defaults filled in, as given to ``Stage/init(options:)``.
///
/// A stage reads them with its typed keys (``StageOption``): `options[Self.count]`; a read never
/// traps.
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
        try validated(raw, schema: stage.description.options, baseDirectory: baseDirectory)
    }

    /// Validates raw values against a schema; throws the first problem.
    public static func validated(_ raw: [String: JSONValue], schema: OptionSchema,
                                 baseDirectory: String = FileManager.default.currentDirectoryPath) throws -> StageOptions {
        let (values, problems) = schema.validate(raw)
        if let problem = problems.first { throw StageError(problem.message, option: problem.option) }
        return StageOptions(values, baseDirectory: baseDirectory)
    }

    /// The raw value of an option by name (for stages described at run time, such as plugins).
    public subscript(name: String) -> JSONValue? { values[name] }

    /// The value of a typed option: `options[Self.count]`.
    public subscript<Value>(option: StageOption<Value>) -> Value { option.value(in: self) }

    /// Resolves a path against ``baseDirectory`` (absolute paths are kept; `~` is expanded).
    public func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(expanded).standardizedFileURL.path
    }
}
