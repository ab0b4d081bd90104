import TextMineCore

/// The compiled knowledge the boilerplate classifier uses: language packs and their patterns.
struct BoilerplateModel: Sendable {
    let library: PackLibrary
    /// Boilerplate patterns of the selected categories.
    let patterns: PatternSet

    init(library: PackLibrary, categories: [String]) {
        self.library = library
        let all = library.boilerplatePatterns
        patterns = categories.isEmpty ? all : PatternSet(all.entries.filter { categories.contains($0.label) })
    }

    /// The index of a language in ``PackLibrary/languages``, if it has stopwords.
    func languageIndex(_ language: LanguageCode?) -> Int? {
        language.flatMap { library.languages.firstIndex(of: $0) }
    }
}
