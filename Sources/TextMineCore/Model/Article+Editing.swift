extension Article {
    /// Applies edits to `text` in one pass: the one way stages change the body.
    ///
    /// It keeps `original`, records every edit that has a reason as a ``Removal`` (with its span in
    /// the original text and the original text of that span, as it was read, even where an earlier
    /// stage normalised it), extends the ``Alignment``, and remaps the spans of every field whose
    /// spans point into the text (blocks, sentences, tokens, entities, summary, keywords: each
    /// ``TextAnchored`` field of ``ArticleField``'s table); a span that falls entirely inside
    /// edited text is dropped. Edits must not overlap; their order does not matter.
    ///
    /// - Parameter step: the name of the step making the edits, recorded with each removal.
    /// - Throws: ``TextEditError`` when an edit is out of bounds or two edits overlap.
    public mutating func applyEdits(_ edits: [TextEdit], step: String) throws {
        guard !edits.isEmpty else { return }
        let sorted = edits.sorted { $0.span < $1.span }
        // Work on UTF-8 bytes: the edited text's view is made from this one by copying, and its
        // `String` only when someone reads `text`.
        let source = scalarText
        var previousEnd = 0
        for edit in sorted {
            guard edit.span.end <= source.scalarCount else {
                throw TextEditError.outOfBounds(edit.span, length: source.scalarCount)
            }
            guard edit.span.start >= previousEnd else { throw TextEditError.overlapping(edit.span) }
            previousEnd = edit.span.end
        }

        let currentAlignment = alignment ?? Alignment()
        // A removal holds the original text of its span: the current text where no earlier edit
        // touched it, else the original's, found by walking the original's bytes forward (the
        // spans ascend) rather than by mapping the whole original text.
        var fromOriginal: [(removal: Int, span: Span)] = []
        for edit in sorted {
            guard let reason = edit.reason else { continue }
            let originalSpan = currentAlignment.exactOriginalSpan(of: edit.span)
            if currentAlignment.isUnedited(edit.span) {
                removals.append(Removal(text: source.string(edit.span), original: originalSpan, step: step, reason: reason))
            } else {
                fromOriginal.append((removals.count, originalSpan))
                removals.append(Removal(text: "", original: originalSpan, step: step, reason: reason))
            }
        }
        if !fromOriginal.isEmpty {
            var originalBytes = originalText
            originalBytes.withUTF8 { bytes in
                var cursor = ScalarCursor()
                for (index, span) in fromOriginal {
                    let start = cursor.byteOffset(ofScalar: span.start, in: bytes)
                    let end = cursor.byteOffset(ofScalar: span.end, in: bytes)
                    removals[index].text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                }
            }
        }

        let shape = sorted.map { (span: $0.span, replacementLength: Self.scalarCount(of: $0.replacement)) }
        if original == nil { original = text }
        alignment = currentAlignment.applying(shape)
        replaceText(with: source.applying(sorted))
        remapSpans(OffsetShift(edits: shape))
    }

    /// The Unicode scalars of a string, counted on its UTF-8 bytes (the bytes that are not
    /// continuation bytes): cheaper than walking its `unicodeScalars`.
    private static func scalarCount(of text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 &+ ($1 & 0xC0 != 0x80 ? 1 : 0) } }
    }

    /// Remaps every field whose spans follow the text (``TextAnchored``, in ``ArticleField``'s table).
    private mutating func remapSpans(_ shift: OffsetShift) {
        for definition in ArticleField.definitions {
            definition.remap?(&self, shift.map)
        }
    }
}

/// Finds the byte offsets of scalar offsets in UTF-8 text by walking forward from the last one
/// found (eight bytes at a time), so that ascending offsets cost one pass together.
struct ScalarCursor {
    /// Scalars that start before `byte`.
    private var scalar = 0
    private var byte = 0

    /// The byte offset where scalar `target` starts (the end of the text past its last scalar).
    mutating func byteOffset(ofScalar target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if target < scalar {
            scalar = 0
            byte = 0
        }
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        while byte &+ 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self)
            // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear.
            let starts = 8 &- (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            guard scalar &+ starts <= target else { break }
            scalar &+= starts
            byte &+= 8
        }
        while byte < bytes.count {
            if bytes[byte] & 0xC0 != 0x80 {
                if scalar == target { return byte }
                scalar &+= 1
            }
            byte &+= 1
        }
        return bytes.count
    }
}

/// Why ``Article/applyEdits(_:step:)`` refused a set of edits (a bug in the calling stage).
public enum TextEditError: Error, CustomStringConvertible {
    case outOfBounds(Span, length: Int)
    case overlapping(Span)

    public var description: String {
        switch self {
        case .outOfBounds(let span, let length): return "edit \(span) lies outside the text (\(length) scalars)"
        case .overlapping(let span): return "edit \(span) overlaps another edit"
        }
    }
}

/// Maps offsets of a text before a set of edits to offsets after them.
private struct OffsetShift {
    /// Sorted, non-overlapping edited spans with the running shift after each.
    private let edits: [(span: Span, shiftAfter: Int, replacementLength: Int)]

    init(edits: [(span: Span, replacementLength: Int)]) {
        var shift = 0
        self.edits = edits.map { edit in
            shift += edit.replacementLength - edit.span.length
            return (edit.span, shift, edit.replacementLength)
        }
    }

    /// Maps a span; nil when a non-empty span lies entirely inside edited text.
    func map(_ span: Span) -> Span? {
        let start = offset(span.start, roundingDown: false)
        let end = offset(span.end, roundingDown: true)
        if start >= end && !span.isEmpty { return nil }
        return Span(start: start, end: max(start, end))
    }

    /// An offset inside an edited span moves to the end of its replacement (a start) or to its
    /// beginning (an end), so that a span shrinks to the text that survived.
    private func offset(_ offset: Int, roundingDown: Bool) -> Int {
        var low = 0
        var high = edits.count
        while low < high {  // first edit whose span ends after offset
            let mid = (low + high) / 2
            if edits[mid].span.end <= offset { low = mid + 1 } else { high = mid }
        }
        let shiftBefore = low > 0 ? edits[low - 1].shiftAfter : 0
        if low < edits.count, edits[low].span.start < offset {
            let edit = edits[low]
            let newStart = edit.span.start + shiftBefore
            return roundingDown ? newStart : newStart + edit.replacementLength
        }
        return offset + shiftBefore
    }
}
