import ArgumentParser
import TextMineCore
import TextMinePlugins
import TextMineStages

/// The `textmine` command line.
///
/// Other packages reuse it with their own stages registered:
/// ```swift
/// TextMineCommand.main(registering: [MyStage.self])
/// ```
public struct TextMineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "textmine",
        abstract: "Text mining with YAML pipelines of Swift stages.",
        version: TextMineVersion.string,
        subcommands: [
            RunCommand.self,
            ReportCommand.self,
            LintCommand.self,
            StagesCommand.self,
            ExplainCommand.self,
            TrainCommand.self,
            EvalCommand.self,
            NewStageCommand.self,
            ServeStageCommand.self,
            FrequenciesCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line with `stages` and input formats (`decoders`) registered next to the
    /// built-in ones.
    public static func main(registering stages: [any Stage.Type], decoders: [any ArticleDecoder] = []) {
        var context = CommandContext.standard
        context.registry = context.registry.registering(stages)
        context.decoders = context.decoders.registering(decoders)
        CommandContext.$current.withValue(context) { main() }
    }
}

/// What every subcommand shares: the stages and input formats (built-ins plus what a package
/// registered) and how `plugins:` entries load. A value, scoped to one run of the command line.
struct CommandContext: Sendable {
    /// The stages pipelines can use.
    var registry: StageRegistry
    /// The input formats `run` can read, by format and file extension.
    var decoders: ArticleDecoderRegistry
    /// Loads the stages of a pipeline's `plugins:` (dynamic libraries and stage manifests).
    var pluginResolver: (any PluginResolver)?

    /// The built-in stages and formats, with `external` and plugins.
    static let standard = CommandContext(
        registry: StageRegistry.builtIn.withExternal,
        decoders: ArticleDecoderRegistry.builtIn.registering([HTMLDecoder()]),
        pluginResolver: PluginLoader())

    /// The context of the running command line, set by ``TextMineCommand/main(registering:decoders:)``.
    @TaskLocal static var current = standard

    /// The stages of the running command line.
    static var registry: StageRegistry { current.registry }
    /// The input formats of the running command line.
    static var decoders: ArticleDecoderRegistry { current.decoders }
}
