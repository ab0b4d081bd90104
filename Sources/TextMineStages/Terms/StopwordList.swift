import TextMineCore

/// Function words of a language, matched on normalised word keys (so `été`, `Été` and `ete` are all
/// the same stopword). Built-in lists cover French and English; other languages get both lists,
/// which costs little because the lists hardly overlap with content words of other Latin-script
/// languages.
struct StopwordList: Sendable {
    private let keys: TermTable

    /// The languages with their own list; others get the French and English lists together.
    static let languages = LanguageSupport(["fr", "en"], others: .generic)

    /// The stopwords of a language; any other language, or none, gets French and English. The lists
    /// are built once and shared.
    static func forLanguage(_ language: LanguageCode?) -> StopwordList {
        switch language {
        case "fr": return french
        case "en": return english
        default: return frenchAndEnglish
        }
    }

    /// The French list.
    static let french = StopwordList(words: frenchWords)
    /// The English list.
    static let english = StopwordList(words: englishWords)
    /// Both lists, for articles of unknown or other languages.
    static let frenchAndEnglish = StopwordList(words: frenchWords + englishWords)

    /// A list of these words, matched after ``TermNormalizer`` normalisation.
    init(words: [String]) {
        let normalizer = TermNormalizer()
        var keys = TermTable(capacity: words.count)
        for word in words { _ = keys.id(for: normalizer.normalize(word).wordKey) }
        self.keys = keys
    }

    /// Whether a normalised word is a stopword.
    @inline(__always)
    func contains(_ word: NormalizedWord) -> Bool { keys.existingID(for: word.wordKey) != nil }

    /// French function words, frequent auxiliaries, reporting verbs of news (`a déclaré`) and
    /// elided forms.
    static let frenchWords: [String] = """
        a à afin ai aie aient aies ait alors as au aucun aucune auprès aura aurai auraient aurais aurait \
        auras aurez auriez aurions aurons auront aussi autre autres aux avaient avais avait avant avec \
        avez aviez avions avoir avons ayant ayez ayons c ça car ce ceci cela celle celles celui cependant \
        certains certaines ces cet cette ceux chacun chaque chez ci comme comment d dans de depuis des \
        dès donc dont du elle elles en encore entre es est et étaient étais était étant été êtes étiez \
        étions être eu eue eues eûmes eurent eus eusse eussent eut eux fait faire fois font fut furent \
        hier ici il ils j je jusqu l la là le les leur leurs lors lorsqu lorsque lui m ma mais me même \
        mêmes mes moi moins mon n ne ni nos notre nous on ont or ou où par parce parmi pas pendant peu \
        peut peuvent plus plusieurs pour pourquoi pourrait puis puisqu puisque qu quand que quel quelle \
        quelles quels qui quoi s sa sans se sera serait seront ses si sien soi soit sommes son sont sous \
        suis sur t ta tandis te tel telle tels tes toi ton tous tout toute toutes très tu un une unes uns \
        vers via voici voilà vos votre vous y déjà ainsi aujourd hui selon contre après doit doivent \
        cas tant dit déclaré déclare affirmé affirme indiqué ajouté expliqué souligné précisé estimé rapporté
        """.split(separator: " ").map(String.init)

    /// English function words, frequent auxiliaries and reporting verbs.
    static let englishWords: [String] = """
        a about above after again against all also am an and any are as at be because been before being \
        below between both but by can could did do does doing down during each few for from further had \
        has have having he her here hers herself him himself his how i if in into is it its itself just \
        me more most my myself no nor not now of off on once only or other our ours ourselves out over \
        own same she should so some such than that the their theirs them themselves then there these they \
        this those through to too under until up very was we were what when where which while who whom \
        why will with would you your yours yourself yourselves s t said says say would also ll re ve d \
        m don didn doesn isn wasn weren won told added according
        """.split(separator: " ").map(String.init)
}
