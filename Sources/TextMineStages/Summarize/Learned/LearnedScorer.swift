import TextMineCore

/// The `learned` method: a ``RankerModel`` over ``SentenceFeature`` values. Unlike the other
/// methods it also returns each sentence's features, which the summary keeps so that every score
/// can be explained.
struct LearnedScorer: Sendable {
    let model: RankerModel
    let extractor = SentenceFeatureExtractor()
    /// The model's word weights, ready for lookups.
    let lexicon: SentenceLexicon

    init(model: RankerModel) {
        self.model = model
        lexicon = SentenceLexicon(words: model.lexicon ?? [:])
    }

    /// Each sentence's score and feature vector; `dependent` tells which sentences cannot stand
    /// alone (see ``SentenceOpening``).
    func scores(text: ScalarText, document: SummaryDocument, dependent: [Bool]) -> (scores: [Double], features: [[Double]]) {
        let features = extractor.features(text: text, document: document, dependent: dependent, lexicon: lexicon)
        return (features.map(model.score), features)
    }
}
