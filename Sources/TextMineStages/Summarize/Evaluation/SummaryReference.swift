import Foundation
import TextMineCore

/// One record of a summarization reference set: an article and its gold summary, read from JSONL
/// `{"id": …, "text": …, "summary": …}` (an optional `title` becomes the article's `title`
/// metadata; other fields are ignored).
package struct SummaryReference: Sendable, Equatable {
    /// The record's id (a JSON string or number).
    package var id: String
    /// The article text.
    package var text: String
    /// The gold summary.
    package var summary: String
    /// The article's title, if the record has one.
    package var title: String?

    package init(id: String, text: String, summary: String, title: String? = nil) {
        self.id = id
        self.text = text
        self.summary = summary
        self.title = title
    }

    /// The article to run a pipeline on (text, and the title as metadata when there is one).
    package var article: Article {
        var article = Article(id: id, text: text)
        if let title, !title.isEmpty {
            article.metadata["title"] = MetadataField(value: .string(title), step: "input", rule: "record-title")
        }
        return article
    }

    /// Reads references from JSONL, at most `limit` of them; blank lines are skipped.
    ///
    /// - Throws: ``StageError`` naming `file` and the line of a record that is not JSON or lacks
    ///   `id`, `text` or `summary`.
    package static func read(jsonl data: Data, file: String, limit: Int? = nil) throws -> [SummaryReference] {
        var references: [SummaryReference] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if let limit, references.count >= limit { break }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            guard let object else { throw StageError("\(file):\(lineNumber): not a JSON object") }
            func field(_ name: String) throws -> String {
                switch object[name] {
                case let string as String: return string
                case let number as NSNumber where name == "id": return number.stringValue
                default: throw StageError("\(file):\(lineNumber): missing string field '\(name)'")
                }
            }
            references.append(SummaryReference(
                id: try field("id"), text: try field("text"), summary: try field("summary"),
                title: object["title"] as? String))
        }
        return references
    }
}
