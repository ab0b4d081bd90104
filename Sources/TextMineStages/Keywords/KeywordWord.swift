/// One word of the text as the keyword extractor sees it.
struct KeywordWord {
    /// Where the word is, in UTF-8 bytes.
    var bytes: Range<Int>
    /// The normalised term key (see ``TermNormalizer``).
    var key: UInt64
    /// The sentence the word is in.
    var sentence: Int
    /// Whether it is a stopword.
    var isStopword: Bool
    /// Whether it may start or end a key phrase: not a stopword, not a number, two letters or more.
    var isContent: Bool
    /// Whether it may sit inside a key phrase between content words (`de`, `du`, `des`, `of`…).
    var isConnector: Bool
    /// Whether it starts with a capital.
    var startsUpper: Bool
    /// Whether it is all capitals (an acronym such as `OTAN`).
    var isAcronym: Bool
    /// Whether it is the first word of its sentence.
    var isSentenceStart: Bool
    /// Whether only spaces or an apostrophe separate it from the previous word (phrases never
    /// cross other punctuation).
    var joinsPrevious: Bool
}
