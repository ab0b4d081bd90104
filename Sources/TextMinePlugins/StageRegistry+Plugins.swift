import TextMineCore

extension StageRegistry {
    /// A copy of this registry with `external`, which runs a program declared in a step.
    /// `StageRegistry.builtIn.withExternal` is what the `textmine` command line offers before a
    /// pipeline's `plugins:` add theirs.
    public var withExternal: StageRegistry { registering([ExternalStage.self]) }
}

extension PipelineLoader {
    /// A loader over `registry` that loads the stages of `plugins:` (libraries and manifests).
    public static func withPlugins(registry: StageRegistry) -> PipelineLoader {
        var loader = PipelineLoader(registry: registry)
        loader.pluginResolver = PluginLoader()
        return loader
    }
}
