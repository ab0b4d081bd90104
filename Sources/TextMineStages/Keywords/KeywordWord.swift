/// One word of the text as the keyword extractor sees it, packed in 24 bytes (an article holds
/// one per word: 8.5 million for 50 MB of text).
struct KeywordWord {
    /// The normalised term key (see ``TermNormalizer``).
    var key: UInt64
    private var start: UInt32
    private var end: UInt32
    private var sentenceIndex: UInt32
    private var flags: UInt8

    /// The largest text, in UTF-8 bytes, whose words fit (offsets and sentence numbers are 32 bits).
    static let maxTextBytes = Int(UInt32.max)

    init(bytes: Range<Int>, key: UInt64, sentence: Int, isStopword: Bool, isContent: Bool, isConnector: Bool,
         startsUpper: Bool, isAcronym: Bool, isSentenceStart: Bool, joinsPrevious: Bool) {
        self.key = key
        start = UInt32(truncatingIfNeeded: bytes.lowerBound)
        end = UInt32(truncatingIfNeeded: bytes.upperBound)
        sentenceIndex = UInt32(truncatingIfNeeded: sentence)
        flags = 0
        self.isStopword = isStopword
        self.isContent = isContent
        self.isConnector = isConnector
        self.startsUpper = startsUpper
        self.isAcronym = isAcronym
        self.isSentenceStart = isSentenceStart
        self.joinsPrevious = joinsPrevious
    }

    /// Where the word is, in UTF-8 bytes.
    var bytes: Range<Int> {
        get { Int(start)..<Int(end) }
        set {
            start = UInt32(truncatingIfNeeded: newValue.lowerBound)
            end = UInt32(truncatingIfNeeded: newValue.upperBound)
        }
    }
    /// The sentence the word is in.
    var sentence: Int { Int(sentenceIndex) }
    /// Whether it is a stopword.
    var isStopword: Bool {
        get { flag(0) }
        set { setFlag(0, newValue) }
    }
    /// Whether it may start or end a key phrase: not a stopword, not a number, two letters or more.
    var isContent: Bool {
        get { flag(1) }
        set { setFlag(1, newValue) }
    }
    /// Whether it may sit inside a key phrase between content words (`de`, `du`, `des`, `of`…).
    var isConnector: Bool {
        get { flag(2) }
        set { setFlag(2, newValue) }
    }
    /// Whether it starts with a capital.
    var startsUpper: Bool {
        get { flag(3) }
        set { setFlag(3, newValue) }
    }
    /// Whether it is all capitals (an acronym such as `OTAN`).
    var isAcronym: Bool {
        get { flag(4) }
        set { setFlag(4, newValue) }
    }
    /// Whether it is the first word of its sentence.
    var isSentenceStart: Bool {
        get { flag(5) }
        set { setFlag(5, newValue) }
    }
    /// Whether only spaces or an apostrophe separate it from the previous word (phrases never
    /// cross other punctuation).
    var joinsPrevious: Bool {
        get { flag(6) }
        set { setFlag(6, newValue) }
    }

    @inline(__always)
    private func flag(_ bit: UInt8) -> Bool { flags & (1 << bit) != 0 }

    @inline(__always)
    private mutating func setFlag(_ bit: UInt8, _ value: Bool) {
        flags = value ? flags | (1 << bit) : flags & ~(1 << bit)
    }
}
