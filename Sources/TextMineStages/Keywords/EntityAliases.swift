import TextMineCore

/// Names one entity goes by from article to article (`OTAN`, `Otan`, `Alliance atlantique`), each
/// with the entity's canonical name (`Organisation du Traité de l'Atlantique Nord`, its label in
/// Wikidata): the `entities` stage links the mentions inside one article, and this table joins
/// the forms an article uses for one entity (`Fédération de Russie` and `Russie`) and gives the
/// same keyword in every article. Matching ignores case, accents, plurals and punctuation
/// (`Etats-Unis` is `États-Unis`). The names come from the language packs' `entity-aliases` (see
/// ``PackTerms``).
struct EntityAliases: Sendable {
    /// Each alias's name key (see ``key(of:)``), to the index of its canonical name.
    private let ids: TermTable
    private let canonicalOfID: [Int]
    private let canonicals: [String]

    /// No names.
    static let none = EntityAliases(entities: [])

    /// A table of entities, each a list of names with the canonical name first.
    init(entities: [[String]]) {
        var ids = TermTable(capacity: 64)
        var canonicalOfID: [Int] = []
        var canonicals: [String] = []
        for names in entities {
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
}
