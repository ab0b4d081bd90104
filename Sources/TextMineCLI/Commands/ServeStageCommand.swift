import ArgumentParser
import TextMinePlugins

/// `textmine serve-stage`: runs one of this program's stages out of process, speaking the JSON
/// Lines protocol on standard input and output (docs/plugin-protocol.md).
struct ServeStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-stage",
        abstract: "Serve a stage over the out-of-process protocol on stdin/stdout.",
        discussion: """
            Started by a pipeline step `use: external` with `command: [textmine, serve-stage]`; the \
            protocol's hello message says which stage and options to use.
            """
    )

    func run() throws {
        try StageServer(registry: CommandContext.registry).run()
    }
}
