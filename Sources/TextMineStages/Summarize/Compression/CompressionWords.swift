import TextMineCore

/// The words a language's sentence compression reads clauses by (see ``SentenceCompressor``):
/// lowercase, as ``SentenceOpening/firstWords(_:_:count:)`` cuts them.
struct CompressionWords: Sendable {
    /// First words of an opening clause that may be cut: prepositions, days, attributions
    /// (`selon`, `mardi`, `interrogé`).
    var openings: Set<String>
    /// Words that make a clause an item of an enumeration (`et`, `ou`).
    var conjunctions: Set<String>
    /// First words, beyond ``SentenceOpening/dependentWords``, after which an opening clause stays
    /// (the rest would lean on it: `ce`, `on`).
    var dependent: Set<String>

    /// The lists of `language`; nil for a language without them.
    static func builtIn(for language: LanguageCode?) -> CompressionWords? {
        switch language?.code {
        case "fr": return french
        case "en": return english
        default: return nil
        }
    }

    static let french = CompressionWords(
        openings: [
            "selon", "d'après", "dans", "pour", "en", "à", "au", "aux", "après", "avant", "depuis", "lors", "hier", "face",
            "sur", "par", "avec", "sans", "vers", "dès", "outre", "malgré", "contacté", "contactée", "interrogé",
            "interrogée", "invité", "invitée", "jusqu'ici", "jusqu'à", "parmi", "lundi", "mardi", "mercredi", "jeudi",
            "vendredi", "samedi", "dimanche", "aujourd'hui", "désormais",
        ],
        conjunctions: ["et", "ou", "ni"],
        dependent: ["ce", "c'est", "on"])

    static let english = CompressionWords(
        openings: [
            "according", "in", "on", "at", "after", "before", "since", "during", "for", "with", "without", "despite",
            "yesterday", "today", "earlier", "later", "asked", "speaking", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "last", "this",
        ],
        conjunctions: ["and", "or", "nor"],
        dependent: ["there"])
}
