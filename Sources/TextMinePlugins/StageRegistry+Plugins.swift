import TextMineCore
import TextMineStages

extension StageRegistry {
    /// The built-in stages plus `external`, which runs a program declared in a step: what the
    /// `textmine` command line offers before a pipeline's `plugins:` add theirs.
    public static var builtInWithPlugins: StageRegistry {
        StageRegistry.builtIn.registering([ExternalStage.self])
    }
}

extension PipelineLoader {
    /// A loader over `registry` that loads the stages of `plugins:` (libraries and manifests).
    public static func withPlugins(registry: StageRegistry) -> PipelineLoader {
        var loader = PipelineLoader(registry: registry)
        loader.pluginResolver = PluginLoader()
        return loader
    }
}
