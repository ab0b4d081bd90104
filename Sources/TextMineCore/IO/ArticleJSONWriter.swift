/// Writes an ``Article`` as compact JSON, fast: JSONL output is the hot path of every run.
///
/// Top-level fields come in ``ArticleField`` order (`id`, `source`, `language`, `metadata`, `text`,
/// `summary`, `keywords`, `entities`, then the rest), empty collections and nil fields left out;
/// keys inside a field are sorted, with the escapes and number forms of `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`. Keep it in step with the model's `Codable`
/// conformances; the round-trip tests compare both encodings on a fully populated article.
public struct ArticleJSONWriter {
    /// The JSON written so far.
    public internal(set) var bytes: [UInt8] = []
    /// Whether the next member or element of the open container needs a comma before it.
    private var needsComma = false

    /// Why a value cannot be written as JSON.
    public struct EncodingError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The JSON of one article, with the fields of `selection`.
    public static func encode(_ article: Article, fields selection: FieldSelection = .all) throws -> [UInt8] {
        var writer = ArticleJSONWriter(capacity: estimatedSize(of: article, fields: selection))
        try writer.write(article, fields: selection)
        return writer.bytes
    }

    /// A generous guess of an article's JSON size, so that the buffer is allocated once.
    private static func estimatedSize(of article: Article, fields selection: FieldSelection) -> Int {
        let tokens = selection.contains(.tokens) ? article.tokens.count : 0
        let regions = selection.contains(.alignment) ? (article.alignment?.regions.count ?? 0) * 2 : 0
        let spans = tokens + article.sentences.count + article.blocks.count + (article.summary?.scores.count ?? 0) + regions
        return 256 + article.scalarText.utf8.count + (article.original?.utf8.count ?? 0) + 40 * spans
            + 160 * (article.entities.count + article.removals.count + article.keywords.count + article.metadata.count)
            + article.removals.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// Appends the JSON object of an article: the fields of `selection` that have a value, in
    /// ``ArticleField`` order.
    public mutating func write(_ article: Article, fields selection: FieldSelection = .all) throws {
        beginObject()
        defer { endObject() }
        for field in selection.fields where Self.hasValue(field, in: article) {
            key(dynamic: field.rawValue)
            try writeValue(of: field, in: article)
        }
    }

    /// Whether an article has a value for `field` (empty collections and nil fields are left out).
    public static func hasValue(_ field: ArticleField, in article: Article) -> Bool {
        switch field {
        case .id, .text: return true
        case .source: return article.source != nil
        case .language: return article.language != nil
        case .metadata: return !article.metadata.isEmpty
        case .summary: return article.summary != nil
        case .keywords: return !article.keywords.isEmpty
        case .entities: return !article.entities.isEmpty
        case .removals: return !article.removals.isEmpty
        case .original: return article.original != nil
        case .sentences: return !article.sentences.isEmpty
        case .blocks: return !article.blocks.isEmpty
        case .tokens: return !article.tokens.isEmpty
        case .alignment: return article.alignment != nil
        case .trace: return !article.trace.isEmpty
        case .layers: return !article.layers.isEmpty
        }
    }

    /// Appends the JSON value of one field of an article (`null` for a field it does not have).
    public mutating func writeValue(of field: ArticleField, in article: Article) throws {
        switch field {
        case .id:
            string(article.id)
        case .source:
            guard let source = article.source else { return ascii("null") }
            beginObject()
            if let encoding = source.encoding { key("encoding"); string(encoding) }
            key("format"); string(source.format)
            if let line = source.line { key("line"); integer(line) }
            key("path"); string(source.path)
            endObject()
        case .language:
            guard let language = article.language else { return ascii("null") }
            string(language.code)
        case .metadata:
            beginObject()
            for name in article.metadata.keys.sorted() {
                let field = article.metadata[name]!
                key(dynamic: name)
                beginObject()
                key("rule"); string(field.rule)
                if let source = field.source { key("source"); span(source) }
                key("stage"); string(field.step)
                key("value"); try json(field.value)
                endObject()
            }
            endObject()
        case .text:
            article.scalarText.utf8.withUnsafeBufferPointer { string(utf8: $0) }  // no String needed
        case .summary:
            guard let summary = article.summary else { return ascii("null") }
            beginObject()
            key("method"); string(summary.method)
            key("scores")
            try array(summary.scores) { writer, scored in
                writer.beginObject()
                if let features = scored.features {
                    writer.key("features")
                    writer.beginObject()
                    for (name, value) in features.sorted(by: { $0.key < $1.key }) {
                        writer.key(dynamic: name)
                        try writer.number(value)
                    }
                    writer.endObject()
                }
                if let ineligible = scored.ineligible { writer.key("ineligible"); writer.string(ineligible) }
                writer.key("rank"); writer.integer(scored.rank)
                writer.key("score"); try writer.number(scored.score)
                writer.key("span"); writer.span(scored.span)
                writer.endObject()
            }
            key("selected"); array(summary.selected) { $0.integer($1) }
            key("text"); string(summary.text)
            endObject()
        case .keywords:
            try array(article.keywords) { writer, keyword in
                writer.beginObject()
                writer.key("phrase"); writer.string(keyword.phrase)
                writer.key("score"); try writer.number(keyword.score)
                writer.key("spans"); writer.array(keyword.spans) { $0.span($1) }
                writer.endObject()
            }
        case .entities:
            try array(article.entities) { writer, entity in
                writer.beginObject()
                writer.key("canonical"); writer.string(entity.canonical)
                writer.key("confidence"); try writer.number(entity.confidence)
                writer.key("label"); writer.string(entity.label)
                writer.key("span"); writer.span(entity.span)
                writer.key("stage"); writer.string(entity.step)
                writer.key("text"); writer.string(entity.text)
                writer.endObject()
            }
        case .removals:
            array(article.removals) { writer, removal in
                writer.beginObject()
                writer.key("original"); writer.span(removal.original)
                writer.key("reason"); writer.string(removal.reason)
                writer.key("stage"); writer.string(removal.step)
                writer.key("text"); writer.string(removal.text)
                writer.endObject()
            }
        case .original:
            guard let original = article.original else { return ascii("null") }
            string(original)
        case .sentences:
            array(article.sentences) { writer, sentence in
                writer.beginObject()
                writer.key("span"); writer.span(sentence.span)
                writer.endObject()
            }
        case .blocks:
            try array(article.blocks) { writer, block in
                writer.beginObject()
                writer.key("role"); writer.string(block.role.rawValue)
                if let score = block.score { writer.key("score"); try writer.number(score) }
                writer.key("span"); writer.span(block.span)
                writer.endObject()
            }
        case .tokens:
            array(article.tokens) { writer, token in
                writer.beginObject()
                if let kind = token.kind { writer.key("kind"); writer.string(kind) }
                writer.key("span"); writer.span(token.span)
                writer.endObject()
            }
        case .alignment:
            guard let alignment = article.alignment else { return ascii("null") }
            beginObject()
            key("regions")
            array(alignment.regions) { writer, region in
                writer.beginObject()
                writer.key("current"); writer.span(region.current)
                writer.key("original"); writer.span(region.original)
                writer.endObject()
            }
            endObject()
        case .trace:
            try array(article.trace) { writer, trace in
                writer.beginObject()
                if let seconds = trace.seconds { writer.key("seconds"); try writer.number(seconds) }
                writer.key("stage"); writer.string(trace.step)
                if !trace.warnings.isEmpty {
                    writer.key("warnings")
                    writer.array(trace.warnings) { writer, warning in writer.string(warning) }
                }
                writer.endObject()
            }
        case .layers:
            try json(.object(article.layers))
        }
    }

    // MARK: - Values

    /// Appends any JSON value (object keys sorted).
    public mutating func json(_ value: JSONValue) throws {
        switch value {
        case .null: ascii("null")
        case .bool(let b): ascii(b ? "true" : "false")
        case .int(let i): integer(i)
        case .double(let d): try number(d)
        case .string(let s): string(s)
        case .array(let elements): try array(elements) { try $0.json($1) }
        case .object(let members):
            beginObject()
            for name in members.keys.sorted() {
                key(dynamic: name)
                try json(members[name]!)
            }
            endObject()
        }
    }

    /// Appends a JSON string with the escapes JSONEncoder uses.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string(utf8: $0) }
    }

    /// Appends valid UTF-8 bytes as a JSON string with the escapes JSONEncoder uses.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else {
            bytes.append(contentsOf: [0x22, 0x22])
            return
        }
        bytes.append(0x22)
        var runStart = 0
        while true {
            let index = JSONBytes.nextSpecialByte(base, from: runStart, count: utf8.count)
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
            guard index < utf8.count else { break }
            appendEscape(for: base[index])
            runStart = index + 1
        }
        bytes.append(0x22)
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x0A: bytes.append(0x6E)
        case 0x0D: bytes.append(0x72)
        case 0x09: bytes.append(0x74)
        case 0x08: bytes.append(0x62)
        case 0x0C: bytes.append(0x66)
        default:
            bytes.append(0x75)
            bytes.append(0x30)
            bytes.append(0x30)
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    /// Appends an integer.
    public mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(truncatingIfNeeded: magnitude) + 0x30)
            return
        }
        // Digits from the last, on the stack: spans make integers the most frequent JSON value.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Appends a floating-point number as JSONEncoder does (`1` for 1.0, `1e-07`); NaN and infinity
    /// have no JSON form and throw.
    public mutating func number(_ value: Double) throws {
        guard value.isFinite else { throw EncodingError(description: "\(value) cannot be written as JSON") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        ascii(text)
    }

    mutating func span(_ span: Span) {
        ascii("{\"end\":")
        integer(span.end)
        ascii(",\"start\":")
        integer(span.start)
        bytes.append(0x7D)
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout ArticleJSONWriter, Element) throws -> Void) rethrows {
        bytes.append(0x5B)
        needsComma = false
        for element in elements {
            if needsComma { bytes.append(0x2C) }
            needsComma = true
            try write(&self, element)
        }
        bytes.append(0x5D)
        needsComma = true
    }

    /// Opens an object; ``key(_:)`` adds the commas.
    mutating func beginObject() {
        bytes.append(0x7B)
        needsComma = false
    }

    /// Writes a member's key (after a comma unless it is the first).
    mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(0x2C) }
        bytes.append(0x22)
        ascii(name)
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = true
    }

    /// Writes a key that is data (a metadata field's name), escaped as any string.
    mutating func key(dynamic name: String) {
        if needsComma { bytes.append(0x2C) }
        string(name)
        bytes.append(0x3A)
        needsComma = true
    }

    mutating func endObject() {
        bytes.append(0x7D)
        needsComma = true
    }

    private mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func ascii(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
