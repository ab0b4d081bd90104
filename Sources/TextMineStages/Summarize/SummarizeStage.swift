import TextMineCore

/// Extractive summaries: scores every sentence with the chosen method, records every score, rank
/// and ineligibility reason, and selects sentences within the length budget.
public struct SummarizeStage: Stage {
    static let method = StageOption<SummaryMethod>(
        "method", default: .news,
        doc: "How sentences are scored: news (position, centrality, title overlap, length), learned (a ranker trained on news and their abstracts; see model), lead, luhn, textrank or lexrank.")
    static let model = StageOption<String>(
        "model", default: "",
        doc: "For method learned: a ranker file from 'textmine train summarize' (empty: the built-in French news ranker, trained on OrangeSum).")
    static let dependent = StageOption<DependentMode>(
        "dependent", default: .pair,
        doc: "Sentences that cannot stand alone (opening with a pronoun or a connective, ending a quotation opened earlier, attributing a quote to a pronoun): pair takes one only with the sentence before it, keep treats them like any other.")
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
    static let packs = PackLibrary.option(adding: "term stopwords")
    static let compress = StageOption<Bool>(
        "compress", default: true,
        doc: "Leave out of the summary text the peripheral parts of the selected sentences (asides in parentheses; for French and English, opening and closing clauses such as attributions, and clauses between commas) and record each cut with its reason.")
    static let redundancy = StageOption<Double>(
        "redundancy", in: 0...1, default: 0.3,
        doc: "How much similarity to sentences already selected counts against a sentence (MMR); 0 selects purely by score.")

    public static let description = StageDescription(
        id: "summarize",
        abstract: "Extractive summary: scores every sentence (news, learned, lead, luhn, textrank, lexrank) and keeps the best.",
        documentation: """
            Scores every sentence with `method`, marks sentences that may never be selected (boilerplate, \
            duplicates, fragments, bare quotes, too short or too long) and selects the best eligible ones \
            by maximal marginal relevance within the length budget. A sentence that cannot stand alone \
            (it opens with a pronoun or a connective, ends a quotation opened earlier, or attributes a \
            quotation to a pronoun) is taken only with the sentence before it. The article's `summary` \
            keeps every sentence's score, rank, ineligibility reason and, for `learned`, features, the \
            selection in document order, and the summary text. With `compress` (the default), the text \
            leaves out peripheral parts of the selected sentences (an attribution, an aside, an opening \
            adverbial whose words the title and the rest of the article do not share), each recorded in \
            `summary.cuts` with its span and reason. Terms are lowercase, accent-folded words without stopwords (the language pack's \
            `term-stopwords`; `packs` adds more), with plural `s`/`x` stripped. Similarities are sparse (an inverted index; terms found \
            in more than 200 sentences link none; graphs keep 64 edges per sentence), so cost grows \
            linearly with the article. See docs/stages/summarize.md.
            """,
        options: [method, model, dependent, sentences, words, ratio, language, minWords, maxWords, redundancy, compress, packs],
        requires: [.sentences], produces: [.summary],
        languages: LanguageSupport(PackTerms.builtIn.languages, others: .generic))

    /// What happens to sentences that cannot stand alone.
    enum DependentMode: String, CaseIterable, Sendable { case pair, keep }

    private let method: SummaryMethod
    private let dependentMode: DependentMode
    private let learned: LearnedScorer?
    private let opening = SentenceOpening()
    private let length: SummaryLength
    private let language: LanguageSetting
    private let eligibility: SentenceEligibility
    private let selector: SentenceSelector
    /// Finds what the summary text leaves out of the selected sentences (nil: nothing).
    private let compressor: SentenceCompressor?
    private let normalizer = TermNormalizer()
    /// Stopwords per language, from the language packs.
    private let terms: PackTerms

    public init(options: StageOptions) throws {
        method = options[Self.method]
        dependentMode = options[Self.dependent]
        if method == .learned {
            let path = options[Self.model]
            learned = LearnedScorer(model: path.isEmpty ? try RankerModel.builtIn() : try RankerModel.read(contentsOf: path))
        } else {
            learned = nil
        }
        length = SummaryLength(
            sentences: options[Self.sentences], words: options[Self.words], ratio: options[Self.ratio])
        language = options[Self.language]
        eligibility = SentenceEligibility(minWords: options[Self.minWords], maxWords: options[Self.maxWords])
        selector = SentenceSelector(redundancy: options[Self.redundancy])
        compressor = options[Self.compress] ? SentenceCompressor() : nil
        terms = try PackTerms.with(userPacks: options[Self.packs])
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let articleLanguage = language.language(of: article)
        if let warning = terms.warning(for: articleLanguage) { article.warn(warning) }
        let stopwords = terms.stopwords(for: articleLanguage)
        let document = SummaryDocument(
            text: text, spans: article.sentences.map(\.span), title: article.metadata["title"]?.value.stringValue,
            stopwords: stopwords, normalizer: normalizer)
        try context.checkDeadline()
        let opens = opening.dependentSentences(text: text, spans: document.spans)
        var scores: [Double]
        var features: [[Double]]? = nil
        if let learned {
            (scores, features) = learned.scores(text: text, document: document, dependent: opens)
        } else {
            scores = method.scorer?.scores(for: document) ?? []
        }
        try context.checkDeadline()
        var reasons = eligibility.reasons(text: text, document: document, blocks: article.blocks)
        // The article's first sentence leans on nothing before it (its pronoun is impersonal or
        // the article's own): it is never held back.
        var dependent = dependentMode == .pair ? opens : [Bool](repeating: false, count: document.count)
        if !dependent.isEmpty { dependent[0] = false }
        for i in reasons.indices where reasons[i] == nil && dependent[i] && (reasons[i - 1] != nil || dependent[i - 1]) {
            reasons[i] = .dependent
        }
        let selected = selector.select(
            scores: scores, eligible: reasons.map { $0 == nil }, dependent: dependent, document: document, length: length,
            lengthPrior: learned?.model.lengthPrior)
        let ranks = Self.ranks(of: scores)
        let scored = document.spans.indices.map { i in
            ScoredSentence(
                span: document.spans[i], score: scores[i], rank: ranks[i], ineligible: reasons[i]?.rawValue,
                features: features.map { FeatureValues(names: Self.featureNames, values: $0[i]) })
        }
        let words = CompressionWords.builtIn(for: articleLanguage)
        let cuts = compressor.map { compressor in
            selected.flatMap { compressor.cuts(sentence: $0, text: text, document: document, words: words, lexicon: learned?.lexicon) }
        } ?? []
        let summaryText = Self.paragraph(text, selected.map { document.spans[$0] }, cuts: cuts.map(\.bytes))
        article.summary = Summary(
            method: method.rawValue, scores: scored, selected: selected,
            cuts: cuts.map { SummaryCut(span: text.span(ofBytes: $0.bytes), reason: $0.reason.rawValue) }, text: summaryText)
    }

    /// The features' names, shared by every sentence's values.
    private static let featureNames = FeatureNames(SentenceFeature.allCases.map(\.rawValue))

    /// The sentences `spans` of `text` as one paragraph, without the parts `cuts` (byte ranges in
    /// text order, each inside one of the sentences): joined by a space, line breaks and runs of
    /// white space (space, tab, CR, LF) collapsed to one space, and a sentence whose opening was cut
    /// starting with a capital.
    static func paragraph(_ text: ScalarText, _ spans: [Span], cuts: [Range<Int>] = []) -> String {
        let ranges = spans.map { text.byteRange(of: $0) }
        // At most every byte plus one space between sentences, and a capital that may be longer
        // than the letter it replaces.
        let capacity = ranges.reduce(ranges.count * 16) { $0 + $1.count }
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            text.utf8.withUnsafeBufferPointer { bytes in
                var count = 0
                var nextCut = 0
                for range in ranges {
                    var pendingSpace = count > 0
                    var capitalize = nextCut < cuts.count && cuts[nextCut].lowerBound == range.lowerBound
                    var index = range.lowerBound
                    while index < range.upperBound {
                        if nextCut < cuts.count, cuts[nextCut].lowerBound <= index {
                            index = max(index, cuts[nextCut].upperBound)
                            nextCut += 1
                            continue
                        }
                        let byte = bytes[index]
                        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                            pendingSpace = count > 0
                            index += 1
                            continue
                        }
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        if capitalize {
                            capitalize = false
                            let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: range.upperBound)
                            if let scalar = Unicode.Scalar(value), scalar.properties.isLowercase {
                                for upper in scalar.properties.uppercaseMapping.utf8 {
                                    out[count] = upper
                                    count += 1
                                }
                                index += width
                                continue
                            }
                        }
                        out[count] = byte
                        count += 1
                        index += 1
                    }
                }
                written = count
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// 1-based ranks by descending score; ties go to the earlier sentence.
    static func ranks(of scores: [Double]) -> [Int] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, index) in order.enumerated() { ranks[index] = position + 1 }
        return ranks
    }
}
