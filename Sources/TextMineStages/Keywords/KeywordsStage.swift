import TextMineCore

/// Key phrases per article from YAKE-like statistics of the article (no model), optionally weighed
/// by the document frequencies of the whole corpus.
public struct KeywordsStage: Stage {
    static let count = StageOption<Int>("count", in: 1...1000, default: 10, doc: "How many key phrases to keep.")
    static let maxWords = StageOption<Int>(
        "max-words", in: 1...8, default: 3, doc: "The most content words in a phrase (connectors such as 'de' not counted).")
    static let language = LanguageSetting.option
    static let entities = StageOption<EntityPolicy>(
        "entities", default: .keep,
        doc: "What to do with phrases that are named entities: keep them like any phrase, exclude them, or boost them (score × 2).")
    static let documentFrequencies = StageOption<String?>.path("document-frequencies",
        doc: "Document frequencies of the whole corpus (written by `textmine frequencies` or textmine_spark): words common across the corpus weigh less.")

    static let mergeEntities = StageOption<Bool>(
        "merge-entities", default: true,
        doc: "List a phrase that is an entity mention under the entity's canonical form, once per entity (`Poutine` joins `Vladimir Poutine`).")
    static let packs = PackLibrary.option(adding: "term stopwords, entity aliases and lone words")
    static let dropWeak = StageOption<Bool>(
        "drop-weak", default: true,
        doc: "Drop lone words that are not key phrases: the language pack's `lone-words` and months (`lundi`, `deux`), an adjective after its noun (`russe`), and when entities are tagged a capitalised word that is no entity (`Etat`).")

    public static let description = StageDescription(
        id: "keywords",
        abstract: "Key phrases per article (YAKE-like statistics; stopwords of the language packs; multi-word phrases).",
        documentation: """
            Finds candidate phrases (up to `max-words` content words, linked by `de`, `du`, `des`, `l’`, \
            `of`… as in `garanties de sécurité`, never across punctuation) and scores them with YAKE's \
            statistics of casing, position, frequency, context diversity and spread over sentences. \
            Keeps the `count` best, each with its score (higher is better) and every occurrence's span. \
            Named entities (from an `entities` step, if any) can be kept as any phrase, excluded, or \
            boosted; a phrase that is an entity mention is listed once per entity, in its canonical form \
            (`Poutine` joins `Vladimir Poutine`; `OTAN` is `Organisation du Traité de l'Atlantique Nord` \
            by the language pack's `entity-aliases`). Stopwords are the language pack's \
            `term-stopwords`. Lone words that are not key phrases are dropped: the pack's `lone-words` \
            and months (`lundi`, `deux`, `nouvelle`), an adjective after its noun (`russe` in \
            `président russe`) and, when entities are tagged, a capitalised word seen once that is no \
            entity (`Etat` of `secrétaire d'Etat`); `packs` adds stopwords, aliases and lone words. With \
            `document-frequencies`, each word's score is divided by its inverse document frequency in \
            the corpus (`ln((1 + N) / (1 + df)) + 1`). Linear in the article's length. See \
            docs/stages/keywords.md.
            """,
        options: [count, maxWords, language, entities, documentFrequencies, mergeEntities, dropWeak, packs],
        requires: [.sentences], produces: [.keywords],
        languages: LanguageSupport(PackTerms.builtIn.languages, others: .generic))

    /// What happens to phrases that overlap named entities.
    enum EntityPolicy: String, CaseIterable, Sendable {
        case keep, exclude, boost
    }

    private let count: Int
    private let maxWords: Int
    private let language: LanguageSetting
    private let entityPolicy: EntityPolicy
    private let merge: Bool
    private let dropWeakWords: Bool
    private let normalizer = TermNormalizer()
    /// Stopwords and entity aliases per language, from the language packs.
    private let terms: PackTerms
    /// The corpus statistics, when `document-frequencies` names a file.
    private let frequencies: DocumentFrequencies?

    public init(options: StageOptions) throws {
        count = options[Self.count]
        maxWords = options[Self.maxWords]
        language = options[Self.language]
        entityPolicy = options[Self.entities]
        merge = options[Self.mergeEntities]
        dropWeakWords = options[Self.dropWeak]
        frequencies = try options[Self.documentFrequencies].map { try DocumentFrequencies(contentsOf: $0) }
        terms = try PackTerms.with(userPacks: options[Self.packs])
    }

    /// The distinct content words of an article as this stage sees them (term key, and the word as
    /// written), which ``DocumentFrequencies`` counts.
    package func documentTerms(of article: Article) throws -> [UInt64: String] {
        let text = article.scalarText
        let keywordText = try KeywordText(text: text, sentences: article.sentences.map(\.span),
                                      stopwords: terms.stopwords(for: language.language(of: article)), normalizer: normalizer)
        var terms: [UInt64: String] = [:]
        for word in keywordText.words where word.isContent {
            let form = text.string(bytes: word.bytes)
            if let old = terms[word.key], old <= form { continue }
            terms[word.key] = form
        }
        return terms
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let articleLanguage = language.language(of: article)
        if let warning = terms.warning(for: articleLanguage) { article.warn(warning) }
        let stopwords = terms.stopwords(for: articleLanguage)
        let aliases = terms.aliases(for: articleLanguage)
        let loneWords = terms.loneWords(for: articleLanguage)
        let keywordText = try KeywordText(text: text, sentences: article.sentences.map(\.span), stopwords: stopwords,
                                      normalizer: normalizer)
        let statistics = WordStatistics(text: keywordText)
        let phrases = PhraseCandidates(text: keywordText, maxWords: maxWords)
        let words = keywordText.words
        let entityRanges = article.entities.map { text.byteRange(of: $0.span) }
        func byteRanges(_ candidate: PhraseCandidates.Candidate) -> [Range<Int>] {
            phrases.occurrences(of: candidate).map { words[$0.lowerBound].bytes.lowerBound..<words[$0.upperBound].bytes.upperBound }
        }

        let excluded = entityPolicy == .exclude ? IntervalIndex(entityRanges) : nil
        let boosted = entityPolicy == .boost ? Set(entityRanges) : nil
        var scored: [BestFirst.Element] = []
        scored.reserveCapacity(phrases.candidates.count)
        try context.checkDeadline()
        for (index, candidate) in phrases.candidates.enumerated() {
            if index & 1023 == 1023 { try context.checkDeadline() }
            var score = Self.yakeScore(candidate, in: phrases, words: words, statistics: statistics, frequencies: frequencies)
            if let excluded, byteRanges(candidate).contains(where: excluded.overlaps) { continue }
            if let boosted, byteRanges(candidate).contains(where: boosted.contains) { score /= 2 }
            scored.append((index, score))
        }
        // Only the best few are read: a heap gives them in order without sorting every candidate.
        var ranked = BestFirst(scored)

        // Entity mentions by byte range, so that a phrase that is a mention joins its entity.
        let mentions = merge ? MentionCanonicals(article.entities, byteRanges: entityRanges) : MentionCanonicals()
        var keywords: [Keyword] = []
        var keywordOfEntity: [(canonical: String, keyword: Int)] = []
        var taken = TakenPhrases(wordCount: words.count)
        while keywords.count < count, let (index, score) = ranked.next().map({ ($0.index, $0.score) }) {
            let candidate = phrases.candidates[index]
            let occurrences = phrases.occurrences(of: candidate)
            // A phrase found only inside better phrases adds nothing (`sécurité` inside `garanties de sécurité`).
            if occurrences.allSatisfy(taken.covers) { continue }
            let ranges = byteRanges(candidate)
            // The entity's name across articles (`Fédération de Russie` is `Russie`, `OTAN` its long form).
            let canonical = ranges.lazy.compactMap(mentions.canonical).first.map(aliases.canonical(of:))
            if let canonical, let existing = keywordOfEntity.first(where: { $0.canonical == canonical })?.keyword {
                // `Poutine` after `Vladimir Poutine`: one keyword per entity, with every mention.
                taken.add(occurrences)
                keywords[existing].spans = Self.outermost(keywords[existing].spans + ranges.map { text.span(ofBytes: $0) })
                continue
            }
            if dropWeakWords, canonical == nil, KeywordFilter.isWeak(occurrences, words: words, hasEntities: !article.entities.isEmpty,
                                                                                  loneWords: loneWords) {
                continue
            }
            taken.add(occurrences)
            if let canonical { keywordOfEntity.append((canonical, keywords.count)) }
            keywords.append(Keyword(
                phrase: canonical ?? Self.displayForm(occurrences, words: words, text: text), score: 1 / score,
                spans: ranges.map { text.span(ofBytes: $0) }))
        }
        article.keywords = keywords
    }

    /// The spans that lie inside no other (`Poutine` inside `Vladimir Poutine` goes), in text order.
    static func outermost(_ spans: [Span]) -> [Span] {
        let sorted = Set(spans).sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var result: [Span] = []
        for span in sorted where !(result.last.map { $0.start <= span.start && span.end <= $0.end } ?? false) { result.append(span) }
        return result
    }

    /// YAKE's phrase score (lower is better): the product of the content words' scores over the
    /// phrase's count times one plus their sum; each word's score divided by its inverse document
    /// frequency when corpus `frequencies` are given.
    static func yakeScore(_ candidate: PhraseCandidates.Candidate, in phrases: PhraseCandidates, words: [KeywordWord],
                          statistics: WordStatistics, frequencies: DocumentFrequencies? = nil) -> Double {
        var product = 1.0, sum = 0.0
        for index in phrases.occurrences[candidate.occurrenceIndexes.lowerBound] where words[index].isContent {
            var score = statistics.wordScores[index]
            if let frequencies { score /= frequencies.inverseFrequency(of: words[index].key) }
            product *= score
            sum += score
        }
        return product / (Double(candidate.occurrenceIndexes.count) * (1 + sum))
    }

    /// The phrase as written at an occurrence that does not start a sentence (else the first),
    /// with white space collapsed, and its first letter lowered when only a sentence start
    /// capitalised it.
    static func displayForm(_ occurrences: ArraySlice<ClosedRange<Int>>, words: [KeywordWord], text: ScalarText) -> String {
        let occurrence = occurrences.first { !words[$0.lowerBound].isSentenceStart } ?? occurrences[occurrences.startIndex]
        let first = words[occurrence.lowerBound]
        let raw = text.string(bytes: first.bytes.lowerBound..<words[occurrence.upperBound].bytes.upperBound)
        let phrase = hasOnlySingleSpaces(raw) ? raw : raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let capitalisedElsewhere = occurrences.contains {
            words[$0.lowerBound].startsUpper && !words[$0.lowerBound].isSentenceStart
        }
        guard first.isSentenceStart, first.startsUpper, !first.isAcronym, !capitalisedElsewhere else { return phrase }
        return phrase.prefix(1).lowercased() + phrase.dropFirst()
    }

    /// Whether the only white space in a phrase is single ASCII spaces (nothing to collapse): no
    /// control character, no space after a space, and none of the lead bytes of the other
    /// white-space scalars (U+0085 and U+00A0 start with C2; U+1680, U+2000…U+205F and U+3000 with
    /// E1, E2 or E3).
    static func hasOnlySingleSpaces(_ phrase: String) -> Bool {
        var previous: UInt8 = 0
        for byte in phrase.utf8 {
            if byte < 0x20 || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return true
    }
}
