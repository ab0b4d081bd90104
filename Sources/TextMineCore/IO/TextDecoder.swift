import Foundation

/// Reads a file as one article, the id being the file name without its extension.
///
/// The encoding is detected unless one is given (`--input-encoding`): a byte-order mark (UTF-8,
/// UTF-16LE, UTF-16BE) is obeyed and dropped; valid UTF-8 is read as such; bytes that are not UTF-8
/// but look like Windows-1252 (or Latin-1) text are read as Windows-1252. Any other encoding than
/// UTF-8 without a mark is recorded in `source.encoding`. Bytes that cannot be decoded fail the
/// article with their byte offset and a hint (`invalid UTF-8 at byte 5: looks like Windows-1252; use
/// --input-encoding cp1252`); a file with nothing but white space fails as an empty article.
public struct TextDecoder: ArticleDecoder {
    public static let format: InputFormat = .text
    public static let fileExtensions = ["txt", "text", "md"]

    /// The encoding every file is read in (a name ``Charset/canonicalName(_:)`` gave), or nil to
    /// detect it.
    public var encoding: String?

    public init(encoding: String? = nil) {
        self.encoding = encoding
    }

    public func decode(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>] {
        let id = location.baseName
        func failure(_ message: String) -> [Result<Article, ArticleFailure>] {
            [.failure(ArticleFailure(id: id, source: location.path, step: ArticleFailure.inputStep, error: message))]
        }
        switch Self.text(of: bytes, encoding: encoding) {
        case .failure(let error):
            return failure(error.message)
        case .success(let (text, used)):
            guard !WhiteSpace.isBlank(text.utf8) else { return failure("empty article") }
            var source = Source(path: location.path, format: Self.format.rawValue)
            source.encoding = used
            return [.success(Article(id: id, text: text, source: source))]
        }
    }

    /// A text whose first two lines (or only line) are JSON objects was most likely meant as JSON
    /// lines: read as text, the whole file becomes one article.
    public func warnings(about article: Article) -> [String] {
        let looksLikeJSONLines = article.text.utf8.withContiguousStorageIfAvailable(JSONLinesSniffer.looksLikeJSONLines)
            ?? JSONLinesSniffer.looksLikeJSONLines(Array(article.text.utf8))
        guard looksLikeJSONLines else { return [] }
        return ["read as one text article, but it looks like JSON lines; name the file .jsonl or use --input-format jsonl"]
    }

    /// Why a file cannot be read as text: the message names the byte offset and gives a hint.
    struct TextError: Error {
        var message: String
    }

    /// The text of a file and the encoding used (nil for UTF-8 without a byte-order mark).
    static func text(of bytes: [UInt8], encoding: String?) -> Result<(String, String?), TextError> {
        let mark = Charset.byteOrderMark(bytes)
        // The mark decides when nothing is forced, or when it is of the forced encoding.
        if let mark, encoding == nil || encoding == mark.charset || (encoding == "utf-16" && mark.charset != "utf-8") {
            return decode(bytes, from: mark.length, as: mark.charset).map { ($0, mark.charset) }
        }
        if let encoding {
            var charset = encoding
            if encoding == "utf-16" {
                if case .utf16(let bigEndian) = Charset.guess(bytes) { charset = bigEndian ? "utf-16be" : "utf-16le" }
                else { charset = "utf-16be" }
            }
            return decode(bytes, from: 0, as: charset).map { ($0, charset) }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            // UTF-16 without a mark is valid UTF-8 when it is ASCII: NUL bytes give it away (looked
            // for with memchr: a byte loop over the first 64 KB cost a third of reading the file).
            if hasNUL(bytes, within: 1 << 16), case .utf16 = Charset.guess(bytes) {
                let offset = bytes.firstIndex(of: 0) ?? 0
                return .failure(TextError(message: "NUL byte in text at byte \(offset): " + (Charset.hint(for: Charset.guess(bytes)) ?? "")))
            }
            return .success((text, nil))
        }
        if Charset.guess(bytes) == .windows1252 { return .success((Charset.windows1252(bytes), "windows-1252")) }
        return decode(bytes, from: 0, as: "utf-8").map { ($0, nil) }
    }

    /// Whether one of the first `limit` bytes is NUL.
    private static func hasNUL(_ bytes: [UInt8], within limit: Int) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            return memchr(base, 0, min(raw.count, limit)) != nil
        }
    }

    /// Decodes the bytes after `start` (a byte-order mark) in an encoding; an error gives the offset
    /// in the file, and for UTF-8 a hint of what the bytes look like.
    private static func decode(_ bytes: [UInt8], from start: Int, as charset: String) -> Result<String, TextError> {
        Charset.decode(bytes[start...], as: charset).mapError { error in
            let guess = charset == "utf-8" ? Charset.hint(for: Charset.guess(bytes[start...])) : nil
            let hint = guess.map { ": \($0)" } ?? ""
            return TextError(message: "\(error.message) at byte \(start + error.offset)\(hint)")
        }
    }
}
