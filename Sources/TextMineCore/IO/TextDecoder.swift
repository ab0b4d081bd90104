/// Reads a file as one article: UTF-8 text, the id being the file name without its extension.
///
/// A leading byte-order mark is dropped. Invalid UTF-8 fails with the offset of the first bad byte;
/// a file with nothing but white space fails as an empty article.
public struct TextDecoder: ArticleDecoder {
    public static let format: InputFormat = .text
    public static let fileExtensions = ["txt", "text", "md"]

    public init() {}

    public func decode(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>] {
        let id = location.baseName
        func failure(_ message: String) -> [Result<Article, ArticleFailure>] {
            [.failure(ArticleFailure(id: id, source: location.path, stage: ArticleFailure.inputStep, error: message))]
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = hasBOM ? bytes[3...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidByte(in: body) ?? body.startIndex
            return failure("invalid UTF-8 at byte \(offset)")
        }
        guard !WhiteSpace.isBlank(body) else { return failure("empty article") }
        return [.success(Article(id: id, text: text, source: Source(path: location.path, format: Self.format.rawValue)))]
    }

    /// A text whose first two lines (or only line) are JSON objects was most likely meant as JSON
    /// lines: read as text, the whole file becomes one article.
    public func warnings(about article: Article) -> [String] {
        let looksLikeJSONLines = article.text.utf8.withContiguousStorageIfAvailable(JSONLinesSniffer.looksLikeJSONLines)
            ?? JSONLinesSniffer.looksLikeJSONLines(Array(article.text.utf8))
        guard looksLikeJSONLines else { return [] }
        return ["read as one text article, but it looks like JSON lines; name the file .jsonl or use --input-format jsonl"]
    }
}

/// Locates invalid UTF-8, for messages that say where a file is broken.
enum UTF8Validation {
    /// The index of the first byte of the first ill-formed UTF-8 sequence, or nil if there is none.
    static func firstInvalidByte<C: Collection<UInt8>>(in bytes: C) -> C.Index? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var index = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): index = bytes.index(index, offsetBy: UTF8.width(scalar))
            case .emptyInput: return nil
            case .error: return index
            }
        }
    }
}
