/// Writes an ``Article`` as compact JSON, fast: JSONL output is the hot path of every run.
///
/// Top-level fields come in ``ArticleField`` order (`id`, `source`, `language`, `metadata`, `text`,
/// `summary`, `keywords`, `entities`, then the rest), empty collections and nil fields left out;
/// keys inside a field are sorted, with the escapes and number forms of `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`. Which fields there are comes from
/// ``ArticleField/definition``; each model type writes itself (``JSONWritable``), in step with its
/// `Codable` conformance (the tests compare both encodings on a fully populated article).
public struct ArticleJSONWriter {
    /// The bytes, written in place: one allocation that grows by doubling, no per-byte checks
    /// beyond the capacity test.
    private let buffer: ByteBuffer
    /// Whether the next member or element of the open container needs a comma before it.
    private var needsComma = false
    /// The opening `{"kind":"…","span":` of each token kind written so far (a handful per article).
    private var tokenOpenings: [(kind: String, json: [UInt8])] = []

    /// Why a value cannot be written as JSON.
    public struct EncodingError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(capacity: Int = 0) { buffer = ByteBuffer(capacity: capacity) }

    /// The JSON written so far (a copy).
    public var bytes: [UInt8] { buffer.array(appending: nil) }

    /// The JSON written so far followed by one more byte (a line's newline), in one copy.
    public func bytes(appending last: UInt8) -> [UInt8] { buffer.array(appending: last) }

    /// The JSON of one article, with the fields of `selection`.
    public static func encode(_ article: Article, fields selection: FieldSelection = .all) throws -> [UInt8] {
        var writer = ArticleJSONWriter(capacity: estimatedSize(of: article, fields: selection))
        try writer.write(article, fields: selection)
        return writer.bytes
    }

    /// The JSON of one article and a newline: a line of JSON Lines output.
    public static func encodeLine(_ article: Article, fields selection: FieldSelection = .all) throws -> [UInt8] {
        var writer = ArticleJSONWriter(capacity: estimatedSize(of: article, fields: selection))
        try writer.write(article, fields: selection)
        return writer.bytes(appending: 0x0A)
    }

    /// A generous guess of an article's JSON size, so that the buffer is allocated once.
    private static func estimatedSize(of article: Article, fields selection: FieldSelection) -> Int {
        let tokens = selection.contains(.tokens) ? article.tokens.count : 0
        let regions = selection.contains(.alignment) ? (article.alignment?.regions.count ?? 0) * 2 : 0
        let features = article.summary?.scores.first?.features?.count ?? 0
        let spans = tokens + article.sentences.count + article.blocks.count + (article.summary?.scores.count ?? 0) * (1 + features)
            + regions
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
    package mutating func raw(_ json: some Sequence<UInt8>) { buffer.append(contentsOf: json) }

    /// Appends a JSON string with the escapes JSONEncoder uses.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string(utf8: $0) }  // a short string is copied to the stack, a long one is not
    }

    /// Appends valid UTF-8 bytes as a JSON string with the escapes JSONEncoder uses: a short string
    /// byte by byte; in a long one, runs of bytes that need no escape (found eight at a time) are
    /// copied at once.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        guard let base = utf8.baseAddress, count > 0 else {
            buffer.reserve(2)
            buffer.put(0x22)
            return buffer.put(0x22)
        }
        if count < 16 {
            buffer.reserve(count &* 6 &+ 2)
            buffer.put(0x22)
            for index in 0..<count {
                let byte = base[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { appendEscape(for: byte) } else { buffer.put(byte) }
            }
            return buffer.put(0x22)
        }
        buffer.reserve(count + 2)
        buffer.put(0x22)
        var runStart = 0
        while true {
            let index = JSONBytes.nextSpecialByte(base, from: runStart, count: count)
            buffer.append(base + runStart, count: index - runStart)
            guard index < count else { break }
            appendEscape(for: base[index])
            runStart = index + 1
        }
        buffer.append(0x22)
    }

    private mutating func appendEscape(for byte: UInt8) {
        buffer.reserve(6)
        buffer.put(0x5C)
        switch byte {
        case 0x22: buffer.put(0x22)
        case 0x5C: buffer.put(0x5C)
        case 0x0A: buffer.put(0x6E)
        case 0x0D: buffer.put(0x72)
        case 0x09: buffer.put(0x74)
        case 0x08: buffer.put(0x62)
        case 0x0C: buffer.put(0x66)
        default:
            buffer.put(0x75)
            buffer.put(0x30)
            buffer.put(0x30)
            buffer.put(Self.hexDigit(byte >> 4))
            buffer.put(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    /// Appends an integer, its digits written in place.
    public mutating func integer(_ value: Int) {
        buffer.reserve(21)
        if value < 0 { buffer.put(0x2D) }
        buffer.putDigits(of: value.magnitude)
    }

    /// Appends a floating-point number as JSONEncoder does (`1` for 1.0, `1e-07`); NaN and infinity
    /// have no JSON form and throw.
    public mutating func number(_ value: Double) throws {
        // A whole number up to 2^53 prints as its digits (`description` has `.0`, which JSONEncoder
        // drops; above, it has an exponent), without making that text; -0.0 keeps its sign below.
        if value.magnitude <= 9_007_199_254_740_992, value.rounded(.towardZero) == value, value != 0 || value.sign == .plus {
            return integer(Int(value))
        }
        // Any other score or feature: its shortest text written in place (`description`'s bytes).
        if buffer.put(upTo: ShortestDouble.maximumLength, { ShortestDouble.write(value, to: $0) }) { return }
        guard value.isFinite else { throw EncodingError(description: "\(value) cannot be written as JSON") }
        var text = value.description
        text.withUTF8 { utf8 in
            let wholeNumber = utf8.count >= 2 && utf8[utf8.count - 2] == 0x2E && utf8[utf8.count - 1] == 0x30
            buffer.append(utf8.baseAddress!, count: wholeNumber ? utf8.count - 2 : utf8.count)
        }
    }

    /// Appends a span as `{"end":…,"start":…}`.
    public mutating func span(_ span: Span) {
        if span.end >= 0 && span.start >= 0 {
            buffer.reserve(64)
            buffer.putWord(0x3A22_646E_6522_7B, length: 7)  // {"end":
            buffer.putDigits(of: UInt(span.end))
            buffer.putWord(0x7472_6174_7322_2C, length: 7)  // ,"start
            buffer.putWord(0x3A22, length: 2)  // ":
            buffer.putDigits(of: UInt(span.start))
            buffer.put(0x7D)
        } else {
            ascii("{\"end\":")
            integer(span.end)
            ascii(",\"start\":")
            integer(span.start)
            buffer.append(0x7D)
        }
    }

    /// Opens a token's object up to its span's value: `{"kind":"word","span":`, copied from the
    /// bytes made the first time the kind was written (tokens are most of a full output).
    mutating func beginToken(kind: String?) {
        guard let kind else {
            beginObject()
            return key("span")
        }
        let opening: [UInt8]
        if let known = tokenOpenings.first(where: { $0.kind == kind }) {
            opening = known.json
        } else {
            var writer = ArticleJSONWriter(capacity: 32)
            writer.beginObject()
            writer.key("kind")
            writer.string(kind)
            writer.key("span")
            opening = writer.bytes
            tokenOpenings.append((kind, opening))
        }
        opening.withUnsafeBufferPointer { buffer.append($0.baseAddress!, count: $0.count) }
        needsComma = true
    }

    /// Appends an array, each element written by `write`.
    public mutating func array<Element>(_ elements: [Element], _ write: (inout ArticleJSONWriter, Element) throws -> Void) rethrows {
        open(0x5B)
        for element in elements {
            if needsComma { buffer.append(0x2C) }
            needsComma = true
            try write(&self, element)
        }
        close(0x5D)
    }

    /// Opens an object; ``key(_:)`` adds the commas.
    @inline(__always)
    public mutating func beginObject() { open(0x7B) }

    /// Writes a member's key (after a comma unless it is the first).
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        buffer.reserve(name.utf8CodeUnitCount + 4)
        if needsComma { buffer.put(0x2C) }
        buffer.put(0x22)
        buffer.put(name)
        buffer.put(0x22)
        buffer.put(0x3A)
        needsComma = true
    }

    /// Writes the key of a member of a sorted mapping: from its bytes when they are short and need
    /// no escape, else as any string.
    mutating func key<Value>(_ member: SortedMembers.Member<Value>) {
        guard member.plainLength >= 0 else { return key(dynamic: member.key) }
        buffer.reserve(20)
        if needsComma { buffer.put(0x2C) }
        buffer.put(0x22)
        buffer.putWord(member.high.bigEndian, length: min(member.plainLength, 8))
        if member.plainLength > 8 { buffer.putWord(member.low.bigEndian, length: member.plainLength - 8) }
        buffer.put(0x22)
        buffer.put(0x3A)
        needsComma = true
    }

    /// Writes a member's key given as its JSON bytes (`"name":`, as ``key(dynamic:)`` writes it).
    @inline(__always)
    mutating func key(json: UnsafeBufferPointer<UInt8>) {
        if needsComma { buffer.append(0x2C) }
        buffer.append(json.baseAddress!, count: json.count)
        needsComma = true
    }

    /// Writes a key that is data (a metadata field's name), escaped as any string.
    public mutating func key(dynamic name: String) {
        if needsComma { buffer.append(0x2C) }
        string(name)
        buffer.append(0x3A)
        needsComma = true
    }

    /// Closes an object.
    @inline(__always)
    public mutating func endObject() { close(0x7D) }

    /// Opens an array or an object: its first member takes no comma.
    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        buffer.append(bracket)
        needsComma = false
    }

    /// Closes an array or an object: what follows it in its container takes a comma.
    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        buffer.append(bracket)
        needsComma = true
    }

    /// Appends one byte that is already JSON (or a part of it).
    package mutating func append(_ byte: UInt8) { buffer.append(byte) }

    private mutating func ascii(_ text: StaticString) {
        buffer.reserve(text.utf8CodeUnitCount)
        buffer.put(text)
    }
}

/// The writer's bytes: a growable allocation written through a pointer.
private final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends a byte there is room for (after ``reserve(_:)``).
    @inline(__always)
    func put(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Appends ASCII text there is room for (a key: a few bytes, copied in a loop, not by memcpy).
    @inline(__always)
    func put(_ text: StaticString) {
        let source = text.utf8Start
        let length = text.utf8CodeUnitCount
        var index = 0
        while index < length {
            base[count &+ index] = source[index]
            index &+= 1
        }
        count &+= length
    }

    /// Lets `write` put up to `maximum` bytes at the end and keeps the number it returns; false,
    /// with nothing kept, when it returns nil.
    @inline(__always)
    func put(upTo maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int?) -> Bool {
        reserve(maximum)
        guard let length = write(base + count) else { return false }
        count &+= length
        return true
    }

    /// Appends the `length` low bytes of `word`, little-endian, with room for 8 (one store).
    @inline(__always)
    func putWord(_ word: UInt64, length: Int) {
        UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count &+= length
    }

    /// Appends the decimal digits of a number there is room for (20 bytes), two at a time.
    @inline(__always)
    func putDigits(of value: UInt) {
        if value < 10 {
            base[count] = UInt8(truncatingIfNeeded: value) &+ 0x30
            count &+= 1
            return
        }
        let digits = value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100_000 ? 5 : Self.digitCount(value)
        var remaining = value
        var index = count &+ digits
        let pairs = Self.digitPairs.utf8Start
        while remaining >= 10 {
            let pair = Int(truncatingIfNeeded: remaining % 100) &* 2
            remaining /= 100
            index &-= 2
            base[index] = pairs[pair]
            base[index &+ 1] = pairs[pair &+ 1]
        }
        if index > count { base[index &- 1] = UInt8(truncatingIfNeeded: remaining) &+ 0x30 }
        count &+= digits
    }

    /// "00", "01", … "99".
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    private static func digitCount(_ value: UInt) -> Int {
        var digits = 1
        var remaining = value
        while remaining >= 10 {
            digits += 1
            remaining /= 10
        }
        return digits
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    @inline(__always)
    func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count &+= length
    }

    func append(contentsOf bytes: some Sequence<UInt8>) {
        for byte in bytes { append(byte) }
    }

    /// A copy of the bytes, with one more at the end when `last` is given.
    func array(appending last: UInt8?) -> [UInt8] {
        let total = count + (last == nil ? 0 : 1)
        return [UInt8](unsafeUninitializedCapacity: total) { target, initialized in
            if count > 0 { target.baseAddress!.update(from: base, count: count) }
            if let last { target[count] = last }
            initialized = total
        }
    }
}
