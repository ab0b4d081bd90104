/// A token as the scanner finds it: byte offsets plus what the sentence splitter needs to know.
struct RawToken {
    /// What the token can do at the end of a sentence.
    enum Role: UInt8 {
        /// Nothing special.
        case none
        /// A single `.`.
        case period
        /// `...`, `…`.
        case ellipsis
        /// `!`, `?`, `?!`, `‽` and other terminal marks.
        case exclamation
        /// An abbreviation that never ends a sentence (`M.`, `J.`), period included.
        case leadingAbbreviation
        /// An abbreviation that may end a sentence (`etc.`), period included.
        case trailingAbbreviation
    }

    /// UTF-8 offset of the first byte.
    var start: Int
    /// UTF-8 offset just past the last byte.
    var end: Int
    var kind: TokenKind
    /// The class of the first scalar.
    var first: CharacterClass
    var role: Role = .none

    /// Whether the token ends a sentence when the next word starts with a capital.
    var isTerminal: Bool {
        switch role {
        case .period, .ellipsis, .exclamation: return true
        case .none, .leadingAbbreviation, .trailingAbbreviation: return false
        }
    }
}
