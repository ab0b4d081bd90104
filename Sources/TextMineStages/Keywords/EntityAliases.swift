import TextMineCore

/// Names one entity goes by from article to article (`OTAN`, `Otan`, `Alliance atlantique`), each
/// with the entity's canonical name (`Organisation du Traité de l'Atlantique Nord`, its label in
/// Wikidata): the `entities` stage links the mentions inside one article, and this table joins
/// the forms an article uses for one entity (`Fédération de Russie` and `Russie`) and gives the
/// same keyword in every article. Matching ignores case, accents, plurals and punctuation
/// (`Etats-Unis` is `États-Unis`).
struct EntityAliases: Sendable {
    /// Each alias's name key (see ``key(of:)``), to the index of its canonical name.
    private let ids: TermTable
    private let canonicalOfID: [Int]
    private let canonicals: [String]

    /// The table of a language; any other language, or none, gets no aliases.
    static func forLanguage(_ language: LanguageCode?) -> EntityAliases {
        switch language {
        case "fr": return french
        case "en": return english
        default: return none
        }
    }

    static let none = EntityAliases(lines: "")
    static let french = EntityAliases(lines: frenchLines)
    static let english = EntityAliases(lines: englishLines)

    /// A table from lines `canonical | alias | alias…`.
    init(lines: String) {
        var ids = TermTable(capacity: 64)
        var canonicalOfID: [Int] = []
        var canonicals: [String] = []
        for line in lines.split(separator: "\n") {
            let names = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let canonical = names.first else { continue }
            for name in names {
                let id = ids.id(for: Self.key(of: name))
                if Int(id) == canonicalOfID.count { canonicalOfID.append(canonicals.count) }
            }
            canonicals.append(canonical)
        }
        self.ids = ids
        self.canonicalOfID = canonicalOfID
        self.canonicals = canonicals
    }

    /// The canonical name of the entity `name` names, or `name` when the table does not know it.
    func canonical(of name: String) -> String {
        guard let id = ids.existingID(for: Self.key(of: name)) else { return name }
        return canonicals[canonicalOfID[Int(id)]]
    }

    /// A key of a name's words, normalised as keywords see them (`Etats-Unis`, `États Unis` and
    /// `ETATS-UNIS` share one).
    static func key(of name: String) -> UInt64 {
        var name = name
        let normalizer = TermNormalizer()
        return name.withUTF8 { bytes in
            var key: UInt64 = 0
            var index = 0
            while let (_, word) = normalizer.nextWord(in: bytes, from: &index, limit: bytes.count) {
                key = key &* 0x100_0000_01B3 ^ word.key
            }
            return key
        }
    }

    static let frenchLines = """
        Organisation du Traité de l'Atlantique Nord | OTAN | Alliance atlantique | NATO
        Organisation des Nations unies | ONU | Nations unies
        Union européenne | UE
        Russie | Fédération de Russie
        États-Unis | États-Unis d'Amérique | USA
        Royaume-Uni | Royaume-Uni de Grande-Bretagne et d'Irlande du Nord
        Chine | République populaire de Chine
        Corée du Nord | République populaire démocratique de Corée
        Corée du Sud | République de Corée
        Allemagne | République fédérale d'Allemagne
        Union soviétique | URSS
        Émirats arabes unis | EAU
        Fonds monétaire international | FMI
        Organisation mondiale de la santé | OMS
        Organisation mondiale du commerce | OMC
        Banque centrale européenne | BCE
        Organisation pour la sécurité et la coopération en Europe | OSCE
        Agence internationale de l'énergie atomique | AIEA
        Cour pénale internationale | CPI
        Organisation des pays exportateurs de pétrole | OPEP
        Société nationale des chemins de fer français | SNCF
        """

    static let englishLines = """
        North Atlantic Treaty Organization | NATO
        United Nations | UN | U.N.
        European Union | EU
        Russia | Russian Federation
        United States | United States of America | US | USA | U.S. | U.S.A.
        United Kingdom | UK | U.K. | United Kingdom of Great Britain and Northern Ireland
        China | People's Republic of China
        North Korea | Democratic People's Republic of Korea | DPRK
        South Korea | Republic of Korea
        Soviet Union | USSR
        United Arab Emirates | UAE
        International Monetary Fund | IMF
        World Health Organization | WHO
        World Trade Organization | WTO
        European Central Bank | ECB
        Organization for Security and Co-operation in Europe | OSCE
        International Atomic Energy Agency | IAEA
        International Criminal Court | ICC
        Organization of the Petroleum Exporting Countries | OPEC
        """
}
