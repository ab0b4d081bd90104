import ArgumentParser
import TextMineCore
import TextMineStages

/// The `textmine` command line.
public struct TextMineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "textmine",
        abstract: "Text mining with YAML pipelines of Swift stages.",
        subcommands: [
            TrainCommand.self,
            EvalCommand.self,
        ]
    )

    public init() {}
}
