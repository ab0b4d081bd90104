import ArgumentParser

/// `textmine eval …`: measures a stage or pipeline against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model or pipeline against gold data.",
        subcommands: [
            EvalExtractCommand.self,
            EvalLanguageCommand.self,
            EvalNERCommand.self,
            EvalSummarizeCommand.self,
        ]
    )
}
