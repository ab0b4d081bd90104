/// A map from positions `0...n` to ascending offsets, in two tables: a 32-bit base per block of
/// 64 positions (the value at the block's first position) and an 8-bit step per position (its
/// value minus its block's base).
///
/// The maps of ``ScalarText`` (byte → scalar and scalar → byte) advance by at most 4 per position,
/// so a step never exceeds 252: a lookup is two reads, and a table costs about one byte per
/// position instead of four, which matters for web pages of hundreds of kilobytes whose tables are
/// written once and read at a few hundred block boundaries.
struct OffsetTable: Sendable {
    /// The value at each multiple of 64.
    let bases: [Int32]
    /// Each value minus the base of its block.
    let steps: [UInt8]

    /// An empty table (the identity map of an ASCII text).
    init() {
        bases = []
        steps = []
    }

    init(bases: [Int32], steps: [UInt8]) {
        self.bases = bases
        self.steps = steps
    }

    var isEmpty: Bool { steps.isEmpty }

    @inline(__always)
    subscript(position: Int) -> Int {
        Int(bases[position &>> 6]) &+ Int(steps[position])
    }
}

/// Writes the two offset tables of a non-ASCII text in one pass over its bytes.
struct OffsetTableBuilder {
    private let byteCount: Int
    private var scalarBases: [Int32]
    private var scalarSteps: [UInt8]
    private var byteBases: [Int32]
    private var byteSteps: [UInt8]
    /// Scalars seen.
    private var scalars = 0

    /// A builder for a text of `byteCount` bytes (it has at most as many scalars).
    init(byteCount: Int) {
        self.byteCount = byteCount
        let blocks = byteCount / 64 + 1
        scalarBases = [Int32](repeating: 0, count: blocks)
        scalarSteps = [UInt8](unsafeUninitializedCapacity: byteCount + 17) { _, initialized in initialized = byteCount + 17 }
        byteBases = [Int32](repeating: 0, count: blocks)
        byteSteps = [UInt8](unsafeUninitializedCapacity: byteCount + 17) { _, initialized in initialized = byteCount + 17 }
    }

    /// Scans the text's bytes (`byteCount` of them, valid UTF-8; other bytes give wrong offsets,
    /// never writes out of bounds).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count == byteCount)
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let count = byteCount
        var scalar = -1  // the scalar that contains the current byte
        scalarBases.withUnsafeMutableBufferPointer { scalarBases in
            scalarSteps.withUnsafeMutableBufferPointer { scalarSteps in
                byteBases.withUnsafeMutableBufferPointer { byteBases in
                    byteSteps.withUnsafeMutableBufferPointer { byteSteps in
                        let offsets = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
                        var index = 0
                        while index < count {
                            // Sixteen ASCII bytes at once, each a scalar (web pages are mostly ASCII):
                            // both tables take sixteen consecutive steps, split where a block starts.
                            let next = scalar &+ 1
                            if index &+ 16 <= count,
                                (raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                                    | raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
                            {
                                Self.storeRun(at: index, values: next, bases: scalarBases, steps: scalarSteps, offsets: offsets)
                                Self.storeRun(at: next, values: index, bases: byteBases, steps: byteSteps, offsets: offsets)
                                scalar &+= 16
                                index &+= 16
                                continue
                            }
                            // One byte: a lead byte starts a scalar (the first byte always does).
                            if bytes[index] & 0xC0 != 0x80 || scalar < 0 {
                                scalar &+= 1
                                if scalar & 63 == 0 { byteBases[scalar &>> 6] = Int32(truncatingIfNeeded: index) }
                                byteSteps[scalar] = UInt8(truncatingIfNeeded: index &- Int(byteBases[scalar &>> 6]))
                            }
                            if index & 63 == 0 { scalarBases[index &>> 6] = Int32(truncatingIfNeeded: scalar) }
                            scalarSteps[index] = UInt8(truncatingIfNeeded: scalar &- Int(scalarBases[index &>> 6]))
                            index &+= 1
                        }
                    }
                }
            }
        }
        scalars = scalar + 1
    }

    /// Stores sixteen consecutive values `values, values + 1, …` at positions `position…`: the
    /// steps from the current block's base, and from a new base where a block starts among them
    /// (a second store, whose sixteen bytes may run past the run: what follows writes them again;
    /// the step tables have sixteen bytes of room past their end).
    @inline(__always)
    private static func storeRun(at position: Int, values: Int, bases: UnsafeMutableBufferPointer<Int32>,
                                 steps: UnsafeMutableBufferPointer<UInt8>, offsets: SIMD16<UInt8>) {
        let inBlock = position & 63
        let target = UnsafeMutableRawPointer(steps.baseAddress! + position)
        if inBlock == 0 {
            bases[position &>> 6] = Int32(truncatingIfNeeded: values)
            target.storeBytes(of: offsets, as: SIMD16<UInt8>.self)
            return
        }
        let step = UInt8(truncatingIfNeeded: values &- Int(bases[position &>> 6]))
        target.storeBytes(of: SIMD16(repeating: step) &+ offsets, as: SIMD16<UInt8>.self)
        if inBlock > 48 {  // a block starts `first` positions on
            let first = 64 &- inBlock
            bases[(position &+ first) &>> 6] = Int32(truncatingIfNeeded: values &+ first)
            (target + first).storeBytes(of: offsets, as: SIMD16<UInt8>.self)
        }
    }

    /// The scalar count and the tables (byte → scalar, scalar → byte), with their end entries.
    mutating func finish() -> (scalarCount: Int, scalarOfByte: OffsetTable, byteOfScalar: OffsetTable) {
        let count = byteCount
        if count & 63 == 0 { scalarBases[count >> 6] = Int32(truncatingIfNeeded: scalars) }
        scalarSteps[count] = UInt8(truncatingIfNeeded: scalars - Int(scalarBases[count >> 6]))
        if scalars & 63 == 0 { byteBases[scalars >> 6] = Int32(truncatingIfNeeded: count) }
        byteSteps[scalars] = UInt8(truncatingIfNeeded: count - Int(byteBases[scalars >> 6]))
        scalarSteps.removeLast(16)
        byteSteps.removeLast(count + 16 - scalars)
        byteBases.removeLast(byteBases.count - (scalars / 64 + 1))
        return (scalars, OffsetTable(bases: scalarBases, steps: scalarSteps), OffsetTable(bases: byteBases, steps: byteSteps))
    }
}
