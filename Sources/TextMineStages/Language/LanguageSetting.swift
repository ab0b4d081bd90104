import TextMineCore

/// The `language` option of every stage whose rules, packs or models depend on the language, read
/// the same way everywhere: `auto` (the default) follows each article's language, as the input or
/// the pipeline declared it or as the `language` stage detected it; a code (`fr`, `en-GB`) is the
/// language of articles that have none. The article's own language always wins.
enum LanguageSetting: Sendable, Equatable {
    /// Each article's language.
    case auto
    /// Each article's language, else this one.
    case fallback(LanguageCode)

    /// The option, with the same name, type, default and meaning in every stage (lint checks the
    /// value: `auto` or a language code).
    static let option = StageOption<LanguageSetting>(
        spec: OptionSpec(
            "language", .language, default: "auto",
            doc: "`auto`: each article's language (declared by the input or the pipeline, or detected by the "
                + "`language` stage); a language code (`fr`, `en-GB`): the language of articles that have none."),
        default: .auto
    ) { value, _ in
        value.stringValue.flatMap { $0 == "auto" ? .auto : LanguageCode($0).map(LanguageSetting.fallback) }
    }

    /// The language to process an article in: its own, else the fallback code (nil for `auto`
    /// when the article has none).
    func language(of article: Article) -> LanguageCode? {
        switch self {
        case .auto: return article.language
        case .fallback(let code): return article.language ?? code
        }
    }

    /// The fallback code, if any.
    var fallback: LanguageCode? {
        if case .fallback(let code) = self { return code }
        return nil
    }
}
