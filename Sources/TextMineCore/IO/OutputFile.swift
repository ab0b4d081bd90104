#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered output: a file (created, truncated or appended to) or standard output.
///
/// Whole records go to ``write(_:)`` and the buffer is written out only between records, each time
/// with as few `write` calls as the system allows, so that a killed run leaves whole lines behind
/// (see ``WrittenLines`` for the rare partial line a kill or a full disk may still leave).
public final class OutputFile {
    /// The path, or `-` for standard output.
    public let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let bufferSize: Int

    /// Opens `path` for writing (nil or `-` is standard output).
    /// - Parameter appending: keep what the file holds and write after it (`--resume`).
    /// - Throws: an error naming the path when the file cannot be created.
    public init(path: String?, appending: Bool = false, bufferSize: Int = 1 << 20) throws {
        self.path = path ?? "-"
        self.bufferSize = bufferSize
        if let path, path != "-" {
            fd = open(path, O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC), 0o644)
            guard fd >= 0 else { throw FileBytes.IOError("create", path) }
        } else {
            fd = 1
        }
        buffer.reserveCapacity(bufferSize)
    }

    deinit {
        try? flush()
        if fd != 1 { close(fd) }
    }

    /// Appends bytes (one or more whole records), writing them out when the buffer is full.
    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferSize { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try FileBytes.write($0, to: fd, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }
}
