import Foundation

/// Turns words into term keys without allocating: lowercase, accents folded (`Élysée` → `elysee`,
/// `œuvre` → `oeuvre`) and, optionally, a light plural strip (`sanctions` → `sanction`,
/// `jeux` → `jeu`). No stemming beyond that.
///
/// A key is a 64-bit hash of the normalised bytes; collisions are negligible at article and corpus
/// scale and only merge two terms' statistics.
struct TermNormalizer: Sendable {
    /// Whether a final `s` (and `x`, for French plurals) is stripped from words of more than three
    /// letters.
    var stripsPlurals: Bool

    init(stripsPlurals: Bool = true) {
        self.stripsPlurals = stripsPlurals
    }

    /// Normalises the word `bytes[range]` into `buffer` (cleared first) and describes it.
    @inline(__always)
    func normalize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into buffer: inout [UInt8]) -> NormalizedWord {
        buffer.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound && bytes[index] < 0x80 { index += 1 }
        if index == range.upperBound { return normalizeASCII(bytes, range, into: &buffer) }
        index = range.lowerBound
        var isNumber = true
        var startsUpper = false
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                if index == range.lowerBound { startsUpper = lead >= 0x41 && lead <= 0x5A }
                if lead < 0x30 || lead > 0x39 { isNumber = false }
                buffer.append(lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead)
                index += 1
                continue
            }
            isNumber = false
            let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
            if value < 0x250 {
                if index == range.lowerBound { startsUpper = Self.latinUpper[Int(value)] }
                buffer.append(contentsOf: Self.latinFold[Int(value)])
            } else if let scalar = Unicode.Scalar(value) {
                if index == range.lowerBound { startsUpper = scalar.properties.isUppercase }
                buffer.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
            index += width
        }
        // One pass gives the hash of the word and of the word without its last byte.
        var prefixHash: UInt64 = Self.hashSeed
        for byte in buffer.dropLast() { prefixHash = Self.hashStep(prefixHash, byte) }
        let wordKey = buffer.isEmpty ? prefixHash : Self.hashStep(prefixHash, buffer[buffer.count - 1])
        return finish(&buffer, wordKey: wordKey, prefixHash: prefixHash, startsUpper: startsUpper, isNumber: isNumber)
    }

    /// ``normalize(_:_:into:)`` for a word of ASCII bytes only (most words): one copy, then
    /// lowercasing and hashing in place.
    @inline(__always)
    private func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into buffer: inout [UInt8]) -> NormalizedWord {
        let startsUpper = !range.isEmpty && bytes[range.lowerBound] &- 0x41 < 26
        var isNumber = true
        var prefixHash = Self.hashSeed
        var wordKey = Self.hashSeed
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        buffer.withUnsafeMutableBufferPointer { word in
            for k in word.indices {
                var byte = word[k]
                if byte &- 0x41 < 26 {
                    byte |= 0x20
                    word[k] = byte
                }
                if byte &- 0x30 >= 10 { isNumber = false }
                prefixHash = wordKey
                wordKey = Self.hashStep(wordKey, byte)
            }
        }
        return finish(&buffer, wordKey: wordKey, prefixHash: prefixHash, startsUpper: startsUpper, isNumber: isNumber)
    }

    /// Strips a plural from the normalised word in `buffer` when the normalizer does that, and
    /// describes the word.
    @inline(__always)
    private func finish(_ buffer: inout [UInt8], wordKey: UInt64, prefixHash: UInt64, startsUpper: Bool, isNumber: Bool) -> NormalizedWord {
        var key = wordKey
        if stripsPlurals && buffer.count > 3 {
            let last = buffer[buffer.count - 1]
            let previous = buffer[buffer.count - 2]
            if (last == 0x73 && previous != 0x73) || (last == 0x78 && previous != 0x78) {
                buffer.removeLast()
                key = prefixHash
            }
        }
        return NormalizedWord(key: key, wordKey: wordKey, startsUpper: startsUpper, isNumber: isNumber)
    }

    /// The key of a word given as a string (for stopword lists and titles).
    func normalize(_ word: String) -> NormalizedWord {
        var utf8 = Array(word.utf8)
        var buffer: [UInt8] = []
        return utf8.withUnsafeMutableBufferPointer { pointer in
            normalize(UnsafeBufferPointer(pointer), 0..<pointer.count, into: &buffer)
        }
    }

    /// FNV-1a, 64 bits.
    @inline(__always)
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash = hashSeed
        for byte in bytes { hash = hashStep(hash, byte) }
        return hash
    }

    /// The FNV-1a offset basis.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    static func hashStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Lowercase, accent-free UTF-8 of each scalar below U+0250 (built once).
    private static let latinFold: [[UInt8]] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        switch value {
        case 0xC6, 0xE6: return Array("ae".utf8)
        case 0x152, 0x153: return Array("oe".utf8)
        case 0xDF: return Array("ss".utf8)
        default: break
        }
        let lowered = String(Character(scalar)).lowercased().decomposedStringWithCanonicalMapping
        let kept = lowered.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return Array(String(String.UnicodeScalarView(kept)).utf8)
    }

    /// Whether each scalar below U+0250 is upper case.
    private static let latinUpper: [Bool] = (0..<0x250).map { value in
        Unicode.Scalar(UInt32(value))?.properties.isUppercase ?? false
    }
}

/// A word after normalisation.
struct NormalizedWord: Sendable {
    /// The term key (lowercase, folded, plural stripped when the normalizer does that).
    var key: UInt64
    /// The key of the whole word before plural stripping (what stopword lists match).
    var wordKey: UInt64
    /// Whether the word starts with an upper-case letter in the text.
    var startsUpper: Bool
    /// Whether the word is made of ASCII digits only.
    var isNumber: Bool
}
