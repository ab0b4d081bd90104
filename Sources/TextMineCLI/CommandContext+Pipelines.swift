import Foundation
import TextMineCore
import TextMinePlugins

extension CommandContext {
    /// The pipeline loader every command uses (`lint`, `explain`, `run`), so that they all see the
    /// same stages and report the same findings.
    static func pipelineLoader(environment: [String: String] = ProcessInfo.processInfo.environment) -> PipelineLoader {
        var loader = PipelineLoader(registry: current.registry, environment: environment)
        loader.pluginResolver = current.pluginResolver
        return loader
    }
}
