import TextMineCore

/// One normalisation of the `clean` stage: at the bytes where it may have work, it looks at the
/// text and proposes edits.
///
/// Steps never scan the text themselves: ``CleaningScan`` walks the UTF-8 bytes once for all the
/// steps of a round and asks a step only at its trigger bytes, so text without candidates (most
/// ASCII and accented letters) costs one table lookup per byte.
protocol CleaningStep: Sendable {
    /// Whether an edit of this step may start at a byte with this value.
    func isTrigger(_ byte: UInt8) -> Bool
    /// Whether an edit may start at `byte` when `next` follows it (by default, ``isTrigger(_:)``):
    /// steps that rarely act on a frequent byte narrow it down here (a space before a letter).
    func isTrigger(_ byte: UInt8, followedBy next: UInt8) -> Bool
    /// Whether ``isTrigger(_:followedBy:)`` looks at the next byte (false by default).
    var looksAtNextByte: Bool { get }
    /// Looks at the text at `index` (a trigger byte). When the step takes the bytes from `index`
    /// on, it appends its edits and returns the end of the bytes it took (greater than `index`);
    /// otherwise it returns nil and appends nothing. Edits are in scalar offsets and text order;
    /// there may be none (text that is already normal), and they may reach back to `floor`, the
    /// end of the bytes that earlier steps took (a combining mark edits its base letter).
    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int?
}

extension CleaningStep {
    func isTrigger(_ byte: UInt8, followedBy next: UInt8) -> Bool { isTrigger(byte) }
    var looksAtNextByte: Bool { false }
}

/// Runs the steps of one round of `clean` in a single pass over the bytes: at each byte, the
/// steps it triggers are asked in priority order, and the first that takes the bytes wins them.
struct CleaningScan: Sendable {
    let steps: [any CleaningStep]
    /// For each byte value, the steps it may trigger, as bits in priority order.
    private let triggers: [UInt32]
    /// For byte values whose steps depend on the next byte, the row of `pairTriggers` (else -1).
    private let pairRows: [Int32]
    /// Rows of 256 masks, by next byte.
    private let pairTriggers: [UInt32]

    init(steps: [any CleaningStep]) {
        precondition(steps.count <= 32, "a cleaning round has at most 32 steps")
        self.steps = steps
        var triggers: [UInt32] = []
        var pairRows: [Int32] = []
        var pairTriggers: [UInt32] = []
        for byte in UInt8.min...UInt8.max {
            let candidates = steps.indices.filter { steps[$0].isTrigger(byte) }
            guard candidates.contains(where: { steps[$0].looksAtNextByte }) else {
                triggers.append(candidates.reduce(0) { $0 | 1 << UInt32($1) })
                pairRows.append(-1)
                continue
            }
            let row = (UInt8.min...UInt8.max).map { next in
                var mask: UInt32 = 0
                for bit in candidates where steps[bit].isTrigger(byte, followedBy: next) { mask |= 1 << UInt32(bit) }
                return mask
            }
            triggers.append(row.reduce(0, |))
            if row.allSatisfy({ $0 == row[0] }) {
                pairRows.append(-1)
            } else {
                pairRows.append(Int32(pairTriggers.count / 256))
                pairTriggers += row
            }
        }
        self.triggers = triggers
        self.pairRows = pairRows
        self.pairTriggers = pairTriggers
    }

    /// The edits of all steps on `text` (sorted and non-overlapping), and the steps that took
    /// bytes (bit i: `steps[i]`).
    func edits(in text: ScalarText) -> (edits: [TextEdit], takers: UInt32) {
        var edits: [TextEdit] = []
        var takers: UInt32 = 0
        guard !steps.isEmpty else { return (edits, takers) }
        let count = text.utf8.count
        var index = 0
        var floor = 0
        while true {
            var mask: UInt32 = 0
            index = nextTrigger(in: text.utf8, from: index, mask: &mask)
            guard index < count else { break }
            while mask != 0 {
                let bit = mask.trailingZeroBitCount
                mask &= mask - 1
                if let end = steps[bit].take(text, at: index, floor: floor, into: &edits) {
                    floor = max(end, index + 1)
                    takers |= 1 << UInt32(bit)
                    break
                }
            }
            index = max(index + 1, floor)
        }
        return (edits, takers)
    }

    /// The first byte at or after `start` that triggers a step (or the end of the text), with the
    /// steps it triggers in `mask`.
    private func nextTrigger(in bytes: [UInt8], from start: Int, mask: inout UInt32) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            triggers.withUnsafeBufferPointer { triggers in
                let count = bytes.count
                var index = start
                while true {
                    // The tight loop: bytes that trigger nothing at all.
                    while index < count, triggers[Int(bytes[index])] == 0 { index &+= 1 }
                    guard index < count else { return count }
                    let byte = Int(bytes[index])
                    var found = triggers[byte]
                    // The first and last bytes keep every step they may trigger (text edges matter).
                    if index > 0, index + 1 < count, pairRows[byte] >= 0 {
                        found = pairTriggers[Int(pairRows[byte]) &* 256 &+ Int(bytes[index + 1])]
                    }
                    if found != 0 {
                        mask = found
                        return index
                    }
                    index &+= 1
                }
            }
        }
    }
}
