/// Sparse sentence-to-sentence similarity through an inverted index (term → sentences), so that
/// only sentences sharing a term are ever compared.
///
/// To keep large articles linear, a term found in more than ``postingCap`` sentences links no
/// sentences (such terms have the lowest idf and carry little similarity). Below that many
/// sentences the similarities are exact. Finding the neighbours of one sentence costs the sum of
/// its terms' (capped) sentence frequencies.
struct SimilarityIndex {
    /// The most sentences a term may occur in and still link them.
    static let postingCap = 200

    /// The vectors being compared (unit length for cosine).
    let vectors: [TermVector]
    /// Where each term's postings start in ``postingSentences`` (one more entry than terms); a
    /// capped term has none. Flat arrays: one allocation per article, not one per term.
    private let postingStarts: [Int]
    /// The sentences containing each term, term after term.
    private let postingSentences: [Int32]
    /// The term's weight in each of those sentences.
    private let postingWeights: [Double]

    /// Indexes `vectors`, whose ids are below `vocabularySize`.
    init(vectors: [TermVector], vocabularySize: Int) {
        var counts = [Int](repeating: 0, count: vocabularySize)
        for vector in vectors {
            for id in vector.ids { counts[Int(id)] += 1 }
        }
        var starts = [Int](repeating: 0, count: vocabularySize + 1)
        for id in 0..<vocabularySize {
            starts[id + 1] = starts[id] + (counts[id] > Self.postingCap ? 0 : counts[id])
        }
        var sentences = [Int32](repeating: 0, count: starts[vocabularySize])
        var weights = [Double](repeating: 0, count: starts[vocabularySize])
        var next = starts
        for (sentence, vector) in vectors.enumerated() {
            for (id, weight) in zip(vector.ids, vector.weights) where counts[Int(id)] <= Self.postingCap {
                sentences[next[Int(id)]] = Int32(sentence)
                weights[next[Int(id)]] = weight
                next[Int(id)] += 1
            }
        }
        self.vectors = vectors
        self.postingStarts = starts
        self.postingSentences = sentences
        self.postingWeights = weights
    }

    /// Calls `body` with every other sentence that shares a (non-capped) term with `sentence` and
    /// the dot product of their vectors over those terms. `scratch` must hold one zero per sentence;
    /// it is left zeroed.
    func forEachNeighbour(of sentence: Int, scratch: inout [Double], touched: inout [Int32],
                          _ body: (Int, Double) -> Void) {
        let vector = vectors[sentence]
        touched.removeAll(keepingCapacity: true)
        for (id, weight) in zip(vector.ids, vector.weights) {
            for posting in postingStarts[Int(id)]..<postingStarts[Int(id) + 1] {
                let other = Int(postingSentences[posting])
                if other == sentence { continue }
                if scratch[other] == 0 { touched.append(Int32(other)) }
                scratch[other] += weight * postingWeights[posting]
            }
        }
        for other in touched {
            body(Int(other), scratch[Int(other)])
            scratch[Int(other)] = 0
        }
    }
}
