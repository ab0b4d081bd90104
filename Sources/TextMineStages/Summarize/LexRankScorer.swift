/// LexRank (Erkan & Radev, 2004), continuous variant: PageRank over tf-idf cosine similarities,
/// keeping edges of at least ``threshold``.
///
/// The graph is sparse (see ``SentenceGraph`` and ``SimilarityIndex`` for the caps that keep long
/// articles linear).
struct LexRankScorer: SentenceScorer {
    /// The smallest cosine that makes an edge (the paper's 0.1).
    static let threshold = 0.1

    func scores(for document: SummaryDocument) -> [Double] {
        let graph = SentenceGraph(index: document.similarity) { _, _, cosine in cosine >= Self.threshold ? cosine : 0 }
        return graph.pageRank()
    }
}
