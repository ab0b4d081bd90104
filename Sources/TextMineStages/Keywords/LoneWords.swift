import TextMineCore

/// Words that are no key phrase on their own, whatever their statistics, matched on normalised term
/// keys (plurals included): calendar words (weekdays, the months of the language packs, `semaine`,
/// `year`), quantities (`deux`, `millions`, `percent`), adverbs (`non`, `toujours`, `already`),
/// adjectives that come before their noun (`nouvelle`, `premier`, `former`) and the commonest verb
/// forms of news (`faut`, `annoncé`, `says`). They still count inside longer phrases
/// (`nouvelle réunion`, `March 14 attack`).
struct LoneWords: Sendable {
    private let keys: TermTable

    /// The list of a language; any other language, or none, gets the French and English words.
    static func forLanguage(_ language: LanguageCode?) -> LoneWords {
        switch language {
        case "fr": return french
        case "en": return english
        default: return frenchAndEnglish
        }
    }

    /// No words.
    static let none = LoneWords(words: [])
    static let french = LoneWords(words: frenchWords + months(of: "fr"))
    static let english = LoneWords(words: englishWords + months(of: "en"))
    static let frenchAndEnglish = LoneWords(words: frenchWords + englishWords + months(of: "fr") + months(of: "en"))

    init(words: [String]) {
        let normalizer = TermNormalizer()
        var keys = TermTable(capacity: words.count)
        for word in words { _ = keys.id(for: normalizer.normalize(word).key) }
        self.keys = keys
    }

    /// Whether a word's term key is one of these words.
    func contains(key: UInt64) -> Bool { keys.existingID(for: key) != nil }

    /// The month names of the built-in language pack of `language` (one source for dates and keywords).
    private static func months(of language: LanguageCode) -> [String] {
        BuiltinPacks.all.filter { $0.language == language }.flatMap(\.months)
    }

    static let frenchWords: [String] = """
        lundi mardi mercredi jeudi vendredi samedi dimanche jour journée semaine mois an année \
        heure minute seconde matin midi soir soirée nuit hier demain aujourd hui veille lendemain début fin \
        fois date époque moment \
        deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante cinquante \
        cent mille million milliard dizaine douzaine vingtaine centaine millier moitié quart tiers \
        quelques plusieurs nombre km kilomètre mètre pourcent \
        non oui toujours jamais déjà également notamment ainsi désormais seulement vraiment très trop \
        beaucoup bien mieux mal souvent parfois enfin ensuite puis environ presque surtout plutôt \
        actuellement récemment longtemps tard tôt ailleurs ici là \
        nouveau nouvel nouvelle premier première deuxième second seconde troisième dernier dernière \
        grand grande petit petite ancien ancienne prochain prochaine seul seule jeune vieux vieille bon \
        bonne mauvais mauvaise haut haute gros grosse certain certaine tel telle divers diverse \
        différent différente important importante principal principale \
        faut va vont fait faire dit dire peut peuvent pu mis annoncé estimé expliqué indiqué ajouté \
        affirmé assuré souligné précisé rappelé selon cours vue
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let englishWords: [String] = """
        monday tuesday wednesday thursday friday saturday sunday day week weekend month year hour \
        minute second morning afternoon evening night today yesterday tomorrow tonight time date \
        two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty \
        hundred thousand million billion trillion dozen half percent per cent number \
        also still already never ever even yet however just only now later earlier ago back well much \
        many more most very really often instead \
        new old first second third last next former latest recent own same other big small great good \
        bad high low long few several early late major main top \
        says said say told tell added according made make get got take took going go come came
        """.split(whereSeparator: \.isWhitespace).map(String.init)
}
