import ArgumentParser
import Foundation

/// The options of the commands that run a pipeline over inputs (`run`, `frequencies`), declared and
/// checked once: how inputs are read, `--set` overrides, worker threads and `--quiet`.
struct PipelineInputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"),
            help: "How to read every input (text, jsonl, html), whatever its extension (default: by file extension).")
    var inputFormat: String?

    @Option(name: .customLong("input-encoding"),
            help: ArgumentHelp("Read every text file in this encoding (utf-8, utf-16, utf-16le, utf-16be, cp1252, latin1, or a name iconv knows) instead of detecting it.",
                               valueName: "NAME"))
    var inputEncoding: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a step's option (repeatable).", valueName: "STEP.OPTION=VALUE"))
    var overrides: [String] = []

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The worker threads to run: `--jobs`, else every core.
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
