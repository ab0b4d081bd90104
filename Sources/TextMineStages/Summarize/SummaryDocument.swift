import Foundation
import TextMineCore

/// What every summarization method scores: the article's sentences as sequences and bags of
/// normalised content terms, with sentence frequencies and the title's terms. Built once per
/// article in one pass over the UTF-8 bytes.
struct SummaryDocument {
    /// The sentences' spans, in text order.
    let spans: [Span]
    /// The number of words (stopwords included) of each sentence.
    let wordCounts: [Int]
    /// Every word's term id, or -1 for a word that is no term (a stopword), sentence after
    /// sentence as in ``wordKeys``: one array for the article (see ``wordTerms(of:)``).
    let wordTermIDs: [Int32]
    /// Every word's normalised key (see ``TermNormalizer``), stopwords included, sentence after
    /// sentence: the words of sentence `i` are `wordKeys[wordOffsets[i]..<wordOffsets[i + 1]]`.
    let wordKeys: [UInt64]
    /// Where each sentence's words start in ``wordKeys`` and ``wordTermIDs`` (one more entry than
    /// sentences).
    let wordOffsets: [Int]
    /// Each sentence's content terms with their counts.
    let termCounts: [TermVector]
    /// Each sentence's content terms weighted by tf-idf and scaled to unit length.
    let weighted: [TermVector]
    /// How many sentences contain each term.
    let sentenceFrequency: [Int32]
    /// The title's content terms (empty when the article has no title).
    let titleTerms: TermVector
    /// A hash of each sentence's normalised words, for spotting repeated sentences (0 when empty).
    let contentHashes: [UInt64]
    /// The number of each sentence's words after the first that start with a capital letter.
    let capitalised: [Int]
    /// The sparse tf-idf similarities between sentences (of ``weighted``), built once for the
    /// scorers and the selector.
    let similarity: SimilarityIndex

    /// The number of sentences.
    var count: Int { spans.count }

    /// Builds the document of sentences `spans` of `text`.
    init(text: ScalarText, spans: [Span], title: String?, stopwords: StopwordList, normalizer: TermNormalizer) {
        var vocabulary = TermTable(capacity: spans.count * 8)
        var wordCounts: [Int] = []
        var wordTermIDs: [Int32] = []
        var hashes: [UInt64] = []
        var capitalised: [Int] = []
        var wordKeys: [UInt64] = []
        var wordOffsets = [0]
        wordOffsets.reserveCapacity(spans.count + 1)
        wordCounts.reserveCapacity(spans.count)
        capitalised.reserveCapacity(spans.count)
        hashes.reserveCapacity(spans.count)

        text.utf8.withUnsafeBufferPointer { bytes in
            for span in spans {
                let range = text.byteRange(of: span)
                var words = 0
                var capitals = 0
                var hash: UInt64 = 0
                var index = range.lowerBound
                while let (word, normalized) = normalizer.nextWord(in: bytes, from: &index, limit: range.upperBound) {
                    if words > 0 && normalized.startsUpper { capitals += 1 }
                    words += 1
                    wordKeys.append(normalized.key)
                    hash = (hash &* 0x9E37_79B9_7F4A_7C15) ^ normalized.key
                    let isContent = normalized.length > 1 && !(normalized.isNumber && word.count < 2)
                        && !stopwords.contains(normalized)
                    wordTermIDs.append(isContent ? vocabulary.id(for: normalized.key) : -1)
                }
                wordOffsets.append(wordKeys.count)
                wordCounts.append(words)
                capitalised.append(capitals)
                hashes.append(words == 0 ? 0 : hash)
            }
        }
        var titleIDs: [Int32] = []
        if let title, !title.isEmpty {
            let titleBytes = Array(title.utf8)
            titleBytes.withUnsafeBufferPointer { bytes in
                // Title words that never occur in the body cannot match a sentence: drop them.
                var index = 0
                while let word = WordScanner.nextWord(in: bytes, from: &index, limit: bytes.count) {
                    let normalized = normalizer.normalize(bytes, word)
                    if !stopwords.contains(normalized), let id = vocabulary.existingID(for: normalized.key) { titleIDs.append(id) }
                }
            }
        }

        var scratch: [Int32] = []
        let termCounts = spans.indices.map { i in
            TermVector.counting(termsOf: wordTermIDs[wordOffsets[i]..<wordOffsets[i + 1]], scratch: &scratch)
        }
        var sentenceFrequency = [Int32](repeating: 0, count: vocabulary.count)
        for vector in termCounts {
            for id in vector.ids { sentenceFrequency[Int(id)] += 1 }
        }
        let sentenceCount = Double(spans.count)
        let idf = sentenceFrequency.map { log((sentenceCount + 1) / Double($0)) + 1 }
        let weighted = termCounts.map { counts in
            var vector = counts
            for k in vector.weights.indices { vector.weights[k] *= idf[Int(vector.ids[k])] }
            let norm = vector.norm
            if norm > 0 { for k in vector.weights.indices { vector.weights[k] /= norm } }
            return vector
        }
        self.spans = spans
        self.wordCounts = wordCounts
        self.wordTermIDs = wordTermIDs
        self.wordKeys = wordKeys
        self.wordOffsets = wordOffsets
        self.termCounts = termCounts
        self.sentenceFrequency = sentenceFrequency
        self.titleTerms = TermVector.counting(titleIDs)
        self.contentHashes = hashes
        self.capitalised = capitalised
        self.weighted = weighted
        similarity = SimilarityIndex(vectors: weighted, vocabularySize: sentenceFrequency.count)
    }

    /// The words of sentence `i` in order: a term id, or -1 for a word that is no term.
    func wordTerms(of i: Int) -> ArraySlice<Int32> { wordTermIDs[wordOffsets[i]..<wordOffsets[i + 1]] }

    /// The number of distinct content terms.
    var vocabularySize: Int { sentenceFrequency.count }
}
