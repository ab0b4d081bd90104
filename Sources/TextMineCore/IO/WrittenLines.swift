#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an earlier run left in a JSON-lines file (its output or its dead letters), for
/// `textmine run --resume`: the ids of its complete lines.
///
/// Reading also cuts a trailing partial line, which a kill in the middle of a write, a full disk or
/// an older version may have left, so that the resumed run appends on a fresh line and that article
/// is simply done again.
package struct WrittenLines: Sendable {
    /// The `id` of every complete line.
    package var ids: Set<String> = []
    /// The ids among ``ids`` whose line has a `text` with nothing but white space: articles the
    /// earlier run emptied and kept (an output written without `text` cannot tell them apart).
    package var blankTextIDs: Set<String> = []
    /// Complete lines read.
    package var lines = 0
    /// Bytes of the partial last line that were cut (0 when the file ended on a newline).
    package var cutBytes = 0

    /// Why a file cannot be resumed.
    package struct ResumeError: Error, CustomStringConvertible {
        package var description: String
    }

    /// Reads `path` (nothing when it does not exist) and cuts its partial last line, if any.
    ///
    /// - Throws: ``ResumeError`` naming `path:line` when a complete line is not a JSON object with an
    ///   `id`, or an I/O error.
    package init(path: String) throws {
        let fd = open(path, O_RDWR)
        if fd < 0 {
            if errno == ENOENT { return }
            throw FileBytes.IOError("open", path)
        }
        defer { close(fd) }
        var pending: [UInt8] = []
        var consumed = 0 // bytes of the file before `pending`
        while true {
            let chunk = try FileBytes.readChunk(fd, max: 1 << 20, path: path)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            guard let last = pending.lastIndex(of: 0x0A) else { continue }
            var start = 0
            while start <= last {
                let end = pending[start...].firstIndex(of: 0x0A)!
                try record(pending[start..<end], path: path)
                start = end + 1
            }
            consumed += start
            pending.removeFirst(start)
        }
        if !pending.isEmpty {
            cutBytes = pending.count
            guard ftruncate(fd, off_t(consumed)) == 0 else { throw FileBytes.IOError("truncate", path) }
        }
    }

    private mutating func record(_ line: ArraySlice<UInt8>, path: String) throws {
        lines += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        guard case .object(let fields)? = try? JSONParser.parse(line) else {
            throw ResumeError(description: "\(path):\(lines): not a JSON line; cannot resume from this file")
        }
        let id: String
        switch fields["id"] {
        case .string(let string)?: id = string
        case .int(let number)?: id = String(number)
        default: throw ResumeError(description: "\(path):\(lines): a line without an id; cannot resume from this file")
        }
        ids.insert(id)
        if case .string(let text)? = fields["text"], WhiteSpace.isBlank(text.utf8) {
            blankTextIDs.insert(id)
        }
    }
}
