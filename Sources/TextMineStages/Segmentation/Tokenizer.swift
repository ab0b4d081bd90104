import TextMineCore

/// Splits text into word, number, punctuation, symbol, URL and e-mail tokens, on UTF-8 bytes.
///
/// Use it directly from any stage, without running the `tokens` stage:
///
/// ```swift
/// let tokenizer = Tokenizer(language: "fr")          // build once (in your stage's init)
/// let text = ScalarText(article.text)                  // once per article
/// for token in tokenizer.tokenize(text) {
///     let word = text.string(token.span)               // "l’", "États-Unis", "-t-il", "100 000"
/// }
/// ```
///
/// Rules (French first; see `docs/stages/tokens.md` for the full list):
/// - white space separates tokens and is never part of one, except inside numbers grouped by
///   spaces (`100 000`, also with no-break and narrow no-break spaces);
/// - French elided words keep their apostrophe, straight or curly: `l’` `Ukraine`, `qu’` `il`,
///   `jusqu’` `au`; `aujourd’hui` and `presqu’île` stay whole;
/// - hyphenated compounds are one token (`États-Unis`, `porte-parole`, `S-400`), but an inverted
///   subject pronoun is split off as spaCy and the French treebanks do: `a` `-t-il`, `dit` `-elle`,
///   `Est` `-ce`, `donne` `-le` `-moi` (`rendez-vous` stays whole);
/// - English clitics are split off for `en`: `do` `n't`, `it` `'s`;
/// - abbreviations of the language and initials keep their period (`M.`, `etc.`, `J.`, `U.S.`,
///   `J.-C.`); any other period is a token of its own;
/// - numbers: `3,5`, `1.5`, `100 000`, `2022-01`, `10:30`, `26e`, `1er`;
/// - URLs (`https://…`, `www.…`, `lemonde.fr`) and e-mail addresses are single tokens;
/// - each punctuation mark is a token (`«`, `»`, `(`), except runs of periods (`...`) and of `!?`.
///
/// Spans are Unicode scalar offsets into the text, in text order, never overlapping.
public struct Tokenizer: Sendable {
    /// The language data in use.
    public let rules: SegmentationRules

    /// A tokenizer with the built-in rules of a language (`fr`, `en`; generic rules for others).
    public init(language: LanguageCode) {
        self.init(rules: SegmentationRules(language: language))
    }

    /// A tokenizer with the given rules (for instance with extra abbreviations).
    public init(rules: SegmentationRules) {
        self.rules = rules
    }

    /// The tokens of `text`, or of the part of it inside `span` (scalar offsets).
    public func tokenize(_ text: ScalarText, in span: Span? = nil) -> [Token] {
        let range = span.map { text.byteRange(of: $0) } ?? 0..<text.utf8.count
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        text.utf8.withUnsafeBufferPointer { bytes in
            TokenScanner.scan(bytes, range, rules: rules) { token in
                tokens.append(Token(span: text.span(ofBytes: token.start..<token.end), kind: token.kind.rawValue))
            }
        }
        return tokens
    }
}
