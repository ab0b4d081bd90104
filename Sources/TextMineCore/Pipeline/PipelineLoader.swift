import Foundation
import TextMineYAML

/// Reads a pipeline YAML file into a ``PipelinePlan``, reporting every problem at once as
/// ``Diagnostic``s with `file:line:col` (this is what `textmine lint` prints).
///
/// ```swift
/// let result = PipelineLoader(registry: .builtIn).load(file: "pipelines/french-news.yaml")
/// for finding in result.diagnostics { print(finding) }
/// guard let plan = result.plan else { exit(1) }
/// ```
///
/// The loader checks YAML syntax, keys (with "did you mean"), stage ids, option types and
/// ranges, required options, `${VAR}` interpolation, step ids, that every stage's requirements
/// are produced by an earlier stage, and finally builds each stage to catch configuration errors
/// only the stage can see (a pattern file that does not parse, say). The file format is described
/// in `docs/authoring-pipelines.md`.
public struct PipelineLoader: Sendable {
    /// The stages steps can `use:`.
    public var registry: StageRegistry
    /// The variables `${VAR}` reads.
    public var environment: [String: String]
    /// Loads the stages of `plugins:`; without one, `plugins:` gives a warning and adds no stages.
    public var pluginResolver: (any PluginResolver)?
    /// Whether to build every stage to check its configuration (on by default). The built stages
    /// are returned in ``PipelineLoadResult/stages``.
    public var buildsStages = true

    /// A loader for pipelines using the stages of `registry`, reading `${VAR}` from `environment`.
    public init(registry: StageRegistry, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.registry = registry
        self.environment = environment
    }

    /// Loads a pipeline file.
    ///
    /// - Parameters:
    ///   - path: the pipeline file; relative paths inside it resolve against its folder.
    ///   - overrides: `STEP.OPTION=VALUE` option overrides from the command line (`--set`).
    public func load(file path: String, overrides: [String] = []) -> PipelineLoadResult {
        let baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let message = !exists ? "no such pipeline file"
                : isDirectory.boolValue ? "is a directory, not a pipeline file" : "cannot read the pipeline file"
            return PipelineLoadResult(plan: nil, diagnostics: [Diagnostic(file: path, message: message)], registry: registry)
        }
        return load(bytes: Array(data), file: path, baseDirectory: baseDirectory, overrides: overrides)
    }

    /// Loads pipeline YAML that is not in a file (or already read).
    ///
    /// - Parameters:
    ///   - text: the YAML.
    ///   - file: the name used in diagnostics and as ``PipelinePlan/file``.
    ///   - baseDirectory: the folder relative paths resolve against.
    ///   - overrides: `STEP.OPTION=VALUE` option overrides.
    public func load(yaml text: String, file: String,
                     baseDirectory: String = FileManager.default.currentDirectoryPath,
                     overrides: [String] = []) -> PipelineLoadResult {
        load(bytes: Array(text.utf8), file: file, baseDirectory: baseDirectory, overrides: overrides)
    }

    private func load(bytes: [UInt8], file: String, baseDirectory: String, overrides: [String]) -> PipelineLoadResult {
        var loading = PipelineLoading(loader: self, file: file, baseDirectory: baseDirectory)
        do {
            // Duplicate keys are reported with every other finding, not instead of them.
            let (root, problems) = try YAMLParser.parseRecovering(bytes: bytes, file: file)
            problems.forEach { loading.report($0) }
            loading.load(root, overrides: overrides)
        } catch {
            loading.report(error)
        }
        return loading.result()
    }
}
