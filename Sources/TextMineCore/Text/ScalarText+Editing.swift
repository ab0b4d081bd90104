extension ScalarText {
    /// This text with `edits` applied: sorted, non-overlapping, in-bounds spans of this text, each
    /// replaced by its `replacement`.
    ///
    /// The edited bytes are copied piece by piece; their offset tables are then written by one
    /// scan of them (a few instructions per byte, about two bytes of table per byte of text).
    func applying(_ edits: [TextEdit]) -> ScalarText {
        var newByteCount = utf8.count
        for edit in edits {
            newByteCount += edit.replacement.utf8.count - byteRange(of: edit.span).count
        }
        return ScalarText(validUTF8: editedBytes(edits, count: newByteCount))
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
}
