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
    /// For each term, the sentences containing it and the term's weight there.
    private let postings: [[(sentence: Int32, weight: Double)]]

    /// Indexes `vectors`, whose ids are below `vocabularySize`.
    init(vectors: [TermVector], vocabularySize: Int) {
        var postings = [[(sentence: Int32, weight: Double)]](repeating: [], count: vocabularySize)
        for (sentence, vector) in vectors.enumerated() {
            for (id, weight) in zip(vector.ids, vector.weights) {
                postings[Int(id)].append((Int32(sentence), weight))
            }
        }
        for id in postings.indices where postings[id].count > Self.postingCap { postings[id] = [] }
        self.vectors = vectors
        self.postings = postings
    }

    /// Calls `body` with every other sentence that shares a (non-capped) term with `sentence` and
    /// the dot product of their vectors over those terms. `scratch` must hold one zero per sentence;
    /// it is left zeroed.
    func forEachNeighbour(of sentence: Int, scratch: inout [Double], touched: inout [Int32],
                          _ body: (Int, Double) -> Void) {
        let vector = vectors[sentence]
        touched.removeAll(keepingCapacity: true)
        for (id, weight) in zip(vector.ids, vector.weights) {
            for posting in postings[Int(id)] where Int(posting.sentence) != sentence {
                let other = Int(posting.sentence)
                if scratch[other] == 0 { touched.append(posting.sentence) }
                scratch[other] += weight * posting.weight
            }
        }
        for other in touched {
            body(Int(other), scratch[Int(other)])
            scratch[Int(other)] = 0
        }
    }
}
