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
