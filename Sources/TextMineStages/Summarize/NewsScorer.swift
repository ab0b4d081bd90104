/// Our default method for news: the sum of four signals, each in [0, 1] or close.
///
/// - **Position**: news puts the facts first. The first two sentences get 1 (the first is often a
///   hook, the second the facts), then `1 / (1 + 0.2 (i − 1))`.
/// - **Centrality**: the cosine between the sentence's tf-idf vector and the article's centroid (the
///   sum of all sentence vectors): sentences about what the whole article is about.
/// - **Title overlap**: the cosine between the sentence's and the title's sets of content terms,
///   when a `title` metadata field exists.
/// - **Length**: minus up to 0.5 as the sentence's length moves away from ``preferredWords``:
///   against 1–2-sentence abstracts, mid-length sentences carry the most facts per word.
///
/// Redundancy between selected sentences is handled by MMR selection (``SentenceSelector``).
/// Everything is linear in the article's size.
struct NewsScorer: SentenceScorer {
    /// The sentence length (in words) that gets no length penalty.
    static let preferredWords = 25.0
    /// How fast the position prior decays after the second sentence.
    static let positionDecay = 0.2

    func scores(for document: SummaryDocument) -> [Double] {
        var centroid = [Double](repeating: 0, count: document.vocabularySize)
        for vector in document.weighted {
            for (id, weight) in zip(vector.ids, vector.weights) { centroid[Int(id)] += weight }
        }
        let centroidNorm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let title = document.titleTerms
        return (0..<document.count).map { i in
            let position = 1 / (1 + Self.positionDecay * Double(max(0, i - 1)))
            var centrality = 0.0
            if centroidNorm > 0 {
                let vector = document.weighted[i]
                for (id, weight) in zip(vector.ids, vector.weights) { centrality += weight * centroid[Int(id)] }
                centrality /= centroidNorm
            }
            var titleOverlap = 0.0
            if !title.isEmpty {
                let terms = document.termCounts[i].ids
                let shared = Double(Self.sharedCount(terms, title.ids))
                let denominator = (Double(terms.count) * Double(title.ids.count)).squareRoot()
                if denominator > 0 { titleOverlap = shared / denominator }
            }
            let words = Double(document.wordCounts[i])
            let length = -0.5 * min(1, abs(words - Self.preferredWords) / Self.preferredWords)
            return position + centrality + titleOverlap + length
        }
    }

    /// The number of ids two ascending id lists share.
    private static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
