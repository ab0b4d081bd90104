import TextMineCore

/// Extractive summaries: scores every sentence with the chosen method, records every score, rank
/// and ineligibility reason, and selects sentences within the length budget.
public struct SummarizeStage: Stage {
    static let method = StageOption<SummaryMethod>(
        "method", default: .news,
        doc: "How sentences are scored: news (position, centrality, title overlap, length), lead, luhn, textrank or lexrank.")
    static let sentences = StageOption<Int>(
        "sentences", in: 1...1000, default: 3, doc: "How many sentences the summary holds (unless words or ratio is set).")
    static let words = StageOption<Int>(
        "words", in: 0...1_000_000, default: 0,
        doc: "A budget in words instead of sentences (0: unset). Takes precedence over ratio and sentences.")
    static let ratio = StageOption<Double>(
        "ratio", in: 0...1, default: 0,
        doc: "A share of the article's sentences instead of a count (0: unset). Takes precedence over sentences.")
    static let language = LanguageSetting.option
    static let minWords = StageOption<Int>(
        "min-words", in: 0...1000, default: 4, doc: "Sentences with fewer words are never selected.")
    static let maxWords = StageOption<Int>(
        "max-words", in: 1...10_000, default: 80, doc: "Sentences with more words are never selected.")
    static let redundancy = StageOption<Double>(
        "redundancy", in: 0...1, default: 0.3,
        doc: "How much similarity to sentences already selected counts against a sentence (MMR); 0 selects purely by score.")

    public static let description = StageDescription(
        id: "summarize",
        abstract: "Extractive summary: scores every sentence (news, lead, luhn, textrank, lexrank) and keeps the best.",
        documentation: """
            Scores every sentence with `method`, marks sentences that may never be selected (boilerplate, \
            duplicates, fragments, bare quotes, too short or too long) and selects the best eligible ones \
            by maximal marginal relevance within the length budget. The article's `summary` keeps every \
            sentence's score, rank and ineligibility reason, the selection in document order, and the \
            summary text. Terms are lowercase, accent-folded words without stopwords (French and English \
            lists), with plural `s`/`x` stripped. Similarities are sparse (an inverted index; terms found \
            in more than 200 sentences link none; graphs keep 64 edges per sentence), so cost grows \
            linearly with the article. See docs/stages/summarize.md.
            """,
        options: [method, sentences, words, ratio, language, minWords, maxWords, redundancy],
        requires: [.sentences], produces: [.summary], languages: StopwordList.languages)

    private let method: SummaryMethod
    private let length: SummaryLength
    private let language: LanguageSetting
    private let eligibility: SentenceEligibility
    private let selector: SentenceSelector
    private let normalizer = TermNormalizer()

    public init(options: StageOptions) throws {
        method = options[Self.method]
        length = SummaryLength(
            sentences: options[Self.sentences], words: options[Self.words], ratio: options[Self.ratio])
        language = options[Self.language]
        eligibility = SentenceEligibility(minWords: options[Self.minWords], maxWords: options[Self.maxWords])
        selector = SentenceSelector(redundancy: options[Self.redundancy])
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let stopwords = StopwordList.forLanguage(language.language(of: article))
        let document = SummaryDocument(
            text: text, spans: article.sentences.map(\.span), title: article.metadata["title"]?.value.stringValue,
            stopwords: stopwords, normalizer: normalizer)
        let scores = method.scorer.scores(for: document)
        let reasons = eligibility.reasons(text: text, document: document, blocks: article.blocks)
        let selected = selector.select(
            scores: scores, eligible: reasons.map { $0 == nil }, document: document, length: length)
        let ranks = Self.ranks(of: scores)
        let scored = document.spans.indices.map { i in
            ScoredSentence(span: document.spans[i], score: scores[i], rank: ranks[i], ineligible: reasons[i]?.rawValue)
        }
        let summaryText = selected.map { text.string(document.spans[$0]) }.joined(separator: " ")
        article.summary = Summary(method: method.rawValue, scores: scored, selected: selected, text: summaryText)
    }

    /// 1-based ranks by descending score; ties go to the earlier sentence.
    static func ranks(of scores: [Double]) -> [Int] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, index) in order.enumerated() { ranks[index] = position + 1 }
        return ranks
    }
}
