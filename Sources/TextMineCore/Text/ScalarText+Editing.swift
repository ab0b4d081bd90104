extension ScalarText {
    /// This text with `edits` applied: sorted, non-overlapping, in-bounds spans of this text, each
    /// replaced by its `replacement`.
    ///
    /// The text between edits keeps its offset tables, shifted, so an edit costs a copy of bytes and
    /// tables rather than a new scan of the whole text; only the replacements are scanned.
    func applying(_ edits: [TextEdit]) -> ScalarText {
        var newByteCount = utf8.count
        var newScalarCount = scalarCount
        for edit in edits {
            newByteCount += edit.replacement.utf8.count - byteRange(of: edit.span).count
            newScalarCount += edit.replacement.unicodeScalars.count - edit.span.length
        }
        let bytes = editedBytes(edits, count: newByteCount)
        if newByteCount == newScalarCount {  // ASCII: no tables
            return ScalarText(utf8: bytes, scalarCount: newScalarCount, byteOffsets: [], scalarOffsets: [])
        }
        if scalarOffsets.isEmpty {  // non-ASCII replacements in an ASCII text: nothing to reuse
            return ScalarText(validUTF8: bytes)
        }
        var newByteOffsets: [Int32] = []
        let newScalarOffsets = [Int32](unsafeUninitializedCapacity: newByteCount + 1) { scalarsOfBytes, initializedScalars in
            newByteOffsets = [Int32](unsafeUninitializedCapacity: newScalarCount + 1) { bytesOfScalars, initializedBytes in
                var tables = TableWriter(scalarOfByte: scalarsOfBytes.baseAddress!, byteOfScalar: bytesOfScalars.baseAddress!)
                var cursor = 0
                for edit in edits {
                    copyTables(ofBytes: cursor..<byteOffset(ofScalar: edit.span.start), into: &tables)
                    var replacement = edit.replacement
                    replacement.withUTF8 { tables.scan($0) }
                    cursor = byteOffset(ofScalar: edit.span.end)
                }
                copyTables(ofBytes: cursor..<utf8.count, into: &tables)
                bytesOfScalars[newScalarCount] = Int32(newByteCount)
                initializedBytes = newScalarCount + 1
            }
            scalarsOfBytes[newByteCount] = Int32(newScalarCount)
            initializedScalars = newByteCount + 1
        }
        return ScalarText(utf8: bytes, scalarCount: newScalarCount, byteOffsets: newByteOffsets, scalarOffsets: newScalarOffsets)
    }

    /// The bytes of this text with the edits applied.
    private func editedBytes(_ edits: [TextEdit], count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
            utf8.withUnsafeBufferPointer { source in
                var written = 0
                func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard !bytes.isEmpty else { return }
                    (output.baseAddress! + written).initialize(from: bytes.baseAddress!, count: bytes.count)
                    written += bytes.count
                }
                var cursor = 0
                for edit in edits {
                    append(UnsafeBufferPointer(rebasing: source[cursor..<byteOffset(ofScalar: edit.span.start)]))
                    var replacement = edit.replacement
                    replacement.withUTF8 { append($0) }
                    cursor = byteOffset(ofScalar: edit.span.end)
                }
                append(UnsafeBufferPointer(rebasing: source[cursor...]))
            }
            initialized = count
        }
    }

    /// Appends the offset tables of an unchanged byte range (on scalar boundaries), shifted to where
    /// the range lands in the edited text.
    private func copyTables(ofBytes range: Range<Int>, into tables: inout TableWriter) {
        guard !range.isEmpty else { return }
        let scalars = scalarOffset(ofByte: range.lowerBound)..<scalarOffset(ofByte: range.upperBound)
        scalarOffsets.withUnsafeBufferPointer { scalarOfByte in
            byteOffsets.withUnsafeBufferPointer { byteOfScalar in
                tables.append(
                    scalarOfByte: UnsafeBufferPointer(rebasing: scalarOfByte[range]), shiftedBy: tables.scalar - scalars.lowerBound,
                    byteOfScalar: UnsafeBufferPointer(rebasing: byteOfScalar[scalars]), shiftedBy: tables.byte - range.lowerBound)
            }
        }
    }
}

/// Writes the two offset tables of an edited text, piece by piece.
private struct TableWriter {
    let scalarOfByte: UnsafeMutablePointer<Int32>
    let byteOfScalar: UnsafeMutablePointer<Int32>
    /// Bytes and scalars written so far.
    var byte = 0
    var scalar = 0

    init(scalarOfByte: UnsafeMutablePointer<Int32>, byteOfScalar: UnsafeMutablePointer<Int32>) {
        self.scalarOfByte = scalarOfByte
        self.byteOfScalar = byteOfScalar
    }

    /// Appends table entries copied from the original text, each plus a constant.
    mutating func append(
        scalarOfByte source: UnsafeBufferPointer<Int32>, shiftedBy scalarShift: Int,
        byteOfScalar sourceBytes: UnsafeBufferPointer<Int32>, shiftedBy byteShift: Int
    ) {
        let scalarDelta = Int32(truncatingIfNeeded: scalarShift)
        let byteDelta = Int32(truncatingIfNeeded: byteShift)
        let scalarTarget = scalarOfByte + byte
        for index in 0..<source.count { scalarTarget[index] = source[index] &+ scalarDelta }
        let byteTarget = byteOfScalar + scalar
        for index in 0..<sourceBytes.count { byteTarget[index] = sourceBytes[index] &+ byteDelta }
        byte += source.count
        scalar += sourceBytes.count
    }

    /// Appends the table entries of new UTF-8 bytes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        for value in bytes {
            if value & 0xC0 != 0x80 {
                byteOfScalar[scalar] = Int32(truncatingIfNeeded: byte)
                scalar += 1
            }
            scalarOfByte[byte] = Int32(truncatingIfNeeded: scalar - 1)
            byte += 1
        }
    }
}
