import Foundation
import TextMineCore
import TextMinePlugins

extension CommandContext {
    /// Loads the stages of a pipeline's `plugins:` (dynamic libraries and stage manifests).
    nonisolated(unsafe) static var pluginResolver: (any PluginResolver)? = PluginLoader()

    /// The pipeline loader every command uses (`lint`, `explain`, `run`), so that they all see the
    /// same stages and report the same findings.
    static func pipelineLoader(environment: [String: String] = ProcessInfo.processInfo.environment) -> PipelineLoader {
        var loader = PipelineLoader(registry: registry, environment: environment)
        loader.pluginResolver = pluginResolver
        return loader
    }
}
