/// Turns the bytes of an input into articles: the extension point for input formats.
///
/// TextMine ships ``TextDecoder`` (one article per file) and ``JSONLDecoder`` (one article per line);
/// other modules add formats (HTML pages, say) by registering a decoder in an
/// ``ArticleDecoderRegistry``. Implementation requirements:
/// - `decode` is called concurrently from worker threads, so a decoder keeps no mutable state.
/// - Every problem becomes a `.failure` naming the input (and line, byte offset…); a decoder never
///   throws, never traps and never drops input silently. Use ``ArticleFailure/inputStep`` as stage.
/// - Decoded articles carry a ``Source`` (path, format, and line for line-delimited formats).
public protocol ArticleDecoder: Sendable {
    /// The format's name, as written in `input: {format: …}`.
    static var format: InputFormat { get }
    /// File extensions (lowercase, without the dot) read with this decoder when no format is given.
    static var fileExtensions: [String] { get }
    /// Whether each line is a separate record, so that large inputs can be streamed and decoded in
    /// pieces cut at line boundaries (JSONL); otherwise a whole file is one piece.
    static var isLineDelimited: Bool { get }

    /// Decodes one piece of input: a whole file, or for line-delimited formats a run of whole lines.
    func decode(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>]

    /// Doubts about an article this decoder read: that the input may not be in this format (a text
    /// file that looks like JSON lines, say). The runner gives them as warnings naming the article's
    /// source. None by default; keep it cheap (look at the start of the text).
    func warnings(about article: Article) -> [String]
}

// MARK: - Default implementations

extension ArticleDecoder {
    public static var fileExtensions: [String] { [] }
    public static var isLineDelimited: Bool { false }
    public func warnings(about article: Article) -> [String] { [] }
}

/// Where a piece of input comes from: the path (`-` for standard input) and, for line-delimited
/// formats, the 1-based line of its first byte.
public struct InputLocation: Hashable, Sendable {
    public var path: String
    public var firstLine: Int

    public init(path: String, firstLine: Int = 1) {
        self.path = path
        self.firstLine = firstLine
    }

    /// The file name without its folder and extension: the id of a one-article file.
    public var baseName: String {
        guard path != "-" else { return "stdin" }
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        guard let dot = utf8[start...].lastIndex(of: UInt8(ascii: ".")), dot != start else {
            return String(Substring(utf8[start...]))
        }
        return String(Substring(utf8[start..<dot]))
    }

    /// The file name's extension, lowercased (empty when there is none).
    var fileExtension: String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        guard let dot = utf8[start...].lastIndex(of: UInt8(ascii: ".")), dot != start else { return "" }
        return String(Substring(utf8[utf8.index(after: dot)...])).lowercased()
    }

    /// `path:line`, for messages about one line.
    public func location(ofLine offset: Int) -> String { "\(path):\(firstLine + offset)" }
}

/// The decoders known to a run, by format and by file extension.
public struct ArticleDecoderRegistry: Sendable {
    private var decoders: [InputFormat: any ArticleDecoder] = [:]

    /// A registry of the given decoders.
    public init(_ decoders: [any ArticleDecoder]) {
        for decoder in decoders { register(decoder) }
    }

    /// The decoders of TextMineCore: `text` and `jsonl`.
    public static var builtIn: ArticleDecoderRegistry { ArticleDecoderRegistry([TextDecoder(), JSONLDecoder()]) }

    /// Adds a decoder; one with the same format replaces the earlier one.
    public mutating func register(_ decoder: any ArticleDecoder) {
        decoders[type(of: decoder).format] = decoder
    }

    /// A copy of this registry with more decoders.
    public func registering(_ decoders: [any ArticleDecoder]) -> ArticleDecoderRegistry {
        var copy = self
        for decoder in decoders { copy.register(decoder) }
        return copy
    }

    /// The decoder of a format.
    public subscript(format: InputFormat) -> (any ArticleDecoder)? { decoders[format] }

    /// All formats, sorted.
    public var formats: [InputFormat] { decoders.keys.sorted { $0.rawValue < $1.rawValue } }

    /// The decoder whose extensions include the path's; nil when the path has no extension or one
    /// that names no format.
    public func decoder(forExtensionOf path: String) -> (any ArticleDecoder)? {
        let ext = InputLocation(path: path).fileExtension
        guard !ext.isEmpty else { return nil }
        for format in formats {
            if let decoder = decoders[format], type(of: decoder).fileExtensions.contains(ext) { return decoder }
        }
        return nil
    }
}
