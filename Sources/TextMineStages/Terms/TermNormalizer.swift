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

    /// ``latinFold``, ``latinUpper``, ``asciiClasses`` and ``WordScanner/latinWord``, held by each
    /// normalizer so that hot loops read them without the lazy-global check of a static.
    private let fold: [UInt32]
    private let upper: [Bool]
    private let classes: [UInt8]
    private let latinWord: [Bool]

    init(stripsPlurals: Bool = true) {
        self.stripsPlurals = stripsPlurals
        fold = Self.latinFold
        upper = Self.latinUpper
        classes = Self.asciiClasses
        latinWord = WordScanner.latinWord
    }

    /// ``WordScanner/isWordScalar(_:)`` with the Latin table at hand.
    @inline(__always)
    private func isWordScalar(_ value: UInt32) -> Bool {
        value < 0x250 ? latinWord[Int(value)] : WordScanner.isWordScalar(value)
    }

    /// Normalises the word `bytes[range]` (a word as ``WordScanner`` finds it) and describes it,
    /// hashing the normalised bytes as they are produced (no buffer, no allocation).
    @inline(__always)
    func normalize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> NormalizedWord {
        var word = WordInProgress()
        var index = range.lowerBound
        if index < range.upperBound { word.startsUpper = startsUpper(bytes, at: index, limit: range.upperBound) }
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                word.append(ascii: lead, class: classes[Int(lead)])
                index += 1
            } else {
                let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
                append(value, to: &word)
                index += width
            }
        }
        return describe(word, bytes: range.count)
    }

    /// The next word at or after `index` and before `limit` (the words of ``WordScanner``),
    /// normalised as ``normalize(_:_:)`` does, in one pass over its bytes; `index` moves past it.
    /// Nil when there is none.
    @inline(__always)
    func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, limit: Int) -> (range: Range<Int>, word: NormalizedWord)? {
        // Up to the word's first character…
        var position = index
        while position < limit {
            let lead = bytes[position]
            if lead < 0x80 {
                if classes[Int(lead)] & AsciiClass.word != 0 { break }
                position += 1
            } else {
                let (value, width) = UTF8Scalar.decode(bytes, at: position, limit: limit)
                if isWordScalar(value) { break }
                position += width
            }
        }
        guard position < limit else {
            index = limit
            return nil
        }
        // …then through it. ASCII bytes only feed the hash and the class bits; the length and the
        // last two bytes (for the plural strip) catch up at each non-ASCII scalar and at the end.
        let start = position
        var word = WordInProgress()
        word.startsUpper = startsUpper(bytes, at: start, limit: limit)
        var hash = word.hash
        var flags: UInt8 = 0
        var asciiFrom = start  // where the ASCII run at the end of the word starts
        while position < limit {
            let lead = bytes[position]
            if lead < 0x80 {
                let byteClass = classes[Int(lead)]
                if byteClass & AsciiClass.word == 0 { break }
                flags |= byteClass
                hash = Self.hashStep(hash, lead | (byteClass & AsciiClass.capital) << 4)
                position &+= 1
            } else {
                let (value, width) = UTF8Scalar.decode(bytes, at: position, limit: limit)
                if !isWordScalar(value) { break }
                // The slow path: bring `word` up to date with the ASCII bytes since the last
                // non-ASCII scalar, then fold this one.
                word.resume(hash: hash, flags: flags, asciiTail: tail(bytes, asciiFrom..<position), asciiCount: position - asciiFrom)
                append(value, to: &word)
                hash = word.hash
                flags = word.flags
                position += width
                asciiFrom = position
            }
        }
        word.resume(hash: hash, flags: flags, asciiTail: tail(bytes, asciiFrom..<position), asciiCount: position - asciiFrom)
        index = position
        return (start..<position, describe(word, bytes: position - start))
    }

    /// The last two bytes of an ASCII run, lowered, the last in the low byte (as ``WordInProgress``
    /// keeps them).
    @inline(__always)
    private func tail(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> UInt16 {
        var tail: UInt16 = 0
        for index in max(run.lowerBound, run.upperBound - 2)..<run.upperBound {
            let byte = bytes[index]
            tail = tail << 8 | UInt16(byte | (classes[Int(byte)] & AsciiClass.capital) << 4)
        }
        return tail
    }

    /// Appends a non-ASCII scalar, folded.
    private func append(_ value: UInt32, to word: inout WordInProgress) {
        word.flags |= AsciiClass.notDigit | AsciiClass.notCapitalOrDigit
        if value < 0x250 {
            let packed = fold[Int(value)]
            var shift: UInt32 = 0
            while shift < (packed >> 24) * 8 {
                word.append(UInt8(truncatingIfNeeded: packed >> shift))
                shift += 8
            }
        } else {
            Self.appendLowercase(value, to: &word)
        }
    }

    /// Appends the lower case of a scalar beyond the Latin table, out of line: the Unicode
    /// properties' types would otherwise be set up on every call of the word loops.
    @inline(never)
    private static func appendLowercase(_ value: UInt32, to word: inout WordInProgress) {
        guard let scalar = Unicode.Scalar(value) else { return }
        for byte in scalar.properties.lowercaseMapping.utf8 { word.append(byte) }
    }

    /// Whether the scalar at `index` is a capital.
    @inline(__always)
    private func startsUpper(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return classes[Int(lead)] & AsciiClass.capital != 0 }
        let (value, _) = UTF8Scalar.decode(bytes, at: index, limit: limit)
        if value < 0x250 { return upper[Int(value)] }
        return Self.isUppercaseBeyondLatin(value)
    }

    /// Whether a scalar beyond the Latin table is upper case (out of line, as ``appendLowercase(_:to:)``).
    @inline(never)
    private static func isUppercaseBeyondLatin(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// The description of a word of `bytes` UTF-8 bytes in the text, its plural stripped.
    @inline(__always)
    private func describe(_ word: WordInProgress, bytes: Int) -> NormalizedWord {
        var key = word.hash
        var length = word.length
        if stripsPlurals && length > 3 && word.endsInPlural {
            key = word.hashWithoutLast
            length -= 1
        }
        return NormalizedWord(key: key, wordKey: word.hash, length: length, startsUpper: word.startsUpper,
                              isNumber: word.flags & AsciiClass.notDigit == 0,
                              isAcronym: bytes >= 2 && word.flags & AsciiClass.notCapitalOrDigit == 0
                                  && word.flags & AsciiClass.capital != 0)
    }

    /// The key of a word given as a string (for stopword lists and titles).
    func normalize(_ word: String) -> NormalizedWord {
        var utf8 = Array(word.utf8)
        return utf8.withUnsafeMutableBufferPointer { pointer in
            normalize(UnsafeBufferPointer(pointer), 0..<pointer.count)
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

    /// Lowercase, accent-free UTF-8 of each scalar below U+0250 (built once), packed: up to three
    /// bytes from the lowest, their count in the top byte.
    private static let latinFold: [UInt32] = (0..<0x250).map { value in
        let bytes: [UInt8]
        switch value {
        case 0xC6, 0xE6: bytes = Array("ae".utf8)
        case 0x152, 0x153: bytes = Array("oe".utf8)
        case 0xDF: bytes = Array("ss".utf8)
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
            let lowered = String(Character(scalar)).lowercased().decomposedStringWithCanonicalMapping
            let kept = lowered.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
            bytes = Array(String(String.UnicodeScalarView(kept)).utf8)
        }
        precondition(bytes.count <= 3, "a folded Latin letter has at most three UTF-8 bytes")
        return bytes.enumerated().reduce(UInt32(bytes.count) << 24) { $0 | UInt32($1.element) << ($1.offset * 8) }
    }

    /// Whether each scalar below U+0250 is upper case.
    private static let latinUpper: [Bool] = (0..<0x250).map { value in
        Unicode.Scalar(UInt32(value))?.properties.isUppercase ?? false
    }

    /// What each ASCII byte is, as ``AsciiClass`` bits (bytes from 0x80: none).
    private static let asciiClasses: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        guard byte < 0x80, WordScanner.isASCIIWord(byte) else { return 0 }
        let isDigit = byte &- 0x30 < 10, isCapital = byte &- 0x41 < 26
        return AsciiClass.word | (isCapital ? AsciiClass.capital : 0) | (isDigit ? 0 : AsciiClass.notDigit)
            | (isDigit || isCapital ? 0 : AsciiClass.notCapitalOrDigit)
    }
}

/// A word after normalisation.
struct NormalizedWord: Sendable {
    /// The term key (lowercase, folded, plural stripped when the normalizer does that).
    var key: UInt64
    /// The key of the whole word before plural stripping (what stopword lists match).
    var wordKey: UInt64
    /// The number of normalised UTF-8 bytes (after the plural strip).
    var length: Int
    /// Whether the word starts with an upper-case letter in the text.
    var startsUpper: Bool
    /// Whether the word is made of ASCII digits only.
    var isNumber: Bool
    /// Whether the word is two bytes or more of ASCII capitals and digits, with a capital (`OTAN`, `G7`).
    var isAcronym: Bool
}

/// Bits describing an ASCII byte (and, or-ed together, a word).
private enum AsciiClass {
    /// A word character: letter, digit or `_`.
    static let word: UInt8 = 1
    /// A capital letter (its lowercase is the byte with 0x20 set).
    static let capital: UInt8 = 2
    /// Not a digit (a number has no such byte).
    static let notDigit: UInt8 = 4
    /// Neither a digit nor a capital (an acronym has no such byte).
    static let notCapitalOrDigit: UInt8 = 8
}

/// A word being normalised: the running FNV-1a hash of its normalised bytes, with what the plural
/// strip needs (the last two bytes; the hash without the last one is derived) and the ``AsciiClass``
/// bits of its bytes or-ed together.
private struct WordInProgress {
    private(set) var hash = TermNormalizer.hashSeed
    private(set) var length = 0
    /// The last two normalised bytes, the last in the low byte.
    private var tail: UInt16 = 0
    var flags: UInt8 = 0
    /// Whether the first letter is a capital.
    var startsUpper = false

    /// Appends an ASCII byte of the text, of class `byteClass`, lowered.
    @inline(__always)
    mutating func append(ascii byte: UInt8, class byteClass: UInt8) {
        flags |= byteClass
        append(byte | (byteClass & AsciiClass.capital) << 4)
    }

    /// Catches up with `count` ASCII bytes appended elsewhere: `hash` and `flags` are the values
    /// after them, `asciiTail` their last two bytes (lowered).
    @inline(__always)
    mutating func resume(hash: UInt64, flags: UInt8, asciiTail: UInt16, asciiCount: Int) {
        self.hash = hash
        self.flags = flags
        length += asciiCount
        if asciiCount >= 2 { tail = asciiTail } else if asciiCount == 1 { tail = tail << 8 | asciiTail }
    }

    /// Appends a normalised byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        hash = TermNormalizer.hashStep(hash, byte)
        tail = tail << 8 | UInt16(byte)
        length += 1
    }

    /// Whether the bytes end in a plural mark: `s` not after `s` (`sanctions`, not `stress`), or `x`
    /// not after `x` (`jeux`).
    var endsInPlural: Bool {
        let last = tail & 0xFF, previous = tail >> 8
        return (last == 0x73 && previous != 0x73) || (last == 0x78 && previous != 0x78)
    }

    /// The hash of all bytes but the last (one FNV-1a step undone: the prime is odd, so invertible
    /// modulo 2^64).
    var hashWithoutLast: UInt64 {
        (hash &* 0xce96_5057_aff6_957b) ^ UInt64(tail & 0xFF)
    }
}
