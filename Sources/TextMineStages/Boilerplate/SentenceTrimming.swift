import TextMineCore

/// Trims boilerplate sentences from the edges of long content paragraphs, where scrapers glue
/// subscription appeals and captions onto the last paragraph (`… Louhansk. En vous abonnant, vous
/// pouvez nous aider… ABONNEZ-VOUS MAINTENANT`). It walks in from each end and stops at the first
/// content sentence, so a sentence in the middle of a paragraph is never removed.
struct SentenceTrimming: Sendable {
    let classifier: BoilerplateClassifier
    let splitter: SentenceSplitter
    /// Paragraphs with fewer sentences are left to the block classifier.
    static let minimumSentences = 3

    /// The byte ranges to remove from a block, with their reasons.
    func trim(_ text: ScalarText, block: Range<Int>, language: String?) -> [(range: Range<Int>, reason: String)] {
        let sentences = splitter.split(text, in: text.span(ofBytes: block)).map(text.byteRange(of:))
        guard sentences.count >= Self.minimumSentences else { return [] }
        var removals: [(range: Range<Int>, reason: String)] = []
        var first = 0
        while first < sentences.count - 1, let reason = classifier.sentenceReason(text.utf8, sentences[first], language: language) {
            removals.append((sentences[first].lowerBound..<sentences[first + 1].lowerBound, reason))
            first += 1
        }
        var last = sentences.count - 1
        var trailing: [(range: Range<Int>, reason: String)] = []
        while last > first, let reason = classifier.sentenceReason(text.utf8, sentences[last], language: language) {
            // Take the space before the sentence, and anything after it up to the end of the block.
            let end = last == sentences.count - 1 ? block.upperBound : sentences[last + 1].lowerBound
            trailing.append((sentences[last - 1].upperBound..<end, reason))
            last -= 1
        }
        return removals + trailing.reversed()
    }
}
