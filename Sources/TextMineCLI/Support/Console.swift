import ArgumentParser
import Foundation
import Synchronization
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

/// A one-line progress bar on standard error, redrawn at most ten times a second. While an article
/// has been running for more than ``slowArticleSeconds``, a timer names it on the bar
/// (`article 'big' running for 42 s, in 'entities'`), even when no batch completes meanwhile.
final class ProgressBar: @unchecked Sendable {
    /// Seconds after which an article in progress is named on the bar.
    static let slowArticleSeconds = 10.0

    private let totalBytes: Int?
    private let console: Console
    private let watch: ArticleWatch?
    /// What was drawn last, shared by the calling thread and the timer's.
    private let state = Mutex(State())
    private let timer: (any DispatchSourceTimer)?

    private struct State {
        var lastDraw = -1.0
        var lastLine = ""
    }

    init(totalBytes: Int?, console: Console, watch: ArticleWatch? = nil) {
        self.totalBytes = totalBytes
        self.console = console
        self.watch = watch
        timer = watch == nil ? nil : DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        guard let timer else { return }
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
    }

    deinit { timer?.cancel() }

    func update(_ progress: RunProgress) {
        state.withLock { state in
            guard progress.seconds - state.lastDraw >= 0.1 else { return }
            state.lastDraw = progress.seconds
            let rate = progress.seconds > 0 ? Double(progress.inputBytes) / 1e6 / progress.seconds : 0
            var line = "\(progress.articles) articles, \(String(format: "%.1f", rate)) MB/s"
            if let totalBytes, totalBytes > 0 {
                let fraction = min(1, Double(progress.inputBytes) / Double(totalBytes))
                let filled = Int(fraction * 30)
                line = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
                    + String(format: "%3.0f%% ", fraction * 100) + line
            }
            state.lastLine = line
            draw(&state)
        }
    }

    /// Redraws the last line with the slow article, if any (on the timer's thread).
    private func redraw() {
        state.withLock { draw(&$0) }
    }

    private func draw(_ state: inout State) {
        var line = state.lastLine
        if let slow = watch?.longestRunning, slow.seconds >= Self.slowArticleSeconds {
            if state.lastDraw < 0 { state.lastDraw = 0 }
            let step = slow.step.isEmpty ? "" : ", in '\(slow.step)'"
            line += (line.isEmpty ? "" : "; ") + "article '\(slow.id)' running for \(Int(slow.seconds)) s\(step)"
        }
        guard !line.isEmpty else { return }
        console.write("\r\u{1B}[K" + line)
    }

    /// Stops the timer and erases the bar.
    func clear() {
        timer?.cancel()
        state.withLock { state in
            if state.lastDraw >= 0 { console.write("\r\u{1B}[K") }
        }
    }
}
