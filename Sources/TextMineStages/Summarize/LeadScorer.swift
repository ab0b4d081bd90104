/// Scores sentences by position only: the first sentence scores 1, the second 1/2, and so on.
/// The baseline every news summarizer is measured against.
struct LeadScorer: SentenceScorer {
    func scores(for document: SummaryDocument) -> [Double] {
        (0..<document.count).map { 1 / Double($0 + 1) }
    }
}
