import Foundation

/// Reads one article per line, each a JSON object with at least `id` and `text` (any other field of
/// the output schema is kept, so TextMine output can be fed back in). Blank lines are skipped.
public struct JSONLDecoder: ArticleDecoder {
    public static let format: InputFormat = .jsonl
    public static let fileExtensions = ["jsonl", "ndjson"]
    public static let isLineDelimited = true

    public init() {}

    public func decode(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>] {
        let decoder = JSONDecoder()
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
            let source = location.location(ofLine: lineOffset)
            func failure(_ message: String) -> Result<Article, ArticleFailure> {
                .failure(ArticleFailure(id: "\(location.baseName):\(location.firstLine + lineOffset)", source: source,
                                        stage: ArticleFailure.inputStep, error: message))
            }
            do {
                var article = try decoder.decode(Article.self, from: Data(line))
                if article.source == nil {
                    article.source = Source(path: location.path, format: Self.format.rawValue, line: location.firstLine + lineOffset)
                }
                if TextDecoder.isBlank(article.text.utf8, article.text) {
                    results.append(.failure(ArticleFailure(id: article.id, source: source, stage: ArticleFailure.inputStep,
                                                           error: "empty article")))
                } else {
                    results.append(.success(article))
                }
            } catch let error as DecodingError {
                results.append(failure(Self.describe(error)))
            } catch {
                results.append(failure("invalid JSON: \(error)"))
            }
        }
        return results
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// A one-line message for a decoding error: which field, what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field '\(parent.isEmpty ? "" : String(parent.dropFirst()) + ".")\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            return "field '\(String(path(context).dropFirst()))' is not \(Self.name(of: type))"
        case .valueNotFound(let type, let context):
            return "field '\(String(path(context).dropFirst()))' is null, expected \(Self.name(of: type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "invalid JSON" + (underlying.map { ": \($0)" } ?? "")
            }
            return "field '\(String(path(context).dropFirst()))': \(context.debugDescription)"
        @unknown default:
            return "invalid article: \(error)"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        default: return "of the expected type"
        }
    }
}
