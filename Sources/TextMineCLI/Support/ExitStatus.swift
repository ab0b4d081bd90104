import ArgumentParser

/// The exit statuses of the commands that run pipelines, as `textmine run --help` and the README
/// document them.
enum ExitStatus {
    /// Every article came through.
    static let ok: Int32 = 0
    /// The run stopped or could not give its output: `on-error: fail` stopped it, the output could
    /// not be written, no article could be read, a corpus stage could not prepare.
    static let runFailed: Int32 = 1
    /// The run completed, but some articles failed or were emptied (see the summary line).
    static let incomplete: Int32 = 2
    /// Usage errors: bad arguments, inputs that name no file, a pipeline with lint errors
    /// (the argument parser's own status for bad arguments).
    static let usage: Int32 = ExitCode.validationFailure.rawValue

    /// The text `run --help` ends with.
    static let help = """
        Exit status: \(ok) every article came through; \(incomplete) the run completed but some \
        articles failed or were emptied; \(runFailed) the run stopped (on-error: fail) or could not \
        write its output or read any article; \(usage) usage errors (bad arguments, inputs that name \
        no file, lint errors in the pipeline).
        """
}
