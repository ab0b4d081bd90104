import Foundation
import TextMineCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to start a plugin program.
public struct PluginCommand: Sendable, Hashable {
    /// The program and its arguments; a program without `/` is looked up in `PATH`.
    public var arguments: [String]
    /// The folder the program runs in (and relative program paths are resolved against).
    public var directory: String

    public init(arguments: [String], directory: String) {
        self.arguments = arguments
        self.directory = directory
    }

    /// The command as a user would type it, for messages.
    public var display: String { arguments.joined(separator: " ") }
}

/// Why talking to a plugin program failed.
enum PluginFailure: Error {
    /// The program could not be started.
    case couldNotStart(String)
    /// The program did not answer in time.
    case timedOut
    /// The program ended; the text says how (`exited with status 3`, `was killed by signal 11`).
    case ended(String)
    /// The program printed something that breaks the protocol.
    case protocolViolation(String)
}

/// One running plugin program and the pipes to it.
///
/// Not thread-safe: ``ProcessPool`` lends each process to one thread at a time. All reads and
/// writes are non-blocking and bounded by a deadline, so a stuck program cannot block the run.
final class PluginProcess: @unchecked Sendable {
    private let process: Process
    /// Our end of the program's standard input: a socket, so that writing after the program died
    /// gives `EPIPE` instead of a `SIGPIPE` that would kill the host.
    private var toProgram: Int32
    /// Our end of the program's standard output.
    private var fromProgram: Int32
    /// Our end of the program's standard error.
    private var errorsFromProgram: Int32
    /// Bytes read after the last complete line.
    private var pending: [UInt8] = []
    /// The buffer every read goes through (allocated once: reads happen for every article).
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    /// The last bytes the program wrote to standard error, shown when it fails.
    private var errorTail: [UInt8] = []
    private static let errorTailLimit = 2048

    /// Starts the program.
    init(_ command: PluginCommand) throws(PluginFailure) {
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Self.streamSocket, 0, &input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw .couldNotStart("cannot create pipes: \(String(cString: strerror(errno)))")
        }
        for fd in [input[0], output[0], errors[0]] {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        for fd in [input[1], output[1], errors[1]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #if canImport(Darwin)
        var on: Int32 = 1
        _ = setsockopt(input[0], SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif

        let process = Process()
        let program = command.arguments.first ?? ""
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program, relativeTo: URL(fileURLWithPath: command.directory,
                                                                                   isDirectory: true)).absoluteURL
            process.arguments = Array(command.arguments.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = command.arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: command.directory, isDirectory: true)
        process.standardInput = FileHandle(fileDescriptor: input[1], closeOnDealloc: false)
        process.standardOutput = FileHandle(fileDescriptor: output[1], closeOnDealloc: false)
        process.standardError = FileHandle(fileDescriptor: errors[1], closeOnDealloc: false)
        do {
            try process.run()
        } catch {
            for fd in input + output + errors { close(fd) }
            throw .couldNotStart("cannot run '\(command.display)' in \(command.directory): \(error.localizedDescription)")
        }
        for fd in [input[1], output[1], errors[1]] { close(fd) }
        self.process = process
        self.toProgram = input[0]
        self.fromProgram = output[0]
        self.errorsFromProgram = errors[0]
    }

    deinit {
        stop()
        readBuffer.deallocate()
    }

    /// What the program last wrote to standard error (at most a few lines), for messages.
    var recentErrors: String {
        let text = String(decoding: errorTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(5)
        return lines.joined(separator: "\n")
    }

    /// Writes a request line and reads the program's next line, both before `deadline`.
    ///
    /// - Returns: the reply line without its newline.
    func exchange(_ request: [UInt8], deadline: ContinuousClock.Instant) throws(PluginFailure) -> ArraySlice<UInt8> {
        var written = 0
        let replyLimit = 64 << 20 + 8 * request.count
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[..<newline]
                pending.removeSubrange(...newline)
                guard written == request.count else {
                    throw .protocolViolation("the stage answered before reading the whole request: \(PluginProtocol.excerpt(line))")
                }
                return line
            }
            guard pending.count <= replyLimit else {
                throw .protocolViolation("the stage printed more than \(replyLimit >> 20) MB without a newline")
            }
            if written < request.count {
                // Write what the pipe takes right away; poll only when it is full.
                let count = request.withUnsafeBytes { buffer in
                    send(toProgram, buffer.baseAddress! + written, request.count - written, Self.sendFlags)
                }
                if count > 0 {
                    written += count
                    continue
                } else if count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                    // The program closed its input (it probably died): its output says how.
                    written = request.count
                    _ = readAvailable(fromProgram) { pending.append(contentsOf: $0) }
                    throw .ended(waitForExit())
                }
            }
            let now = ContinuousClock.now
            guard now < deadline else { throw .timedOut }
            let waitMs = Int32(clamping: (deadline - now).components.seconds * 1000
                + (deadline - now).components.attoseconds / 1_000_000_000_000_000 + 1)
            var fds = [
                pollfd(fd: fromProgram, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errorsFromProgram, events: Int16(POLLIN), revents: 0),
                pollfd(fd: written < request.count ? toProgram : -1, events: Int16(POLLOUT), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), waitMs)
            if ready < 0 && errno != EINTR { throw .ended("cannot wait for the stage: \(String(cString: strerror(errno)))") }
            if ready <= 0 { continue }
            if fds[1].revents != 0 { drainErrors() }
            if fds[0].revents != 0 {
                let open = readAvailable(fromProgram) { pending.append(contentsOf: $0) }
                if !open {
                    if pending.contains(0x0A) { continue }
                    throw .ended(waitForExit())
                }
            }
        }
    }

    /// Closes the program's input, gives it a moment to exit, then kills it. Idempotent.
    func stop() {
        guard toProgram >= 0 else { return }
        close(toProgram)
        toProgram = -1
        let deadline = ContinuousClock.now + .milliseconds(200)
        while process.isRunning && ContinuousClock.now < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        close(fromProgram)
        if errorsFromProgram >= 0 { close(errorsFromProgram) }
        fromProgram = -1
        errorsFromProgram = -1
    }

    /// Kills the program at once (it hung or broke the protocol).
    func terminate() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        stop()
    }

    /// Waits for the program to end after it closed its output, and says how it ended.
    private func waitForExit() -> String {
        drainErrors()
        let deadline = ContinuousClock.now + .seconds(2)
        while process.isRunning && ContinuousClock.now < deadline { usleep(1_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return "closed its output without exiting"
        }
        drainErrors()
        let status = process.terminationStatus
        return process.terminationReason == .uncaughtSignal
            ? "was killed by signal \(status)" : "exited with status \(status)"
    }

    private func drainErrors() {
        let open = readAvailable(errorsFromProgram) { bytes in
            errorTail.append(contentsOf: bytes)
            if errorTail.count > Self.errorTailLimit { errorTail.removeFirst(errorTail.count - Self.errorTailLimit) }
        }
        if !open && errorsFromProgram >= 0 {
            close(errorsFromProgram)
            errorsFromProgram = -1
        }
    }

    /// Reads what is available without blocking; returns false at end of file.
    private func readAvailable(_ fd: Int32, _ consume: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard fd >= 0 else { return false }
        while true {
            let count = read(fd, readBuffer.baseAddress, readBuffer.count)
            if count > 0 {
                consume(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                if count < readBuffer.count { return true }
            } else if count == 0 {
                return false
            } else {
                return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
            }
        }
    }

    #if canImport(Glibc)
    private static let streamSocket = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL | MSG_DONTWAIT)
    #else
    private static let streamSocket = SOCK_STREAM
    private static let sendFlags = MSG_DONTWAIT
    #endif
}
