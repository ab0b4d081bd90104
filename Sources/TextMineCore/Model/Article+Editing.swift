extension Article {
    /// Applies edits to `text` in one pass: the one way stages change the body.
    ///
    /// It keeps `original`, records every edit that has a reason as a ``Removal`` (with the removed
    /// text and its span in the original text), extends the ``Alignment``, and remaps the spans of
    /// blocks, sentences, tokens, entities, summary and keywords; a span that falls entirely inside
    /// edited text is dropped. Edits must not overlap; their order does not matter.
    ///
    /// - Parameter stage: the instance id of the stage, recorded with each removal.
    /// - Throws: ``TextEditError`` when an edit is out of bounds or two edits overlap.
    public mutating func applyEdits(_ edits: [TextEdit], stage: String) throws {
        guard !edits.isEmpty else { return }
        let sorted = edits.sorted { $0.span < $1.span }
        // Work on UTF-8 bytes: one forward pass finds the byte offset of every edit boundary.
        var contiguous = text
        let currentAlignment = alignment ?? Alignment()
        var output: [UInt8] = []
        var removed: [Removal] = []
        try contiguous.withUTF8 { bytes in
            let (scalarCount, boundaries) = Self.byteOffsets(of: sorted.flatMap { [$0.span.start, $0.span.end] }, in: bytes)
            var previousEnd = 0
            for edit in sorted {
                guard edit.span.end <= scalarCount else {
                    throw TextEditError.outOfBounds(edit.span, length: scalarCount)
                }
                guard edit.span.start >= previousEnd else { throw TextEditError.overlapping(edit.span) }
                previousEnd = edit.span.end
            }
            var cursor = 0
            for (index, edit) in sorted.enumerated() {
                let start = boundaries[2 * index]
                let end = boundaries[2 * index + 1]
                if let reason = edit.reason {
                    removed.append(Removal(
                        text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                        original: currentAlignment.originalSpan(of: edit.span),
                        stage: stage,
                        reason: reason))
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<start]))
                output.append(contentsOf: edit.replacement.utf8)
                cursor = end
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
        }
        removals.append(contentsOf: removed)

        let shape = sorted.map { (span: $0.span, replacementLength: $0.replacement.unicodeScalars.count) }
        if original == nil { original = text }
        alignment = currentAlignment.applying(shape)
        text = String(decoding: output, as: UTF8.self)
        remapSpans(OffsetShift(edits: shape))
    }

    /// The UTF-8 byte offsets of ascending scalar offsets (those past the end map to the end),
    /// and the text's scalar count, in one pass over the bytes.
    private static func byteOffsets(of scalarOffsets: [Int], in bytes: UnsafeBufferPointer<UInt8>)
        -> (scalarCount: Int, byteOffsets: [Int])
    {
        var result = [Int](repeating: 0, count: scalarOffsets.count)
        var scalar = 0
        var index = 0
        for (slot, target) in scalarOffsets.enumerated() {
            // Skip whole runs of bytes while they cannot reach the target (a scalar is at least
            // one byte), counting scalar starts in a loop the compiler vectorizes.
            while scalar < target && index < bytes.count {
                let run = min(target - scalar, bytes.count - index)
                var starts = 0
                for byte in UnsafeBufferPointer(rebasing: bytes[index..<(index + run)]) {
                    starts &+= byte & 0xC0 == 0x80 ? 0 : 1
                }
                scalar += starts
                index += run
            }
            // A run never holds more scalars than bytes, so it cannot overshoot; it may end inside
            // the target's previous scalar, whose continuation bytes are skipped.
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            result[slot] = index
        }
        var total = scalar
        for byte in UnsafeBufferPointer(rebasing: bytes[index...]) { total &+= byte & 0xC0 == 0x80 ? 0 : 1 }
        return (total, result)
    }

    private mutating func remapSpans(_ shift: OffsetShift) {
        blocks = blocks.compactMap { block in shift.map(block.span).map { Block(span: $0, role: block.role, score: block.score) } }
        sentences = sentences.compactMap { shift.map($0.span).map(Sentence.init(span:)) }
        tokens = tokens.compactMap { token in shift.map(token.span).map { Token(span: $0, kind: token.kind) } }
        entities = entities.compactMap { entity in
            shift.map(entity.span).map { var moved = entity; moved.span = $0; return moved }
        }
        keywords = keywords.map { keyword in
            var moved = keyword
            moved.spans = keyword.spans.compactMap(shift.map)
            return moved
        }
        if var summary {
            for index in summary.scores.indices {
                summary.scores[index].span = shift.map(summary.scores[index].span) ?? Span(start: 0, end: 0)
            }
            self.summary = summary
        }
    }
}

/// Why ``Article/applyEdits(_:stage:)`` refused a set of edits (a bug in the calling stage).
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
