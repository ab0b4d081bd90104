/// The character and word counts of a block of UTF-8 text, taken in one pass over its bytes: letters,
/// capitals, punctuation, visible characters, and the words with their stopword hits per language.
///
/// Words are folded (lowercased, see ``TextFolding``) and hashed byte by byte as they are read, so
/// a stopword lookup creates no `String` and no folded copy of the block.
struct BlockCounts {
    var letters = 0
    var capitals = 0
    /// Visible characters that are neither letters nor digits.
    var punctuation = 0
    /// Characters other than white space.
    var visible = 0
    var profile: StopwordProfile

    /// Counts `bytes[range]` against the stopwords of `library`.
    init(_ bytes: [UInt8], _ range: Range<Int>, library: PackLibrary) {
        profile = StopwordProfile(languages: library.languages.count)
        let stopwords = library.stopwords
        let longest = stopwords.longestWord
        bytes.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(longest, 1) + 4) { word in
                var length = 0  // bytes of the current word so far; past `longest` only counted
                var hash = WordSet.seed
                @inline(__always) func append(_ byte: UInt8) {
                    if length < longest { word[length] = byte; hash = WordSet.mix(hash, byte) }
                    length += 1
                }
                @inline(__always) func endWord() {
                    guard length > 0 else { return }
                    profile.count(UnsafeBufferPointer(rebasing: word[..<min(length, longest)]),
                                  hash: length <= longest ? hash : nil, in: stopwords)
                    length = 0
                    hash = WordSet.seed
                }
                var index = range.lowerBound
                let end = range.upperBound
                while index < end {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        let lower = byte | 0x20
                        if lower >= 0x61 && lower <= 0x7A {
                            letters += 1
                            visible += 1
                            if byte < 0x60 { capitals += 1 }
                            append(lower)
                        } else if byte >= 0x30 && byte <= 0x39 {
                            visible += 1
                            append(byte)
                        } else {
                            endWord()
                            if byte > 0x20 {
                                visible += 1
                                punctuation += 1
                            }
                        }
                        index += 1
                        continue
                    }
                    let (value, scalarLength) = Self.scalar(bytes, at: index, end: end)
                    if UTF8Decoding.isLetter(value) {
                        letters += 1
                        visible += 1
                        if UTF8Decoding.isUppercase(value) { capitals += 1 }
                        if scalarLength == 2 {
                            let lower = TextFolding.lowercase(value)
                            append(UInt8(0xC0 | (lower >> 6)))
                            append(UInt8(0x80 | (lower & 0x3F)))
                        } else {
                            for offset in 0..<scalarLength { append(bytes[index + offset]) }
                        }
                    } else {
                        endWord()
                        if !UTF8Decoding.isHorizontalSpace(value) && value != 0x2028 && value != 0x2029 {
                            visible += 1
                            punctuation += 1
                        }
                    }
                    index += scalarLength
                }
                endWord()
            }
        }
    }

    /// The scalar at `index`, not reading past `end` (a cut sequence reads as its lead byte).
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead & 0xE0 == 0xC0, index + 1 < end {
            return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead & 0xF0 == 0xE0, index + 2 < end {
            return ((UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if lead & 0xF8 == 0xF0, index + 3 < end {
            return ((UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
        }
        return (UInt32(lead), 1)
    }
}
