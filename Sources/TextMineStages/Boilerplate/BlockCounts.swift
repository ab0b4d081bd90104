/// The character and word counts of a block of UTF-8 text, taken in one pass over its bytes: letters,
/// capitals, punctuation, visible characters, sentence marks, and the words with their stopword
/// hits per language.
///
/// Words are runs of letters and digits; in Chinese and Japanese, which have no spaces, each
/// character counts as a word. Words are folded (lowercased, see ``TextFolding``) and hashed byte by byte as they are read, so
/// a stopword lookup creates no `String` and no folded copy of the block.
struct BlockCounts {
    var letters = 0
    var capitals = 0
    /// Visible characters that are neither letters nor digits.
    var punctuation = 0
    /// Characters other than white space.
    var visible = 0
    /// Characters that may end a sentence: terminal marks (`.` `!` `?` `…` `。`…) and line breaks.
    var sentenceMarks = 0
    var profile: StopwordProfile

    /// Counts `bytes[range]` against the stopwords of `library`.
    init(_ bytes: [UInt8], _ range: Range<Int>, library: PackLibrary) {
        let stopwords = library.stopwords
        var hits = [Int](repeating: 0, count: library.languages.count)
        var totals = Totals()
        bytes.withUnsafeBufferPointer { bytes in
            Self.asciiClasses.withUnsafeBufferPointer { classes in
                Self.asciiLanes.withUnsafeBufferPointer { lanes in
                    hits.withUnsafeMutableBufferPointer { hits in
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stopwords.longestWord + 4) { word in
                            totals = Self.count(bytes, range, classes: classes, lanes: lanes, word: word, stopwords: stopwords, hits: hits)
                        }
                    }
                }
            }
        }
        letters = totals.letters
        capitals = totals.capitals
        punctuation = totals.punctuation
        visible = totals.visible
        sentenceMarks = totals.sentenceMarks
        profile = StopwordProfile(words: totals.words, hits: hits)
    }

    private struct Totals {
        var letters = 0, capitals = 0, punctuation = 0, visible = 0, words = 0, sentenceMarks = 0
    }

    /// The counting loop, on raw pointers and locals only, so that its state stays in registers.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, classes: UnsafeBufferPointer<UInt8>,
                              lanes: UnsafeBufferPointer<UInt64>,
                              word: UnsafeMutableBufferPointer<UInt8>, stopwords: WordSet,
                              hits: UnsafeMutableBufferPointer<Int>) -> Totals {
        let longest = stopwords.longestWord
        var letters = 0, capitals = 0, punctuation = 0, visible = 0, words = 0, sentenceMarks = 0
        // ASCII bytes add to four 16-bit counters at once, emptied every 65,535 bytes before a lane overflows.
        var asciiCounts: UInt64 = 0
        var length = 0  // bytes of the current word so far; past `longest` only counted
        var hash = WordSet.seed
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let chunkEnd = min(end, index &+ 0xFFFF)
            while index < chunkEnd {
                let byte = bytes[index]
                if byte < 0x80 {
                    let type = classes[Int(byte)]
                    asciiCounts &+= lanes[Int(byte)]
                    index &+= 1
                    if type & wordByte != 0 {
                        let folded = byte | ((type & capital) << 4)  // capital bit 2 → 0x20
                        if length < longest {
                            word[length] = folded
                            hash = WordSet.mix(hash, folded)
                        }
                        length &+= 1
                        continue
                    }
                    sentenceMarks &+= Int(type &>> 5)  // the sentenceMark bit
                } else {
                    let (value, scalarLength) = scalar(bytes, at: index, end: end)
                    index &+= scalarLength
                    if isLogogram(value) {
                        // Chinese and Japanese write without spaces: each character counts as a word.
                        letters &+= 1
                        visible &+= 1
                        if length > 0 {
                            words &+= 1
                            if length <= longest { lookUp(word, length, hash, stopwords, hits) }
                            length = 0
                            hash = WordSet.seed
                        }
                        words &+= 1
                        continue
                    }
                    if UTF8Decoding.isLetter(value) {
                        letters &+= 1
                        visible &+= 1
                        if UTF8Decoding.isUppercase(value) { capitals &+= 1 }
                        if scalarLength == 2 {
                            let lower = TextFolding.lowercase(value)
                            if length + 1 < longest {
                                word[length] = UInt8(0xC0 | (lower >> 6))
                                word[length + 1] = UInt8(0x80 | (lower & 0x3F))
                                hash = WordSet.mix(WordSet.mix(hash, word[length]), word[length + 1])
                            }
                            length &+= 2
                        } else {
                            let start = index - scalarLength
                            for offset in 0..<scalarLength where length + offset < longest {
                                word[length + offset] = bytes[start + offset]
                                hash = WordSet.mix(hash, bytes[start + offset])
                            }
                            length &+= scalarLength
                        }
                        continue
                    }
                    if !UTF8Decoding.isHorizontalSpace(value) && value != 0x2028 && value != 0x2029 {
                        visible &+= 1
                        punctuation &+= 1
                    }
                    if CharacterClass.of(value).intersection([.terminal, .newline]) != [] { sentenceMarks &+= 1 }
                }
                // A character that is not part of a word ends the current word.
                if length > 0 {
                    words &+= 1
                    if length <= longest { lookUp(word, length, hash, stopwords, hits) }
                    length = 0
                    hash = WordSet.seed
                }
            }
            letters &+= Int(asciiCounts & 0xFFFF)
            capitals &+= Int((asciiCounts >> 16) & 0xFFFF)
            visible &+= Int((asciiCounts >> 32) & 0xFFFF)
            punctuation &+= Int(asciiCounts >> 48)
            asciiCounts = 0
        }
        if length > 0 {
            words &+= 1
            if length <= longest { lookUp(word, length, hash, stopwords, hits) }
        }
        return Totals(letters: letters, capitals: capitals, punctuation: punctuation, visible: visible, words: words,
                      sentenceMarks: sentenceMarks)
    }

    /// Adds a word's stopword hits (one per language whose list has it).
    @inline(__always)
    private static func lookUp(_ word: UnsafeMutableBufferPointer<UInt8>, _ length: Int, _ hash: UInt64, _ stopwords: WordSet,
                               _ hits: UnsafeMutableBufferPointer<Int>) {
        var bits = stopwords.bits(hash: hash, UnsafeBufferPointer(rebasing: word[..<length]))
        while bits != 0 {
            hits[bits.trailingZeroBitCount] &+= 1
            bits &= bits - 1
        }
    }

    private static let letter: UInt8 = 1, capital: UInt8 = 2, wordByte: UInt8 = 4, visible: UInt8 = 8, punctuation: UInt8 = 16,
        sentenceMark: UInt8 = 32

    /// What each ASCII byte adds to the letter, capital, visible and punctuation counters, as
    /// 16-bit lanes of one word.
    private static let asciiLanes: [UInt64] = asciiClasses.map { type in
        UInt64(type & letter) | UInt64((type & capital) >> 1) << 16 | UInt64((type & visible) >> 3) << 32
            | UInt64((type & punctuation) >> 4) << 48
    }

    /// The classes of the ASCII bytes, as the bits above.
    private static let asciiClasses: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x61...0x7A: return letter | wordByte | visible
        case 0x41...0x5A: return letter | capital | wordByte | visible
        case 0x30...0x39: return wordByte | visible
        case 0x21, 0x2E, 0x3F: return visible | punctuation | sentenceMark
        case 0x21...0x7E: return visible | punctuation
        case 0x0A...0x0D: return sentenceMark
        default: return 0
        }
    }

    /// Whether a scalar is a Chinese character or Japanese kana.
    @inline(__always)
    private static func isLogogram(_ value: UInt32) -> Bool {
        (value >= 0x3040 && value <= 0x30FF) || (value >= 0x3400 && value <= 0x9FFF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x2FFFF)
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
