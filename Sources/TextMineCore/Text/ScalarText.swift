/// A text as UTF-8 bytes with conversions between byte offsets and Unicode scalar offsets.
///
/// Hot paths scan bytes; spans are in scalar offsets. Build one `ScalarText` per article and
/// convert at span boundaries: both conversions are O(1) (ASCII text needs no tables at all).
public struct ScalarText: Sendable {
    /// The UTF-8 bytes of the text.
    public let utf8: [UInt8]
    /// The number of Unicode scalars.
    public let scalarCount: Int
    /// Scalar offset of the scalar containing each byte, plus the end; empty when the text is ASCII.
    let scalarOfByte: OffsetTable
    /// UTF-8 offset of each scalar, plus the end; empty when the text is ASCII.
    let byteOfScalar: OffsetTable

    public init(_ text: String) {
        self.init(validUTF8: Array(text.utf8))
    }

    /// Wraps bytes that are already valid UTF-8 (for example a `String`'s), without copying them.
    public init(validUTF8 utf8: [UInt8]) {
        self.utf8 = utf8
        if utf8.withUnsafeBufferPointer(Self.isASCII) {
            scalarCount = utf8.count
            scalarOfByte = OffsetTable()
            byteOfScalar = OffsetTable()
            return
        }
        var builder = OffsetTableBuilder(byteCount: utf8.count)
        utf8.withUnsafeBufferPointer { builder.scan($0) }
        (scalarCount, scalarOfByte, byteOfScalar) = builder.finish()
    }

    /// Whether all bytes are ASCII, read eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index &+= 8
        }
        return !bytes[index...].contains { $0 >= 0x80 }
    }

    /// The scalar offset of the scalar that contains the byte at `byteOffset` (0...utf8.count).
    @inline(__always)
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        scalarOfByte.isEmpty ? byteOffset : scalarOfByte[byteOffset]
    }

    /// The UTF-8 offset where the scalar at `scalarOffset` (0...scalarCount) starts.
    @inline(__always)
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        byteOfScalar.isEmpty ? scalarOffset : byteOfScalar[scalarOffset]
    }

    /// The span of scalars covering a byte range.
    public func span(ofBytes range: Range<Int>) -> Span {
        Span(start: scalarOffset(ofByte: range.lowerBound), end: scalarOffset(ofByte: range.upperBound))
    }

    /// The byte range of a span.
    public func byteRange(of span: Span) -> Range<Int> {
        byteOffset(ofScalar: span.start)..<byteOffset(ofScalar: span.end)
    }

    /// The text of a span.
    public func string(_ span: Span) -> String {
        String(decoding: utf8[byteRange(of: span)], as: UTF8.self)
    }

    /// The text of a byte range.
    public func string(bytes range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }
}
