/// Folds UTF-8 text for matching: lowercase (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic), typographic
/// apostrophes and quotes to ASCII, every run of white space (no-break spaces and line breaks
/// included) to one space. Other scripts pass through unchanged.
///
/// Folded text is for deciding, never for offsets: a folded byte does not map back to one input byte.
enum TextFolding {
    /// Appends the folding of `bytes[range]` to `output` (which is not cleared).
    static func fold(_ bytes: [UInt8], _ range: Range<Int>, into output: inout [UInt8]) {
        let base = output.count
        // Folding never lengthens text: write into room for the whole range, then cut to size.
        output.append(contentsOf: repeatElement(0, count: range.count))
        let written = bytes.withUnsafeBufferPointer { bytes in
            output.withUnsafeMutableBufferPointer { output in
                fold(bytes, range, into: UnsafeMutableBufferPointer(rebasing: output[base...]), afterText: base > 0)
            }
        }
        output.removeLast(range.count - written)
    }

    /// Writes the folding of `bytes[range]` to `output` (at least `range.count` long); returns its
    /// length. Leading white space folds to a space when the output follows other text.
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                             into output: UnsafeMutableBufferPointer<UInt8>, afterText: Bool) -> Int {
        asciiFolding.withUnsafeBufferPointer { ascii in
            var count = 0
            var index = range.lowerBound
            var pendingSpace = false
            var slowUntil = 0  // eight-byte words are tried from here on
            while index < range.upperBound {
                if index >= slowUntil, index &+ 8 <= range.upperBound,
                    let folded = foldedWord(bytes, at: index, slowUntil: &slowUntil)
                {
                    if pendingSpace {
                        output[count] = 0x20
                        count &+= 1
                        pendingSpace = false
                    }
                    UnsafeMutableRawPointer(output.baseAddress! + count).storeBytes(of: folded.littleEndian, as: UInt64.self)
                    count &+= 8
                    index &+= 8
                    continue
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    let folded = ascii[Int(byte)]
                    if folded == Self.whiteSpace {
                        pendingSpace = count > 0 || afterText
                    } else {
                        Self.put(folded, output, &count, &pendingSpace)
                    }
                    index &+= 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(index + length, range.upperBound)
                if length == 2, end - index == 2 {
                    let second = bytes[index + 1]
                    if byte == 0xC2 && second == 0xA0 {
                        pendingSpace = count > 0 || afterText
                    } else {
                        let lower = lowercase((UInt32(byte & 0x1F) << 6) | UInt32(second & 0x3F))
                        put(UInt8(0xC0 | (lower >> 6)), output, &count, &pendingSpace)
                        put(UInt8(0x80 | (lower & 0x3F)), output, &count, &pendingSpace)
                    }
                    index = end
                    continue
                }
                if length == 3, end - index == 3, byte == 0xE2, bytes[index + 1] == 0x80 {
                    switch bytes[index + 2] {
                    case 0x98, 0x99, 0x9B: put(0x27, output, &count, &pendingSpace); index = end; continue
                    case 0x9C, 0x9D, 0x9E: put(0x22, output, &count, &pendingSpace); index = end; continue
                    case 0x80...0x8A, 0xAF, 0xA8, 0xA9: pendingSpace = count > 0 || afterText; index = end; continue
                    default: break
                    }
                }
                for offset in index..<end { put(bytes[offset], output, &count, &pendingSpace) }
                index = end
            }
            return count
        }
    }

    /// The folding of the eight bytes at `index` when they fold on their own: printable ASCII whose
    /// spaces are single and inside the eight (so none starts or continues a run of white space),
    /// lowercased at once; nil otherwise, and past a byte that is not printable ASCII, `slowUntil`
    /// tells where eight bytes are worth trying again.
    @inline(__always)
    private static func foldedWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, slowUntil: inout Int) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Bytes ≥ 0x80, and bytes below 0x20 (tab, line breaks; the lowest one exactly).
        let unusual = (word & high) | ((word &- ones &* 0x20) & ~word & high)
        guard unusual == 0 else { slowUntil = index &+ unusual.trailingZeroBitCount &>> 3 &+ 1; return nil }
        let spaceBytes = word ^ (ones &* 0x20)
        let spaces = ~((spaceBytes & ~high) &+ ~high | spaceBytes) & high  // high bit of each 0x20 byte
        guard spaces & (spaces &<< 8) == 0, spaces & 0x8000_0000_0000_0080 == 0 else { return nil }
        // Capitals: bytes from 0x41 (0x41 + 0x3F reaches the high bit) below 0x5B.
        let capitals = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & high
        return word | (capitals &>> 2)
    }

    /// Writes a folded byte, after the space that white space before it folded to.
    @inline(__always)
    private static func put(_ byte: UInt8, _ output: UnsafeMutableBufferPointer<UInt8>, _ count: inout Int, _ pendingSpace: inout Bool) {
        if pendingSpace {
            output[count] = 0x20
            count &+= 1
            pendingSpace = false
        }
        output[count] = byte
        count &+= 1
    }

    /// Marks white space in ``asciiFolding``.
    private static let whiteSpace: UInt8 = 0xFF

    /// The folding of each ASCII byte: its lowercase, or ``whiteSpace``.
    private static let asciiFolding: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D: return whiteSpace
        case 0x41...0x5A: return UInt8(byte | 0x20)
        default: return UInt8(byte)
        }
    }

    /// The folding of a string.
    static func fold(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        fold(bytes, 0..<bytes.count, into: &output)
        return output
    }

    /// The lowercase of a two-byte scalar (U+0080–U+07FF), for the alphabets above.
    @inline(__always)
    static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xC0...0xDE where value != 0xD7: return value + 0x20
        case 0x100...0x137, 0x14A...0x177: return value | 1
        case 0x139...0x148, 0x179...0x17E: return value & 1 == 1 ? value + 1 : value
        case 0x178: return 0xFF
        case 0x391...0x3A9: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        case 0x410...0x42F: return value + 0x20
        default: return value
        }
    }
}
