/// A half-open range `[start, end)` of Unicode scalar offsets into an article's current `text`.
///
/// Unicode scalar (code point) offsets are the one offset unit of TextMine, in memory and in JSON:
/// Python's `text[start:end]` returns the span. Use ``ScalarText`` to turn them into UTF-8 byte
/// offsets or `String` indices in hot paths.
public struct Span: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The offset of the first scalar of the span.
    public var start: Int
    /// The offset just past the last scalar of the span.
    public var end: Int

    /// Creates a span; `start` must not exceed `end`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "Span start \(start) is after its end \(end)")
        self.start = start
        self.end = end
    }

    /// Creates a span from a range of scalar offsets.
    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    /// The number of scalars in the span.
    public var length: Int { end - start }
    /// Whether the span covers no scalar.
    public var isEmpty: Bool { start == end }
    /// The span as a range of scalar offsets.
    public var range: Range<Int> { start..<end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "[\(start), \(end))" }
}

extension Span {
    private enum CodingKeys: String, CodingKey { case start, end }

    /// Decodes a span from `{"start": …, "end": …}`, refusing one that is not a valid range
    /// (a negative start, or a start after the end) with a ``SpanError``: spans decoded from outside
    /// (plugin replies, JSONL input) must never reach code that slices text with them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start >= 0, start <= end else { throw SpanError(start: start, end: end) }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

/// A span read from outside that is not a valid range of offsets.
public struct SpanError: Error, Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    /// The length of the text the span points into, when the span ends past it.
    public var length: Int?

    public init(start: Int, end: Int, length: Int? = nil) {
        self.start = start
        self.end = end
        self.length = length
    }

    public var description: String {
        if let length, start >= 0, start <= end {
            return "span [\(start), \(end)) lies outside the text (\(length) scalars)"
        }
        return start < 0 ? "span [\(start), \(end)) has a negative start" : "span [\(start), \(end)) starts after its end"
    }
}
