import TextMineCore

/// The `learned` method: a ``RankerModel`` over ``SentenceFeature`` values. Unlike the other
/// methods it also returns each sentence's features, which the summary keeps so that every score
/// can be explained.
struct LearnedScorer: Sendable {
    let model: RankerModel
    let extractor = SentenceFeatureExtractor(opening: SentenceOpening())

    /// Each sentence's score and feature vector.
    func scores(text: ScalarText, document: SummaryDocument) -> (scores: [Double], features: [[Double]]) {
        let features = extractor.features(text: text, document: document)
        return (features.map(model.score), features)
    }
}
