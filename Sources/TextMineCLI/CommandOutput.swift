import ArgumentParser
import Foundation

/// What a command prints and the status it exits with, gathered so commands can be tested
/// in-process; ``emit()`` writes it out.
struct CommandOutput {
    /// Text for standard output.
    var standard = ""
    /// Text for standard error (findings that are not the command's result, failures).
    var errors = ""
    /// The exit status.
    var status: Int32 = 0

    /// Appends a line to standard output.
    mutating func print(_ line: String) { standard += line + "\n" }
    /// Appends a line to standard error.
    mutating func printError(_ line: String) { errors += line + "\n" }

    /// Writes both texts and ends the command with the status when it is not 0.
    func emit() throws {
        FileHandle.standardOutput.write(Data(standard.utf8))
        FileHandle.standardError.write(Data(errors.utf8))
        if status != 0 { throw ExitCode(status) }
    }
}
