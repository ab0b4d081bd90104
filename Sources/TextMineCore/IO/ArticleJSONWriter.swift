/// Writes an ``Article`` as compact JSON, fast: JSONL output is the hot path of every run.
///
/// Top-level fields come in ``ArticleField`` order (`id`, `source`, `language`, `metadata`, `text`,
/// `summary`, `keywords`, `entities`, then the rest), empty collections and nil fields left out;
/// keys inside a field are sorted, with the escapes and number forms of `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`. Which fields there are comes from
/// ``ArticleField/definition``; each model type writes itself (``JSONWritable``), in step with its
/// `Codable` conformance (the tests compare both encodings on a fully populated article).
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
        for definition in selection.definitions where definition.hasValue(article) {
            key(dynamic: definition.field.rawValue)
            try definition.write(article, &self)
        }
    }

    /// Whether an article has a value for `field` (empty collections and nil fields are left out).
    public static func hasValue(_ field: ArticleField, in article: Article) -> Bool {
        field.definition.hasValue(article)
    }

    /// Appends the JSON value of one field of an article (`null` for a field it does not have).
    public mutating func writeValue(of field: ArticleField, in article: Article) throws {
        try field.definition.write(article, &self)
    }

    // MARK: - Values

    /// Appends any JSON value (object keys sorted).
    public mutating func json(_ value: JSONValue) throws {
        try value.writeJSON(to: &self)
    }

    /// Appends an article's current text, from its UTF-8 bytes (no `String` is made).
    mutating func text(of article: Article) {
        article.scalarText.utf8.withUnsafeBufferPointer { string(utf8: $0) }
    }

    /// Appends `null`.
    public mutating func null() { ascii("null") }

    /// Appends `true` or `false`.
    public mutating func boolean(_ value: Bool) { ascii(value ? "true" : "false") }

    /// Appends bytes that are already JSON (or a part of it) as they are.
    package mutating func raw(_ json: some Sequence<UInt8>) { bytes.append(contentsOf: json) }

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

    /// Appends a span as `{"end":…,"start":…}`.
    public mutating func span(_ span: Span) {
        ascii("{\"end\":")
        integer(span.end)
        ascii(",\"start\":")
        integer(span.start)
        bytes.append(0x7D)
    }

    /// Appends an array, each element written by `write`.
    public mutating func array<Element>(_ elements: [Element], _ write: (inout ArticleJSONWriter, Element) throws -> Void) rethrows {
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
    public mutating func beginObject() {
        bytes.append(0x7B)
        needsComma = false
    }

    /// Writes a member's key (after a comma unless it is the first).
    public mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(0x2C) }
        bytes.append(0x22)
        ascii(name)
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = true
    }

    /// Writes a key that is data (a metadata field's name), escaped as any string.
    public mutating func key(dynamic name: String) {
        if needsComma { bytes.append(0x2C) }
        string(name)
        bytes.append(0x3A)
        needsComma = true
    }

    /// Closes an object.
    public mutating func endObject() {
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
