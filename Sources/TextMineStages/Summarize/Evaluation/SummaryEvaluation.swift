import TextMineCore

/// Mean ROUGE F1 scores of a summarizer and of the lead-1/2/3 baselines over a reference set, the
/// share of summaries that do not read as prose (``SummaryFluency``), and a keyword proxy: the
/// share of top-5 keywords whose words all occur in the title or the reference summary.
///
/// Feed it each processed article with its reference; lead baselines take the article's first
/// sentences, so they share the pipeline's sentence splitting and cleaning.
package struct SummaryEvaluation: Sendable {
    /// The number of documents added.
    package private(set) var documents = 0
    /// The summed scores of the pipeline's summaries.
    private var system = RougeScore(rouge1: 0, rouge2: 0, rougeL: 0)
    /// Summaries with debris (``SummaryFluency/hasDebris(_:)``).
    package private(set) var withDebris = 0
    /// Summaries with a sentence that cannot stand alone (``SummaryFluency/hasOrphanOpening(_:)``).
    package private(set) var withOrphanOpening = 0
    /// Top-5 keywords seen, and those whose words all occur in the title or the reference.
    package private(set) var keywordsSeen = 0
    package private(set) var keywordsInReference = 0
    /// The summed scores of lead-1, lead-2 and lead-3.
    private var leads = [RougeScore](repeating: RougeScore(rouge1: 0, rouge2: 0, rougeL: 0), count: 3)

    package init() {}

    /// Adds one processed article (its `summary.text` is the candidate; none scores 0).
    package mutating func add(_ article: Article, reference: String) {
        documents += 1
        if !article.keywords.isEmpty {
            let known = Set(Rouge.tokens(reference + " " + (article.metadata["title"]?.value.stringValue ?? "")))
            for keyword in article.keywords.prefix(5) {
                keywordsSeen += 1
                if Rouge.tokens(keyword.phrase).allSatisfy(known.contains) { keywordsInReference += 1 }
            }
        }
        Self.accumulate(&system, Rouge.score(candidate: article.summary?.text ?? "", reference: reference))
        if SummaryFluency.hasDebris(article.summary?.text ?? "") { withDebris += 1 }
        if SummaryFluency.hasOrphanOpening(article) { withOrphanOpening += 1 }
        let text = ScalarText(article.text)
        let sentences = article.sentences.map { text.string($0.span) }
        for k in 1...3 {
            let lead = sentences.prefix(k).joined(separator: " ")
            Self.accumulate(&leads[k - 1], Rouge.score(candidate: lead, reference: reference))
        }
    }

    /// The pipeline's mean scores.
    package var mean: RougeScore { Self.divide(system, documents) }

    /// The mean scores of lead-k, k in 1...3.
    package func lead(_ k: Int) -> RougeScore { Self.divide(leads[k - 1], documents) }

    private static func accumulate(_ total: inout RougeScore, _ score: RougeScore) {
        total.rouge1 += score.rouge1
        total.rouge2 += score.rouge2
        total.rougeL += score.rougeL
    }

    private static func divide(_ total: RougeScore, _ count: Int) -> RougeScore {
        guard count > 0 else { return total }
        let n = Double(count)
        return RougeScore(rouge1: total.rouge1 / n, rouge2: total.rouge2 / n, rougeL: total.rougeL / n)
    }
}
