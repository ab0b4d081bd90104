/// What kind of token the ``Tokenizer`` found; its raw value is what `Token.kind` holds.
public enum TokenKind: String, Sendable, CaseIterable {
    /// Letters, possibly with digits, marks, inner hyphens (`États-Unis`, `S-400`), an elided article
    /// with its apostrophe (`l’`), an inverted pronoun (`-t-il`) or an abbreviation with its period
    /// (`M.`, `etc.`, `U.S.`).
    case word
    /// Starts with a digit: `2022`, `3,5`, `1.5`, `100 000`, `2022-01`, `10:30`, `26e`, `1er`.
    case number
    /// Punctuation: `.`, `,`, `…`, `...`, `?!`, `«`, `»`, `(`, `–`.
    case punct
    /// A symbol: `€`, `$`, `%`, `+`, `°`, `©`, emoji.
    case symbol
    /// A web address: `https://example.org/a?b=c`, `www.site.fr`, `lemonde.fr`.
    case url
    /// An e-mail address: `jean.dupont@example.fr`.
    case email

    /// Whether the token carries words or figures (rather than punctuation or symbols).
    public var isContent: Bool {
        switch self {
        case .word, .number, .url, .email: return true
        case .punct, .symbol: return false
        }
    }
}
