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
                        var index = 0
                        while index < count {
                            // The ASCII bytes among the next sixteen (web pages are mostly ASCII, French
                            // text has an accent every few dozen bytes): each is a scalar, so both
                            // tables take consecutive steps, written sixteen at a time. The steps
                            // (and a block's base) written past the run are written again by what
                            // follows, before anything reads them.
                            if index &+ 16 <= count {
                                let run = Self.asciiRun(raw, at: index)
                                if run > 0 {
                                    let next = scalar &+ 1
                                    Self.storeRun(at: index, values: next, bases: scalarBases, steps: scalarSteps)
                                    Self.storeRun(at: next, values: index, bases: byteBases, steps: byteSteps)
                                    scalar &+= run
                                    index &+= run
                                    continue
                                }
                            }
                            // One scalar: its lead byte and continuation bytes (a stray continuation
                            // byte counts as a scalar of its own; the length is clamped to the text).
                            let length = min(Self.sequenceLength(bytes[index]), count &- index)
                            scalar &+= 1
                            if scalar & 63 == 0 { byteBases[scalar &>> 6] = Int32(truncatingIfNeeded: index) }
                            byteSteps[scalar] = UInt8(truncatingIfNeeded: index &- Int(byteBases[scalar &>> 6]))
                            for byte in index..<(index &+ length) {
                                if byte & 63 == 0 { scalarBases[byte &>> 6] = Int32(truncatingIfNeeded: scalar) }
                                scalarSteps[byte] = UInt8(truncatingIfNeeded: scalar &- Int(scalarBases[byte &>> 6]))
                            }
                            index &+= length
                        }
                    }
                }
            }
        }
        scalars = scalar + 1
    }

    /// How many of the sixteen bytes at `offset` are ASCII before the first that is not (0…16).
    @inline(__always)
    private static func asciiRun(_ raw: UnsafeRawPointer, at offset: Int) -> Int {
        let low = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080
        if low != 0 { return UInt64(littleEndian: low).trailingZeroBitCount &>> 3 }
        let high = raw.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self) & 0x8080_8080_8080_8080
        if high != 0 { return 8 &+ (UInt64(littleEndian: high).trailingZeroBitCount &>> 3) }
        return 16
    }

    /// The number of bytes of the UTF-8 sequence that `lead` starts (1 for ASCII and stray bytes).
    @inline(__always)
    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Stores sixteen consecutive values `values, values + 1, …` at positions `position…`: the
    /// steps from the current block's base (two 64-bit words: no step of a block exceeds 252, so
    /// no byte carries into the next), and from a new base where a block starts among them (a
    /// second store, whose sixteen bytes may run past the run: what follows writes them again;
    /// the step tables have sixteen bytes of room past their end).
    @inline(__always)
    private static func storeRun(at position: Int, values: Int, bases: UnsafeMutableBufferPointer<Int32>,
                                 steps: UnsafeMutableBufferPointer<UInt8>) {
        let low: UInt64 = 0x0706_0504_0302_0100  // steps 0…7, one per byte (little-endian)
        let high: UInt64 = 0x0F0E_0D0C_0B0A_0908
        let inBlock = position & 63
        let target = UnsafeMutableRawPointer(steps.baseAddress! + position)
        var step: UInt64 = 0
        if inBlock == 0 {
            bases[position &>> 6] = Int32(truncatingIfNeeded: values)
        } else {
            step = UInt64(truncatingIfNeeded: (values &- Int(bases[position &>> 6])) & 0xFF) &* 0x0101_0101_0101_0101
        }
        target.storeBytes(of: step &+ low, as: UInt64.self)
        target.storeBytes(of: step &+ high, toByteOffset: 8, as: UInt64.self)
        if inBlock > 48 {  // a block starts `first` positions on
            let first = 64 &- inBlock
            bases[(position &+ first) &>> 6] = Int32(truncatingIfNeeded: values &+ first)
            target.storeBytes(of: low, toByteOffset: first, as: UInt64.self)
            target.storeBytes(of: high, toByteOffset: first &+ 8, as: UInt64.self)
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
