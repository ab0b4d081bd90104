#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// Reads and writes whole files and file descriptors with POSIX calls (no `Data` round trips on the
/// hot path).
enum FileBytes {
    /// An I/O error with the system's message: `cannot read 'x.txt': Permission denied`.
    struct IOError: Error, CustomStringConvertible {
        var description: String
        init(_ action: String, _ path: String, errno code: Int32 = errno) {
            description = "cannot \(action) '\(path)': \(String(cString: strerror(code)))"
        }
    }

    /// The whole content of a file.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IOError("read", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOError("read", path) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw IOError("read", path, errno: EISDIR) }
        // One read of the announced size (plus one byte to see the end); loop for files that grew.
        var bytes = try readChunk(fd, max: Int(info.st_size) + 1, path: path)
        while bytes.count > Int(info.st_size) {
            let more = try readChunk(fd, max: 1 << 16, path: path)
            if more.isEmpty { break }
            bytes.append(contentsOf: more)
        }
        return bytes
    }

    /// Everything left on a descriptor (standard input, say).
    static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = try readChunk(fd, max: 1 << 20, path: path)
            if chunk.isEmpty { return bytes }
            bytes.append(contentsOf: chunk)
        }
    }

    /// Up to `max` bytes from a descriptor (fewer only at the end of the input); empty at its end.
    static func readChunk(_ fd: Int32, max: Int, path: String) throws -> [UInt8] {
        try read(fd, max: max, path: path, untilFull: true)
    }

    /// What one read returns: at most `max` bytes, as many as are there (it waits only when none
    /// are), so that a slow producer's lines are seen as they arrive; empty at the end of the input.
    static func readAvailable(_ fd: Int32, max: Int, path: String) throws -> [UInt8] {
        try read(fd, max: max, path: path, untilFull: false)
    }

    /// Reads into one buffer of `max` bytes, retrying on EINTR: until it is full or the input ends
    /// (`untilFull`), or until the first read that returns bytes.
    private static func read(_ fd: Int32, max: Int, path: String, untilFull: Bool) throws -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max) { buffer, initialized in
            initialized = 0
            while initialized < max {
                let count = systemRead(fd, buffer.baseAddress! + initialized, max - initialized)
                if count > 0 {
                    initialized += count
                    if !untilFull { return }
                } else if count == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 { throw IOError("read", path, errno: failure) }
        return bytes
    }

    /// Whether a descriptor has bytes to read (or its end) within `seconds` (0: right now).
    static func isReadable(_ fd: Int32, within seconds: Double) -> Bool {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(seconds, 3600)) * 1000)
        while true {
            let ready = poll(&request, 1, milliseconds)
            if ready >= 0 { return ready > 0 }
            // An error other than an interruption: let the next read report it.
            if errno != EINTR { return true }
        }
    }

    /// Writes all bytes to a descriptor.
    static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw IOError("write", path)
            }
            offset += count
        }
    }
}
