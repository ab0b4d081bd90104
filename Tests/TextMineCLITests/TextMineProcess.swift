import Foundation

/// Runs the built `textmine` executable, as a user would.
struct TextMineProcess {
    /// What a run printed and returned.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package's root folder (where `pipelines/` and `seeds/` are).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `textmine` executable in the build products folder next to the test bundle.
    static let executable: String? = {
        let fileManager = FileManager.default
        var candidates = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()].compactMap { $0 }
        candidates += candidates.map { $0.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("textmine").path }.first { fileManager.isExecutableFile(atPath: $0) }
    }()

    /// Runs `textmine arguments…` (or another of the package's executables, such as
    /// `textmine-bench`) in the package root, with `stdin` as standard input.
    static func run(_ arguments: [String], stdin: String = "", program: String = "textmine") throws -> Output {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        // Standard error goes to a file, so that reading standard output to its end cannot deadlock.
        let errorPath = NSTemporaryDirectory() + "textmine-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: try String(contentsOfFile: errorPath, encoding: .utf8))
    }

    /// Starts `textmine arguments…` in the package root with standard input left open, for tests that
    /// feed it bit by bit; standard error is discarded.
    static func start(_ arguments: [String]) throws -> Running {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return Running(process: process, input: input.fileHandleForWriting, output: output.fileHandleForReading)
    }

    /// A started process whose standard input is still open.
    struct Running {
        let process: Process
        let input: FileHandle
        let output: FileHandle

        /// Writes lines to standard input.
        func send(_ lines: [String]) {
            input.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        }

        /// Closes standard input and waits for the exit status.
        func finish() throws -> Int32 {
            try input.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
