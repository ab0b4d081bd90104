import Foundation

/// Reads one article per line: a JSON object with at least `id` (a string or a number) and `text`.
///
/// Fields of the output schema (`language`, `source`, `metadata`, `sentences`…) are read as such, so
/// TextMine output can be fed back in. Any other field (`title`, `url`…), and a schema field whose
/// value does not fit the schema (the reference `summary` string of a summarization dataset, say),
/// is kept as a metadata field under its own name, with step `input` and rule `jsonl`. Blank lines
/// are skipped.
public struct JSONLDecoder: ArticleDecoder {
    public static let format: InputFormat = .jsonl
    public static let fileExtensions = ["jsonl", "ndjson"]
    public static let isLineDelimited = true

    public init() {}

    public func decode(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>] {
        var results: [Result<Article, ArticleFailure>] = []
        var lineStart = 0
        var lineOffset = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer {
                lineStart = lineEnd + 1
                lineOffset += 1
            }
            let line = bytes[lineStart..<lineEnd]
            guard line.contains(where: { !Self.isSpace($0) }) else { continue }
            let lineNumber = location.firstLine + lineOffset
            let source = location.location(ofLine: lineOffset)
            do {
                let article = try Self.article(from: JSONParser.parse(line), path: location.path, line: lineNumber)
                if article.isTextBlank {
                    results.append(.failure(ArticleFailure(id: article.id, source: source, step: ArticleFailure.inputStep,
                                                           error: "empty article")))
                } else {
                    results.append(.success(article))
                }
            } catch {
                let message = error is JSONParser.SyntaxError ? "invalid JSON: \(error)" : "\(error)"
                results.append(.failure(ArticleFailure(id: "\(location.baseName):\(lineNumber)", source: source,
                                                       step: ArticleFailure.inputStep, error: message)))
            }
        }
        return results
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// A problem with a line's fields.
    struct FieldError: Error, CustomStringConvertible {
        var description: String
    }

    /// The step name recorded on metadata fields that come from input fields.
    static let metadataStep = ArticleFailure.inputStep

    /// Builds an article from a parsed line.
    static func article(from value: JSONValue, path: String, line: Int) throws -> Article {
        guard case .object(var fields) = value else { throw FieldError(description: "a JSONL line must be a JSON object") }
        let idValue = fields.removeValue(forKey: "id")
        guard let idValue else { throw FieldError(description: "missing field 'id'") }
        guard let id = idValue.articleID else { throw FieldError(description: "field 'id' must be a string") }
        guard let textValue = fields.removeValue(forKey: "text") else { throw FieldError(description: "missing field 'text'") }
        guard case .string(let text) = textValue else { throw FieldError(description: "field 'text' must be a string") }

        var article = Article(id: id, text: text, source: Source(path: path, format: format.rawValue, line: line))
        var extra: [String: JSONValue] = [:]
        for (key, value) in fields {
            do {
                if try !read(key, value, into: &article) { extra[key] = value }
            } catch let error as SpanError {
                throw FieldError(description: "\(key): \(error)")
            }
        }
        for (key, value) in extra where article.metadata[key] == nil {
            article.metadata[key] = MetadataField(value: value, step: metadataStep, rule: "jsonl")
        }
        if let problem = article.spanProblem() { throw FieldError(description: problem) }
        return article
    }

    /// Sets a field of ``ArticleField``'s table from a value; false when the key is no field or the
    /// value does not have the field's shape. Throws ``SpanError`` for a span that is not a range.
    private static func read(_ key: String, _ value: JSONValue, into article: inout Article) throws -> Bool {
        guard let field = ArticleField(rawValue: key), !field.definition.isRequired else { return false }
        return try field.definition.read(value, &article)
    }
}

extension JSONValue {
    /// The value as an article id in an input record: a string, or a whole number as its digits.
    package var articleID: String? {
        switch self {
        case .string(let string): return string
        case .int(let number): return String(number)
        default: return nil
        }
    }
}
