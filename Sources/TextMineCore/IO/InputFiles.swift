import Foundation

/// The articles of a run's inputs: files, directories (read recursively in sorted order, hidden
/// files skipped), globs (`*`, `?`, `**`) and `-` for standard input.
///
/// Paths are resolved when the value is made; files are read lazily as the runner iterates, so a
/// large corpus is never held in memory at once. Line-delimited formats (JSONL) are streamed in
/// pieces of whole lines. A path that does not exist, a directory without files or a glob that
/// matches nothing is an ``InputError`` naming it, never a silent omission.
///
/// Each file is read with the first of: the `format` given (`--input-format`), the format its
/// extension names (`.jsonl`, `.html`, `.txt`…), the `fallbackFormat` (the pipeline's
/// `input.format`, for files without a known extension and standard input), text.
public struct InputFiles: Sequence, Sendable {
    /// A resolved input.
    enum Entry: Sendable {
        case file(path: String, byteCount: Int, decoder: any ArticleDecoder)
        case standardInput(decoder: any ArticleDecoder)
        case failure(ArticleFailure)
    }

    /// Why inputs cannot be read at all: an unknown format, or paths that name no file (all of them,
    /// one per line).
    public struct InputError: Error, CustomStringConvertible {
        public var description: String
    }

    let entries: [Entry]
    /// The size of piece a line-delimited input is cut into.
    let pieceSize: Int

    /// Resolves the paths.
    ///
    /// - Parameters:
    ///   - format: how to read every input, whatever its extension; nil picks by file extension.
    ///   - fallbackFormat: how to read standard input and files whose extension names no format
    ///     (nil: text).
    ///   - pieceSize: how many bytes of a line-delimited input make one piece of work. A piece is
    ///     decoded and processed by one worker, so pieces must be small against a batch (64 KB, a
    ///     dozen news articles, against 4 MB): with 1 MB pieces a batch held four, and its last
    ///     piece kept one worker busy while the others waited.
    /// - Throws: ``InputError`` when a format has no decoder in `decoders`, or when paths name no file.
    public init(paths: [String], format: InputFormat? = nil, fallbackFormat: InputFormat? = nil,
                decoders: ArticleDecoderRegistry = .builtIn, pieceSize: Int = 1 << 16) throws {
        func decoder(_ format: InputFormat?) throws -> (any ArticleDecoder)? {
            guard let format else { return nil }
            guard let decoder = decoders[format] else {
                let known = decoders.formats.map(\.rawValue).joined(separator: ", ")
                throw InputError(description: "unknown input format '\(format.rawValue)' (known: \(known))")
            }
            return decoder
        }
        let fixed = try decoder(format)
        let fallback = try decoder(fallbackFormat) ?? decoders[.text]
        var entries: [Entry] = []
        var seen: Set<String> = []
        var unmatched: [String] = []
        for path in paths {
            if path == "-" {
                guard let decoder = fixed ?? fallback else { continue }
                entries.append(.standardInput(decoder: decoder))
                continue
            }
            let files = PathExpansion.files(matching: path)
            if files.isEmpty {
                unmatched.append(PathExpansion.isGlob(path) ? "no file matches '\(path)'"
                    : FileManager.default.fileExists(atPath: path) ? "no file in '\(path)'"
                    : "no such file or directory: '\(path)'")
            }
            for file in files where seen.insert(file.path).inserted {
                guard let decoder = fixed ?? decoders.decoder(forExtensionOf: file.path) ?? fallback else {
                    entries.append(.failure(ArticleFailure(id: InputLocation(path: file.path).baseName, source: file.path,
                                                           step: ArticleFailure.inputStep, error: "no decoder for this file")))
                    continue
                }
                entries.append(.file(path: file.path, byteCount: file.byteCount, decoder: decoder))
            }
        }
        guard unmatched.isEmpty else { throw InputError(description: unmatched.joined(separator: "\n")) }
        self.entries = entries
        self.pieceSize = pieceSize
    }

    /// The number of resolved files (standard input counts as one).
    public var fileCount: Int { entries.count { if case .failure = $0 { false } else { true } } }

    /// The total size of the inputs in bytes, or nil when standard input is among them.
    public var totalBytes: Int? {
        var total = 0
        for entry in entries {
            switch entry {
            case .file(_, let byteCount, _): total += byteCount
            case .standardInput: return nil
            case .failure: break
            }
        }
        return total
    }

    public func makeIterator() -> Iterator { Iterator(entries: entries, pieceSize: pieceSize) }

    /// Yields one item per file, or several pieces per line-delimited input.
    public struct Iterator: IdleAwareIterator {
        private var entries: ArraySlice<Entry>
        private let pieceSize: Int
        private var stream: LineStream?

        init(entries: [Entry], pieceSize: Int) {
            self.entries = entries[...]
            self.pieceSize = pieceSize
        }

        /// Whether more input is there or arrives within `seconds`: false only while standard input (or
        /// another pipe) is waiting for its producer.
        public func hasItem(within seconds: Double) -> Bool {
            if let stream { return stream.isReady(within: seconds) }
            if case .standardInput? = entries.first { return FileBytes.isReadable(0, within: seconds) }
            return true
        }

        public mutating func next() -> InputItem? {
            while true {
                if let current = stream {
                    if let item = current.next() { return item }
                    stream = nil
                }
                guard let entry = entries.popFirst() else { return nil }
                switch entry {
                case .failure(let failure):
                    return .failure(failure)
                case .file(let path, let byteCount, let decoder):
                    guard type(of: decoder).isLineDelimited else {
                        return .file(path: path, byteCount: byteCount, decoder: decoder)
                    }
                    let fd = open(path, O_RDONLY)
                    guard fd >= 0 else {
                        return .failure(ArticleFailure(id: InputLocation(path: path).baseName, source: path,
                                                       step: ArticleFailure.inputStep,
                                                       error: "\(FileBytes.IOError("read", path))"))
                    }
                    stream = LineStream(fd: fd, path: path, decoder: decoder, pieceSize: pieceSize, ownsDescriptor: true)
                case .standardInput(let decoder):
                    if type(of: decoder).isLineDelimited {
                        stream = LineStream(fd: 0, path: "-", decoder: decoder, pieceSize: pieceSize, ownsDescriptor: false)
                    } else {
                        do {
                            let bytes = try FileBytes.readAll(0, path: "-")
                            return .bytes(bytes, location: InputLocation(path: "-"), decoder: decoder)
                        } catch {
                            return .failure(ArticleFailure(id: "stdin", source: "-", step: ArticleFailure.inputStep,
                                                           error: "\(error)"))
                        }
                    }
                }
            }
        }
    }
}

/// Reads a descriptor in pieces of whole lines.
///
/// A regular file is read in pieces of about `pieceSize` bytes. A pipe or terminal (standard input
/// fed by `tail -f` or a queue consumer) is *paced*: each read takes what is there, and a piece ends
/// as soon as no more bytes are waiting, so that articles are processed as they arrive.
private final class LineStream {
    private let fd: Int32
    private let path: String
    private let decoder: any ArticleDecoder
    private let pieceSize: Int
    private let ownsDescriptor: Bool
    /// Whether the descriptor is a pipe, socket or terminal rather than a regular file.
    private let isPaced: Bool
    private var pending: [UInt8] = []
    /// The index of the last newline in `pending`, if any (kept as bytes arrive, so that a long line
    /// is scanned once).
    private var lastNewline: Int?
    private var nextLine = 1
    private var finished = false

    init(fd: Int32, path: String, decoder: any ArticleDecoder, pieceSize: Int, ownsDescriptor: Bool) {
        self.fd = fd
        self.path = path
        self.decoder = decoder
        self.pieceSize = pieceSize
        self.ownsDescriptor = ownsDescriptor
        var info = stat()
        isPaced = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next piece: whole lines of about `pieceSize` bytes, or for a paced input the whole lines
    /// that arrived so far (the rest of the input at its end).
    func next() -> InputItem? {
        while !finished {
            if let cut = lastNewline, pending.count >= pieceSize || (isPaced && !FileBytes.isReadable(fd, within: 0)) {
                return piece(upTo: cut + 1)
            }
            do {
                let chunk = isPaced ? try FileBytes.readAvailable(fd, max: pieceSize, path: path)
                    : try FileBytes.readChunk(fd, max: pieceSize, path: path)
                if chunk.isEmpty {
                    finished = true
                } else {
                    if let newline = chunk.lastIndex(of: 0x0A) { lastNewline = pending.count + newline }
                    pending.append(contentsOf: chunk)
                }
            } catch {
                finished = true
                return .failure(ArticleFailure(id: "\(InputLocation(path: path).baseName):\(nextLine)",
                                               source: "\(path):\(nextLine)", step: ArticleFailure.inputStep,
                                               error: "\(error)"))
            }
        }
        return pending.isEmpty ? nil : piece(upTo: pending.count)
    }

    /// Whether ``next()`` has a piece now or within `seconds`: always for a regular file.
    func isReady(within seconds: Double) -> Bool {
        !isPaced || finished || lastNewline != nil || FileBytes.isReadable(fd, within: seconds)
    }

    private func piece(upTo end: Int) -> InputItem {
        let bytes = Array(pending[..<end])
        pending.removeFirst(end)
        lastNewline = nil
        let location = InputLocation(path: path, firstLine: nextLine)
        nextLine += bytes.withUnsafeBufferPointer { buffer in
            var newlines = 0
            for byte in buffer where byte == 0x0A { newlines += 1 }
            return newlines
        }
        return .bytes(bytes, location: location, decoder: decoder)
    }
}
