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

    /// Runs the command line with `stages` registered next to the built-in ones.
    public static func main(registering stages: [any Stage.Type]) {
        CommandContext.registry = StageRegistry.builtIn.withExternal.registering(stages)
        main()
    }
}

/// What every subcommand shares: the stage registry (built-ins plus stages a package registered).
enum CommandContext {
    /// Set once by ``TextMineCommand/main(registering:)`` before any command runs; read-only after.
    nonisolated(unsafe) static var registry = StageRegistry.builtIn.withExternal
    /// The input formats `run` can read, by format and file extension.
    nonisolated(unsafe) static var decoders = ArticleDecoderRegistry.builtIn.registering([HTMLDecoder()])
}
