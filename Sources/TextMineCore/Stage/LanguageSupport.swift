/// The languages a stage has its own rules, packs or models for, and what it does with the others;
/// shown by `textmine stages`.
public struct LanguageSupport: Sendable, Hashable, CustomStringConvertible {
    /// What a stage does with an article in a language it has nothing specific for.
    public enum Others: String, Sendable, Hashable {
        /// Generic rules apply (a sentence splitter's international abbreviations).
        case generic
        /// The stage leaves the article as it is and warns in its trace.
        case skipped
        /// The stage says it cannot tell (`und`), as the `language` stage does.
        case undetermined
    }

    /// The built-in languages, in the stage's order of preference (user packs may add more).
    public var languages: [LanguageCode]
    /// What happens to articles in other languages.
    public var others: Others

    public init(_ languages: [LanguageCode], others: Others) {
        self.languages = languages
        self.others = others
    }

    /// A stage that does nothing language-specific.
    public static let any = LanguageSupport([], others: .generic)

    /// Whether the stage has its own rules for this language.
    public func supports(_ language: LanguageCode) -> Bool { languages.contains(language) }

    /// `any`, or the languages and what happens to others (`fr, en; others: generic rules`).
    public var description: String {
        guard !languages.isEmpty else { return "any" }
        let list = languages.map(\.code).joined(separator: ", ")
        switch others {
        case .generic: return "\(list); others: generic rules"
        case .skipped: return "\(list); others: skipped with a warning"
        case .undetermined: return "\(list); others: und"
        }
    }
}
