import ArgumentParser
import Foundation
import TextMineCore

/// Standard error for messages and the progress bar.
struct Console {
    /// Whether only errors are printed.
    var quiet: Bool

    /// Whether to draw a progress bar: standard error is a terminal and the user did not ask for quiet.
    var showsProgress: Bool { !quiet && isatty(2) != 0 }

    /// Prints one line (or several) on standard error.
    func line(_ text: String) {
        write(text + "\n")
    }

    /// Writes text on standard error as it is.
    func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints `error: message` and returns the exit code to throw (1 unless given).
    func fail(_ message: String, status: Int32 = ExitStatus.runFailed) -> ExitCode {
        line("error: \(message)")
        return ExitCode(status)
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar {
    private let totalBytes: Int?
    private let console: Console
    private var lastDraw = -1.0

    init(totalBytes: Int?, console: Console) {
        self.totalBytes = totalBytes
        self.console = console
    }

    func update(_ progress: RunProgress) {
        guard progress.seconds - lastDraw >= 0.1 else { return }
        lastDraw = progress.seconds
        let rate = progress.seconds > 0 ? Double(progress.inputBytes) / 1e6 / progress.seconds : 0
        var line = "\(progress.articles) articles, \(String(format: "%.1f", rate)) MB/s"
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(progress.inputBytes) / Double(totalBytes))
            let filled = Int(fraction * 30)
            line = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
                + String(format: "%3.0f%% ", fraction * 100) + line
        }
        console.write("\r\u{1B}[K" + line)
    }

    /// Erases the bar.
    func clear() {
        if lastDraw >= 0 { console.write("\r\u{1B}[K") }
    }
}
