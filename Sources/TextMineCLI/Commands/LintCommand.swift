import ArgumentParser
import TextMineCore

/// `textmine lint FILE…`: checks pipeline files and prints every finding.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check pipeline files and report every problem with file:line:col.",
        discussion: """
            Prints each finding as 'file:line:col: error|warning: message' followed by a hint, then \
            a summary. Exits with status 1 when there is an error (warnings alone exit 0). Lint checks \
            the file against the stages' schemas without building the stages: it loads no model and \
            starts no external program ('run' reports a stage that cannot start at its step).
            """
    )

    @Argument(help: "Pipeline files to check.")
    var files: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Override an option, as 'run' does.", valueName: "STEP.OPTION=VALUE"))
    var overrides: [String] = []

    func run() throws {
        try Self.lint(files, overrides: overrides, loader: CommandContext.pipelineLoader()).emit()
    }

    /// Checks the files and reports as the command prints.
    static func lint(_ files: [String], overrides: [String], loader: PipelineLoader) -> CommandOutput {
        var loader = loader
        loader.buildsStages = false
        var output = CommandOutput()
        var errors = 0
        var warnings = 0
        for file in files {
            let result = loader.load(file: file, overrides: overrides)
            for diagnostic in result.diagnostics { output.print(diagnostic.description) }
            errors += result.errors.count
            warnings += result.warnings.count
        }
        let checked = files.count == 1 ? "1 file" : "\(files.count) files"
        if errors == 0 && warnings == 0 {
            output.print("\(checked) checked: no problems")
        } else {
            output.print("\(checked) checked: \(count(errors, "error")), \(count(warnings, "warning"))")
        }
        output.status = errors > 0 ? 1 : 0
        return output
    }

    private static func count(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}
