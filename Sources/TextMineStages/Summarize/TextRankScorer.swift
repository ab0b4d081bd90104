import Foundation

/// TextRank (Mihalcea & Tarau, 2004): PageRank over a graph whose edge weights are the number of
/// shared content terms divided by `log |Si| + log |Sj|`.
///
/// The graph is sparse (see ``SentenceGraph`` and ``SimilarityIndex`` for the caps that keep long
/// articles linear).
struct TextRankScorer: SentenceScorer {
    func scores(for document: SummaryDocument) -> [Double] {
        let binary = document.termCounts.map { TermVector(ids: $0.ids, weights: [Double](repeating: 1, count: $0.ids.count)) }
        let index = SimilarityIndex(vectors: binary, vocabularySize: document.vocabularySize)
        let lengths = document.termCounts.map { log(Double(max($0.ids.count, 1))) }
        let graph = SentenceGraph(index: index) { i, j, overlap in
            let denominator = lengths[i] + lengths[j]
            return denominator > 0 ? overlap / denominator : 0
        }
        return graph.pageRank()
    }
}
