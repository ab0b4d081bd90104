/// What one row of a table output (`csv`, `tsv`) is.
public enum TableRows: String, Sendable, Hashable, Codable, CaseIterable {
    /// One row per article, one column per chosen field.
    case articles
    /// One row per entity mention: `id, text, label, start, end, canonical, confidence`.
    case entities
}

/// Articles as a table for spreadsheets and data frames: comma- or tab-separated values with a
/// header row, quoted as RFC 4180 says (a value holding the separator, a quote, CR or LF is put in
/// double quotes, its quotes doubled), CRLF line ends. Python reads it with `csv` (`excel` or
/// `excel-tab`) or `pandas.read_csv(path, sep="\t")` for TSV.
///
/// Per article, a column's value is the field as a reader wants it in a cell: text as is, `source`
/// as `path` (`path:line` for JSONL), `summary` as its text, `keywords` as their phrases and
/// `entities` as `canonical (LABEL)` (each entity once) joined by `; `, other fields as compact JSON.
public struct TableEncoder: ArticleEncoder {
    /// The column separator: `,` or a tab.
    public var separatorByte: UInt8
    /// What a row is.
    public var rows: TableRows
    /// The columns of ``TableRows/articles`` rows.
    public var fields: FieldSelection

    /// A CSV (`separator` `,`) or TSV (`\t`) encoder.
    public init(separator: UInt8 = UInt8(ascii: ","), rows: TableRows = .articles, fields: FieldSelection = .all) {
        self.separatorByte = separator
        self.rows = rows
        self.fields = fields
    }

    /// The columns of an entity row.
    public static let entityColumns = ["id", "text", "label", "start", "end", "canonical", "confidence"]

    public var header: [UInt8] {
        var bytes: [UInt8] = []
        appendRow(rows == .entities ? Self.entityColumns : fields.fields.map(\.rawValue), to: &bytes)
        return bytes
    }

    public func encode(_ article: Article) throws -> [UInt8] {
        var bytes: [UInt8] = []
        switch rows {
        case .entities:
            for entity in article.entities {
                appendRow([article.id, entity.text, entity.label, String(entity.span.start), String(entity.span.end),
                           entity.canonical, try Self.number(entity.confidence)], to: &bytes)
            }
        case .articles:
            appendRow(try fields.fields.map { try Self.cell(of: $0, in: article) }, to: &bytes)
        }
        return bytes
    }

    /// The cell of one field of an article.
    static func cell(of field: ArticleField, in article: Article) throws -> String {
        guard ArticleJSONWriter.hasValue(field, in: article) else { return "" }
        switch field {
        case .id: return article.id
        case .text: return article.text
        case .language: return article.language?.code ?? ""
        case .original: return article.original ?? ""
        case .source: return article.source.map { source in source.path + (source.line.map { ":\($0)" } ?? "") } ?? ""
        case .summary: return article.summary?.text ?? ""
        case .keywords: return article.keywords.map(\.phrase).joined(separator: "; ")
        case .entities:
            var seen: Set<String> = []
            return article.entities.compactMap { entity in
                let name = "\(entity.canonical) (\(entity.label))"
                return seen.insert(name).inserted ? name : nil
            }.joined(separator: "; ")
        default:
            var writer = ArticleJSONWriter()
            try writer.writeValue(of: field, in: article)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
    }

    private static func number(_ value: Double) throws -> String {
        var writer = ArticleJSONWriter()
        try writer.number(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Appends one row: values separated, quoted when they must be, then CRLF.
    func appendRow(_ values: [String], to bytes: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(separatorByte) }
            let utf8 = value.utf8
            let needsQuotes = utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                continue
            }
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
}
