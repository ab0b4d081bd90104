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
    let byteOffsets: [Int32]
    /// Scalar offset of the scalar containing each byte, plus the end; empty when the text is ASCII.
    let scalarOffsets: [Int32]

    /// A text whose tables are already known (empty tables: ASCII).
    init(utf8: [UInt8], scalarCount: Int, byteOffsets: [Int32], scalarOffsets: [Int32]) {
        self.utf8 = utf8
        self.scalarCount = scalarCount
        self.byteOffsets = byteOffsets
        self.scalarOffsets = scalarOffsets
    }

    public init(_ text: String) {
        self.init(validUTF8: Array(text.utf8))
    }

    /// Wraps bytes that are already valid UTF-8 (for example a `String`'s), without copying them.
    public init(validUTF8 utf8: [UInt8]) {
        self.utf8 = utf8
        if utf8.withUnsafeBufferPointer(Self.isASCII) {
            scalarCount = utf8.count
            byteOffsets = []
            scalarOffsets = []
            return
        }
        // One pointer loop: this runs over every byte of every article, in debug builds too.
        let count = utf8.count
        var scalars = 0
        var byteOffsets = [Int32](unsafeUninitializedCapacity: count + 1) { offsets, initialized in initialized = 0 }
        let scalarOffsets = [Int32](unsafeUninitializedCapacity: count + 1) { offsets, initialized in
            byteOffsets = [Int32](unsafeUninitializedCapacity: count + 1) { starts, startsInitialized in
                utf8.withUnsafeBufferPointer { bytes in
                    var scalar: Int32 = -1
                    let raw = UnsafeRawPointer(bytes.baseAddress!)  // not empty: the text is not ASCII
                    let offsetTable = UnsafeMutableRawPointer(offsets.baseAddress!)
                    let startTable = UnsafeMutableRawPointer(starts.baseAddress!)
                    let steps = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)  // eight consecutive offsets
                    let wideSteps = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
                    var index = 0
                    while index < count {
                        // Sixteen ASCII bytes at once, each a scalar (web pages are mostly ASCII):
                        // both tables take sixteen consecutive values, two vector stores.
                        if index &+ 16 <= count,
                            (raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                                | raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
                        {
                            let scalarsOfBytes = SIMD16<Int32>(repeating: scalar &+ 1) &+ wideSteps
                            offsetTable.storeBytes(of: scalarsOfBytes, toByteOffset: index &* 4, as: SIMD16<Int32>.self)
                            let bytesOfScalars = SIMD16<Int32>(repeating: Int32(truncatingIfNeeded: index)) &+ wideSteps
                            startTable.storeBytes(of: bytesOfScalars, toByteOffset: Int(scalar &+ 1) &* 4, as: SIMD16<Int32>.self)
                            scalar &+= 16
                            index &+= 16
                            continue
                        }
                        // Then eight (a run of ASCII before other bytes).
                        if index &+ 8 <= count,
                            raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                        {
                            let scalarsOfBytes = SIMD8<Int32>(repeating: scalar &+ 1) &+ steps
                            offsetTable.storeBytes(of: scalarsOfBytes, toByteOffset: index &* 4, as: SIMD8<Int32>.self)
                            let bytesOfScalars = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: index)) &+ steps
                            startTable.storeBytes(of: bytesOfScalars, toByteOffset: Int(scalar &+ 1) &* 4, as: SIMD8<Int32>.self)
                            scalar &+= 8
                            index &+= 8
                            continue
                        }
                        // One scalar: its lead byte gives its length (the bytes are valid UTF-8;
                        // the end bounds it all the same, so that wrong input cannot write past it).
                        let lead = bytes[index]
                        let length = min(lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, count &- index)
                        scalar &+= 1
                        starts[Int(scalar)] = Int32(truncatingIfNeeded: index)
                        for offset in 0..<length { offsets[index &+ offset] = scalar }
                        index &+= length
                    }
                    scalars = Int(scalar + 1)
                    offsets[count] = Int32(scalars)
                    starts[scalars] = Int32(count)
                }
                startsInitialized = scalars + 1
            }
            initialized = count + 1
        }
        scalarCount = scalars
        self.byteOffsets = byteOffsets
        self.scalarOffsets = scalarOffsets
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
