import Foundation
import TextMineCore

/// The `html` input format: one web page per `.html`/`.htm` file, or, for `.jsonl` files read
/// with `format: html`, one page per line as a JSON object with an `html` field (and optionally
/// `id`, `url`, `lang`).
///
/// The article's `text` is the page's HTML decoded to Unicode (see ``HTMLCharset``: declared or
/// sniffed charset), `source.format` is `html`, and `metadata.charset` says which charset was used
/// and why. The `extract` stage then replaces the HTML with the main text, keeping the HTML in
/// `original`.
public struct HTMLDecoder: ArticleDecoder {
    public static let format: InputFormat = .html
    public static let fileExtensions = ["html", "htm", "xhtml"]

    public init() {}

    public func decode(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>] {
        let lower = location.path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return decodeRecords(bytes, from: location) }
        return [page(bytes, id: location.baseName, source: Source(path: location.path, format: Self.format.rawValue))]
    }

    /// One article from a page's bytes (decoded with ``HTMLCharset``), or a failure.
    private func page(_ bytes: [UInt8], id: String, source: Source) -> Result<Article, ArticleFailure> {
        guard bytes.contains(where: { $0 > 0x20 }) else { return failure("empty page", id: id, source: source) }
        let decoded = HTMLCharset.decode(bytes)
        return page(decoded.text, id: id, source: source).map { article in
            var article = article
            article.metadata["charset"] = MetadataField(
                value: .string(decoded.charset), step: ArticleFailure.inputStep, rule: decoded.rule)
            return article
        }
    }

    /// One article from a page's text, or a failure for an empty or binary page.
    private func page(_ text: String, id: String, source: Source) -> Result<Article, ArticleFailure> {
        guard text.utf8.contains(where: { $0 > 0x20 }) else { return failure("empty page", id: id, source: source) }
        if BinarySniffer.looksBinary(text) {
            return failure("not an HTML page: the input looks like binary data", id: id, source: source)
        }
        return .success(Article(id: id, text: text, source: source))
    }

    private func failure(_ message: String, id: String, source: Source) -> Result<Article, ArticleFailure> {
        .failure(ArticleFailure(id: id, source: source.location, step: ArticleFailure.inputStep, error: message))
    }

    /// One article per JSONL line with an `html` field.
    private func decodeRecords(_ bytes: [UInt8], from location: InputLocation) -> [Result<Article, ArticleFailure>] {
        var results: [Result<Article, ArticleFailure>] = []
        var lineNumber = location.firstLine - 1
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 > 0x20 }) else { continue }
            let source = Source(path: location.path, format: Self.format.rawValue, line: lineNumber)
            guard case .object(let record)? = try? JSONParser.parse(line),
                let html = record["html"]?.stringValue
            else {
                results.append(.failure(ArticleFailure(
                    id: "\(location.baseName):\(lineNumber)", source: source.location, step: ArticleFailure.inputStep,
                    error: "not a JSON object with an 'html' string")))
                continue
            }
            let id = record["id"]?.articleID ?? "\(location.baseName):\(lineNumber)"
            var result = page(html, id: id, source: source)
            if case .success(var article) = result {
                article.language = (record["lang"]?.stringValue ?? record["language"]?.stringValue).flatMap { LanguageCode($0) }
                if let url = record["url"]?.stringValue {
                    article.metadata["url"] = MetadataField(value: .string(url), step: ArticleFailure.inputStep, rule: "jsonl-url")
                }
                result = .success(article)
            }
            results.append(result)
        }
        return results
    }
}
