/// A text as UTF-8 bytes with conversions between byte offsets and Unicode scalar offsets.
///
/// Hot paths scan bytes; spans are in scalar offsets. Build one `ScalarText` per article and
/// convert at span boundaries: both conversions are O(1) (ASCII text needs no tables at all).
public struct ScalarText: Sendable {
    /// The UTF-8 bytes of the text.
    public let utf8: [UInt8]
    /// The number of Unicode scalars.
    public let scalarCount: Int
    /// UTF-8 offset of each scalar, plus the end; empty when the text is ASCII.
    private let byteOffsets: [Int32]
    /// Scalar offset of the scalar containing each byte, plus the end; empty when the text is ASCII.
    private let scalarOffsets: [Int32]

    public init(_ text: String) {
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { utf8 = [] }
        self.utf8 = utf8
        var isASCII = true
        for byte in utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            scalarCount = utf8.count
            byteOffsets = []
            scalarOffsets = []
            return
        }
        var byteOffsets: [Int32] = []
        byteOffsets.reserveCapacity(utf8.count + 1)
        var scalarOffsets = [Int32](repeating: 0, count: utf8.count + 1)
        var scalar: Int32 = -1
        for (index, byte) in utf8.enumerated() {
            if byte & 0xC0 != 0x80 {
                scalar += 1
                byteOffsets.append(Int32(index))
            }
            scalarOffsets[index] = scalar
        }
        scalarCount = Int(scalar + 1)
        byteOffsets.append(Int32(utf8.count))
        scalarOffsets[utf8.count] = Int32(scalarCount)
        self.byteOffsets = byteOffsets
        self.scalarOffsets = scalarOffsets
    }

    /// The scalar offset of the scalar that contains the byte at `byteOffset` (0...utf8.count).
    @inline(__always)
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        scalarOffsets.isEmpty ? byteOffset : Int(scalarOffsets[byteOffset])
    }

    /// The UTF-8 offset where the scalar at `scalarOffset` (0...scalarCount) starts.
    @inline(__always)
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        byteOffsets.isEmpty ? scalarOffset : Int(byteOffsets[scalarOffset])
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
