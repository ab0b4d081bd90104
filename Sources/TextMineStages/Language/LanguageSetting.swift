import TextMineCore

/// The `language` option of every stage whose rules, packs or models depend on the language, read
/// the same way everywhere: `auto` (the default) follows each article's language, as the input or
/// the pipeline declared it or as the `language` stage detected it; a code (`fr`, `en-GB`) is the
/// language of articles that have none. The article's own language always wins.
enum LanguageSetting: Sendable, Equatable {
    /// Each article's language.
    case auto
    /// Each article's language, else this one.
    case fixed(LanguageCode)

    /// The option, with the same name, default and meaning in every stage.
    static let spec = OptionSpec(
        "language", .string, default: "auto",
        doc: "`auto`: each article's language (declared by the input or the pipeline, or detected by the `language` "
            + "stage); a language code (`fr`, `en-GB`): the language of articles that have none.")

    /// Reads the `language` option.
    /// - Throws: ``StageError`` naming the option when the value is neither `auto` nor a language code.
    init(options: StageOptions) throws {
        let value = options.string(Self.spec.name)
        if value == "auto" {
            self = .auto
        } else if let code = LanguageCode(value) {
            self = .fixed(code)
        } else {
            throw StageError("'\(value)' is not a language code: use `auto` or an ISO 639-1 code such as `fr` or `en`",
                             option: Self.spec.name)
        }
    }

    /// The language to process an article in: its own, else the fallback code (nil for `auto`
    /// when the article has none).
    func language(of article: Article) -> LanguageCode? {
        switch self {
        case .auto: return article.language
        case .fixed(let code): return article.language ?? code
        }
    }
}
