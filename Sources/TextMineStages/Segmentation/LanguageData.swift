import TextMineCore
/// The built-in segmentation data of each language; see ``SegmentationRules``.
///
/// Abbreviations are written without their final period; one written in lower case also matches
/// capitalised. Keep the lists to abbreviations that are common in news and formal text: a word
/// listed here never ends a sentence (leading) or ends one only before a capital (trailing).
struct LanguageData {
    var leadingAbbreviations: [String] = []
    var trailingAbbreviations: [String] = []
    var elisions: [String] = []
    var invertedPronouns: [String] = []
    var hyphenatedWords: [String] = []
    var splitsEnglishClitics = false
    /// Words that start sentences (articles, pronouns, conjunctions): after an initialism such as
    /// `U.S.`, only one of them, capitalised, starts a new sentence (`the U.S. The talks…`, but
    /// `the U.S. Department of…`). Empty: any capitalised word does.
    var sentenceStarters: [String] = []

    static func forLanguage(_ code: LanguageCode) -> LanguageData {
        switch code {
        case "fr": return french
        case "en": return english
        default: return generic
        }
    }

    /// International abbreviations, for languages without their own data.
    static let generic = LanguageData(
        leadingAbbreviations: ["Dr", "Prof", "St", "Mr", "Mrs", "Ms", "No", "Nr", "cf", "vs", "ca", "e.g", "i.e"],
        trailingAbbreviations: ["etc", "Inc", "Ltd", "Co", "Corp", "Ph.D"]
    )

    static let french = LanguageData(
        leadingAbbreviations: [
            // Titles.
            "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mes", "Mgr", "Dr", "Drs", "Pr", "Prof", "St", "Ste",
            "Sts", "Stes", "Gén", "Gal", "Col", "Cdt", "Cne", "Lt", "Sgt", "Adj", "Vve", "S.A.R", "S.M",
            // References and words that announce a number or a name.
            "p", "pp", "art", "chap", "ch", "fig", "vol", "éd", "n", "no", "nos", "réf", "tél", "fax", "bd",
            "boul", "av", "apr", "cf", "env", "ex", "op", "coll", "dir", "trad", "anc", "hab", "sq", "c.-à-d",
            "p.ex", "N.B", "N.D.L.R", "N.d.T", "vs",
        ],
        trailingAbbreviations: [
            "etc", "al", "J.-C", "cit", "ibid", "id", "suiv", "sqq", "Cie", "cie", "Inc", "Ltd", "Co", "Corp",
            "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
        ],
        elisions: ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"],
        invertedPronouns: [
            "t-il", "t-elle", "t-on", "t-ils", "t-elles", "il", "ils", "elle", "elles", "on", "je", "tu", "nous",
            "vous", "ce", "moi", "toi", "le", "la", "les", "lui", "leur", "y", "en",
        ],
        hyphenatedWords: ["rendez-vous", "chez-moi", "chez-nous", "chez-toi", "chez-vous", "chez-lui", "chez-elle"]
    )

    static let english = LanguageData(
        leadingAbbreviations: [
            // Titles.
            "Mr", "Mrs", "Ms", "Mx", "Dr", "Drs", "Prof", "St", "Mt", "Rev", "Gen", "Gov", "Sen", "Rep", "Lt", "Col",
            "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Pres", "Hon", "Fr", "Messrs",
            // References and words that announce a number or a name.
            "No", "Nos", "p", "pp", "vol", "ch", "fig", "sec", "art", "cf", "vs", "v", "approx", "e.g", "i.e",
            "Ave", "Blvd",
        ],
        trailingAbbreviations: [
            "etc", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "Rd", "a.m", "p.m", "Ph.D", "U.S", "U.K", "U.N",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        ],
        splitsEnglishClitics: true,
        sentenceStarters: [
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
            "this", "that", "these", "those", "there", "here", "in", "on", "at", "for", "but", "and", "or", "so", "yet",
            "if", "when", "while", "as", "after", "before", "since", "although", "though", "because", "some", "many",
            "most", "all", "no", "not", "one", "two", "what", "who", "how", "why", "where", "asked", "however",
            "meanwhile", "officials", "analysts", "experts", "critics",
        ]
    )
}
