/// A way of scoring sentences for an extractive summary. Every sentence gets a score (higher is
/// better); selection, eligibility and length are handled elsewhere, the same for every method.
protocol SentenceScorer: Sendable {
    /// One score per sentence of `document`, in text order.
    func scores(for document: SummaryDocument) -> [Double]
}

/// The summarization methods a pipeline can choose with `method:`.
enum SummaryMethod: String, CaseIterable, Sendable {
    /// Position priors, centrality, title overlap and a length prior: our default for news.
    case news
    /// The first sentences.
    case lead
    /// Luhn (1958): clusters of significant words.
    case luhn
    /// TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity.
    case textrank
    /// LexRank (Erkan & Radev 2004): PageRank over tf-idf cosine similarity.
    case lexrank
    /// A ranker learned from articles and their reference summaries (``LearnedScorer``).
    case learned

    /// The scorer that implements an unsupervised method (nil for `learned`, which needs a model).
    var scorer: (any SentenceScorer)? {
        switch self {
        case .learned: return nil
        case .news: return NewsScorer()
        case .lead: return LeadScorer()
        case .luhn: return LuhnScorer()
        case .textrank: return TextRankScorer()
        case .lexrank: return LexRankScorer()
        }
    }
}
