import Foundation
import TextMineYAML

/// Turns finished articles into the bytes of one ``OutputFormat``.
///
/// ``encode(_:)`` runs on worker threads; the output is `header`, then the encoded articles with
/// `separator` between them, then `footer`.
public protocol ArticleEncoder: Sendable {
    /// Bytes before the first article.
    var header: [UInt8] { get }
    /// Bytes between two articles.
    var separator: [UInt8] { get }
    /// Bytes after the last article.
    var footer: [UInt8] { get }
    /// The bytes of one article.
    func encode(_ article: Article) throws -> [UInt8]
    /// Whether the end of the output tells how the run went (``footer(after:)``): the sink then
    /// keeps the run's failures for it.
    var summarizesRun: Bool { get }
    /// Bytes after the last article, knowing the run's failures and per-stage statistics.
    func footer(after run: RunOutcome) throws -> [UInt8]
}

// MARK: - Default implementations

extension ArticleEncoder {
    public var header: [UInt8] { [] }
    public var separator: [UInt8] { [] }
    public var footer: [UInt8] { [] }
    public var summarizesRun: Bool { false }
    public func footer(after run: RunOutcome) throws -> [UInt8] { footer }
}

/// One compact JSON article per line, fields in ``ArticleField`` order (the default output).
public struct JSONLinesEncoder: ArticleEncoder {
    /// The fields written.
    public var fields: FieldSelection

    public init(fields: FieldSelection = .all) { self.fields = fields }

    public func encode(_ article: Article) throws -> [UInt8] {
        try ArticleJSONWriter.encodeLine(article, fields: fields)
    }
}

/// One JSON array of articles, one article per line.
public struct JSONArrayEncoder: ArticleEncoder {
    /// The fields written.
    public var fields: FieldSelection

    public init(fields: FieldSelection = .all) { self.fields = fields }

    public var header: [UInt8] { Array("[".utf8) }
    public var separator: [UInt8] { Array(",\n".utf8) }
    public var footer: [UInt8] { Array("]\n".utf8) }
    public func encode(_ article: Article) throws -> [UInt8] { try ArticleJSONWriter.encode(article, fields: fields) }
}

/// A YAML sequence of articles, one `- ` item per article, in the shape and field order of the
/// JSON output.
public struct YAMLSequenceEncoder: ArticleEncoder {
    /// The fields written.
    public var fields: FieldSelection

    public init(fields: FieldSelection = .all) { self.fields = fields }

    public func encode(_ article: Article) throws -> [UInt8] {
        var pairs: [(String, YAMLNode)] = []
        for field in fields.fields where ArticleJSONWriter.hasValue(field, in: article) {
            var writer = ArticleJSONWriter()
            try writer.writeValue(of: field, in: article)
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(writer.bytes))
            pairs.append((field.rawValue, value.yamlNode))
        }
        return Array(YAMLEmitter.emit(.sequence([.mapping(pairs)])).utf8)
    }
}

/// Plain text: for each article a header line with its id, its current text, then its summary if
/// it has one.
public struct PlainTextEncoder: ArticleEncoder {
    public init() {}

    public var separator: [UInt8] { [0x0A] }
    public func encode(_ article: Article) throws -> [UInt8] {
        var text = "=== \(article.id) ===\n\(article.text)"
        if !text.hasSuffix("\n") { text += "\n" }
        if let summary = article.summary {
            text += "--- summary ---\n\(summary.text)"
            if !text.hasSuffix("\n") { text += "\n" }
        }
        return Array(text.utf8)
    }
}
