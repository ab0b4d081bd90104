import TextMineCore

/// One normalisation of the `clean` stage: it scans the text and proposes edits.
///
/// Steps read the UTF-8 bytes of a ``ScalarText`` and append ``TextEdit``s in scalar offsets. They
/// never apply edits themselves: ``CleanStage`` merges the proposals of all steps of a round
/// (resolving overlaps by step order) and applies them in one ``Article/applyEdits(_:stage:)``.
protocol CleaningStep: Sendable {
    /// Appends the edits this step wants on `text`, in any order; they must not overlap each other.
    func collectEdits(in text: ScalarText, into edits: inout [TextEdit])
}

/// Merges the edits proposed by several steps into one non-overlapping set: where two proposals
/// overlap, the one from the earlier step wins.
enum EditMerger {
    static func merge(_ proposals: [[TextEdit]]) -> [TextEdit] {
        var tagged: [(edit: TextEdit, priority: Int)] = []
        for (priority, edits) in proposals.enumerated() {
            for edit in edits { tagged.append((edit, priority)) }
        }
        tagged.sort { ($0.edit.span, $0.priority) < ($1.edit.span, $1.priority) }
        var kept: [(edit: TextEdit, priority: Int)] = []
        kept.reserveCapacity(tagged.count)
        for candidate in tagged {
            var accepted = true
            while let last = kept.last, conflicts(last.edit.span, candidate.edit.span) {
                if last.priority <= candidate.priority {
                    accepted = false
                    break
                }
                kept.removeLast()
            }
            if accepted { kept.append(candidate) }
        }
        return kept.map(\.edit)
    }

    /// Whether two edits cannot both be applied: they share a scalar, or both insert at one point.
    private static func conflicts(_ a: Span, _ b: Span) -> Bool {
        if a.isEmpty && b.isEmpty { return a.start == b.start }
        if a.isEmpty { return b.start < a.start && a.start < b.end }
        if b.isEmpty { return a.start < b.start && b.start < a.end }
        return a.overlaps(b)
    }
}
