import TextMineCore

/// The `learned` method: a ``RankerModel`` over ``SentenceFeature`` values. Unlike the other
/// methods it also returns each sentence's features, which the summary keeps so that every score
/// can be explained.
struct LearnedScorer: Sendable {
    let model: RankerModel
    let extractor = SentenceFeatureExtractor()

    /// Each sentence's score and feature vector; `dependent` tells which sentences cannot stand
    /// alone (see ``SentenceOpening``).
    func scores(text: ScalarText, document: SummaryDocument, dependent: [Bool]) -> (scores: [Double], features: [[Double]]) {
        let features = extractor.features(text: text, document: document, dependent: dependent)
        return (features.map(model.score), features)
    }
}
