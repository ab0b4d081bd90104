import TextMineCore

extension StopwordList {
    /// The warning for an article in a language without its own stopwords (nil for a language with
    /// them, `und` or none): the stage still runs, with the lists of other languages.
    static func warning(for language: LanguageCode?) -> String? {
        guard let language, !language.isUndetermined, !languages.supports(language) else { return nil }
        let lists = languages.languages.map(\.code).joined(separator: ", ")
        return "no stopwords for language '\(language)': the \(lists) stopwords apply, so words and phrases may be ranked poorly"
    }
}
