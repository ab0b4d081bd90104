import TextMineCore

/// Key phrases per article from YAKE-like statistics of the article alone (no corpus, no model).
public struct KeywordsStage: Stage {
    static let count = StageOption<Int>("count", in: 1...1000, default: 10, doc: "How many key phrases to keep.")
    static let maxWords = StageOption<Int>(
        "max-words", in: 1...8, default: 3, doc: "The most content words in a phrase (connectors such as 'de' not counted).")
    static let language = StageOption<String>(
        "language", default: "auto",
        doc: "Stopword language: fr, en, or auto (the article's language; French and English lists when unknown).")
    static let entities = StageOption<EntityPolicy>(
        "entities", default: .keep,
        doc: "What to do with phrases that are named entities: keep them like any phrase, exclude them, or boost them (score × 2).")

    public static let description = StageDescription(
        id: "keywords",
        abstract: "Key phrases per article (YAKE-like statistics; French and English stopwords; multi-word phrases).",
        documentation: """
            Finds candidate phrases (up to `max-words` content words, linked by `de`, `du`, `des`, `l’`, \
            `of`… as in `garanties de sécurité`, never across punctuation) and scores them with YAKE's \
            statistics of casing, position, frequency, context diversity and spread over sentences. \
            Keeps the `count` best, each with its score (higher is better) and every occurrence's span. \
            Named entities (from an `entities` step, if any) can be kept as any phrase, excluded, or \
            boosted. Linear in the article's length. See docs/stages/keywords.md.
            """,
        options: [count, maxWords, language, entities],
        requires: [.sentences], produces: [.keywords])

    /// What happens to phrases that overlap named entities.
    enum EntityPolicy: String, CaseIterable, Sendable {
        case keep, exclude, boost
    }

    private let count: Int
    private let maxWords: Int
    private let language: String?
    private let entityPolicy: EntityPolicy
    private let normalizer = TermNormalizer()

    public init(options: StageOptions) throws {
        count = options[Self.count]
        maxWords = options[Self.maxWords]
        let language = options[Self.language]
        self.language = language == "auto" ? nil : language
        entityPolicy = options[Self.entities]
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let stopwords = StopwordList.forLanguage(language ?? article.language)
        let keywordText = KeywordText(text: text, sentences: article.sentences.map(\.span), stopwords: stopwords,
                                      normalizer: normalizer)
        let statistics = WordStatistics(text: keywordText)
        let phrases = PhraseCandidates(text: keywordText, maxWords: maxWords)
        let words = keywordText.words
        let entityRanges = article.entities.map { text.byteRange(of: $0.span) }
        let entities = IntervalIndex(entityRanges)
        let entityRangeSet = Set(entityRanges)
        func byteRanges(_ candidate: PhraseCandidates.Candidate) -> [Range<Int>] {
            phrases.occurrences(of: candidate).map { words[$0.lowerBound].bytes.lowerBound..<words[$0.upperBound].bytes.upperBound }
        }

        var ranked: [(candidate: Int, score: Double)] = []
        ranked.reserveCapacity(phrases.candidates.count)
        for (index, candidate) in phrases.candidates.enumerated() {
            var score = Self.yakeScore(candidate, in: phrases, words: words, statistics: statistics)
            switch entityPolicy {
            case .keep:
                break
            case .exclude:
                if byteRanges(candidate).contains(where: entities.overlaps) { continue }
            case .boost:
                if byteRanges(candidate).contains(where: entityRangeSet.contains) { score /= 2 }
            }
            ranked.append((index, score))
        }
        ranked.sort { $0.score != $1.score ? $0.score < $1.score : $0.candidate < $1.candidate }

        var keywords: [Keyword] = []
        var taken = IntervalIndex()
        for (index, score) in ranked where keywords.count < count {
            let candidate = phrases.candidates[index]
            let ranges = byteRanges(candidate)
            // A phrase found only inside better phrases adds nothing (`sécurité` inside `garanties de sécurité`).
            if ranges.allSatisfy(taken.covers) { continue }
            taken.add(ranges)
            keywords.append(Keyword(
                phrase: Self.displayForm(phrases.occurrences(of: candidate), words: words, text: text), score: 1 / score,
                spans: ranges.map { text.span(ofBytes: $0) }))
        }
        article.keywords = keywords
    }

    /// YAKE's phrase score (lower is better): the product of the content words' scores over the
    /// phrase's count times one plus their sum.
    static func yakeScore(_ candidate: PhraseCandidates.Candidate, in phrases: PhraseCandidates, words: [KeywordWord],
                          statistics: WordStatistics) -> Double {
        var product = 1.0, sum = 0.0
        for word in words[phrases.occurrences[candidate.occurrenceIndexes.lowerBound]] where word.isContent {
            let score = statistics.score(of: word.key) ?? 1
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
        let phrase = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let capitalisedElsewhere = occurrences.contains {
            words[$0.lowerBound].startsUpper && !words[$0.lowerBound].isSentenceStart
        }
        guard first.isSentenceStart, first.startsUpper, !first.isAcronym, !capitalisedElsewhere else { return phrase }
        return phrase.prefix(1).lowercased() + phrase.dropFirst()
    }
}
