import ArgumentParser

/// `textmine train …`: trains models for stages that learn from data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model for a stage.",
        subcommands: [
            TrainLanguageCommand.self,
            TrainNERCommand.self,
            TrainSummarizeCommand.self,
        ]
    )
}
