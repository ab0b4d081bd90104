import TextMineCore

/// The features the learned ranker scores a sentence on, all cheap to compute (one pass over the
/// article's bytes, plus the LexRank graph) and each readable on its own in the output.
///
/// Novelty against sentences already chosen is not a feature: selection handles it the same way
/// for every method (MMR, see ``SentenceSelector``).
enum SentenceFeature: String, CaseIterable, Sendable {
    /// `1 / (i + 1)` for the sentence at index `i`.
    case position
    /// 1 for the first sentence.
    case first
    /// 1 for the second sentence.
    case second
    /// 1 for the third sentence.
    case third
    /// `i / (n − 1)`: how far into the article.
    case depth
    /// 1 when the sentence opens a paragraph (a line break before it).
    case paragraphStart = "paragraph-start"
    /// Words / 25, at most 4.
    case length
    /// `|words − 25| / 25`, at most 1.
    case lengthGap = "length-gap"
    /// 1 for fewer than 10 words.
    case short
    /// 1 for more than 40 words.
    case long
    /// Cosine of the sentence's tf-idf vector with the article's centroid.
    case centroid
    /// Cosine of the sentence's and the title's content terms (0 without a title).
    case title
    /// Share of the title's content terms the sentence contains (0 without a title).
    case titleRecall = "title-recall"
    /// LexRank centrality times the number of sentences (1 on average).
    case centrality
    /// Share of the sentence's content terms among the article's ten most frequent terms.
    case keywords
    /// SumBasic (Nenkova & Vanderwende 2005): the mean article frequency of the sentence's content
    /// words over the mean frequency of the article's terms.
    case frequency
    /// Cosine of the sentence's tf-idf vector with the first sentence's (1 for the first).
    case lead
    /// Share of words that start with a capital, the first word excepted (names: an entity
    /// density that needs no tagger).
    case capitals
    /// 1 when the sentence contains a digit.
    case numbers
    /// 1 when the sentence contains a quotation mark.
    case quote
    /// 1 when the sentence opens with a word that needs an antecedent (`Il`, `Mais`, `Cependant`),
    /// see ``SentenceOpening``.
    case dependent
    /// The mean weight of the sentence's words in the model's ``SentenceLexicon`` (the log-odds,
    /// learned from the training data, that a sentence holding the word is in the oracle extract).
    case lexical
    /// The highest word weight of the sentence.
    case lexicalHighest = "lexical-highest"
    /// The lowest word weight of the sentence.
    case lexicalLowest = "lexical-lowest"
    /// The mean weight of the sentence's first three words.
    case lexicalOpening = "lexical-opening"
}

/// Computes ``SentenceFeature`` vectors for the sentences of an article.
struct SentenceFeatureExtractor: Sendable {
    /// How many of the article's most frequent terms count as its keywords.
    static let keywordCount = 10
    /// The sentence length (in words) that counts as typical.
    static let typicalWords = 25.0

    /// One vector per sentence, in ``SentenceFeature`` order; `dependent` tells which sentences
    /// cannot stand alone (``SentenceOpening/dependentSentences(text:spans:)``). Without a
    /// `lexicon` the lexical features are 0.
    func features(text: ScalarText, document: SummaryDocument, dependent: [Bool], lexicon: SentenceLexicon?) -> [[Double]] {
        let count = document.count
        guard count > 0 else { return [] }
        let centroid = Self.centroidCosines(document)
        let title = Self.titleCosines(document)
        let centrality = LexRankScorer().scores(for: document).map { $0 * Double(count) }
        let keywords = Self.keywordShares(document)
        let frequency = Self.meanFrequencies(document)
        let lead = Self.leadCosines(document)
        return text.utf8.withUnsafeBufferPointer { bytes in
            (0..<count).map { i in
                let words = Double(document.wordCounts[i])
                let range = text.byteRange(of: document.spans[i])
                let marks = Self.marks(bytes, range)
                let lexical = lexicon?.features(document.wordKeys[document.wordOffsets[i]..<document.wordOffsets[i + 1]])
                    ?? (mean: 0, highest: 0, lowest: 0, opening: 0)
                // In ``SentenceFeature`` order.
                return [
                    1 / Double(i + 1),
                    i == 0 ? 1 : 0,
                    i == 1 ? 1 : 0,
                    i == 2 ? 1 : 0,
                    count > 1 ? Double(i) / Double(count - 1) : 0,
                    Self.opensParagraph(bytes, range.lowerBound) ? 1 : 0,
                    min(4, words / Self.typicalWords),
                    min(1, abs(words - Self.typicalWords) / Self.typicalWords),
                    words < 10 ? 1 : 0,
                    words > 40 ? 1 : 0,
                    centroid[i],
                    title[i].cosine,
                    title[i].recall,
                    centrality[i],
                    keywords[i],
                    frequency[i],
                    lead[i],
                    words > 1 ? Double(document.capitalised[i]) / (words - 1) : 0,
                    marks.digit ? 1 : 0,
                    marks.quote ? 1 : 0,
                    dependent[i] ? 1 : 0,
                    lexical.mean,
                    lexical.highest,
                    lexical.lowest,
                    lexical.opening,
                ]
            }
        }
    }

    /// Cosine of each sentence's tf-idf vector with the sum of all of them.
    static func centroidCosines(_ document: SummaryDocument) -> [Double] {
        var centroid = [Double](repeating: 0, count: document.vocabularySize)
        for vector in document.weighted {
            for (id, weight) in zip(vector.ids, vector.weights) { centroid[Int(id)] += weight }
        }
        let norm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [Double](repeating: 0, count: document.count) }
        return document.weighted.map { vector in
            var dot = 0.0
            for (id, weight) in zip(vector.ids, vector.weights) { dot += weight * centroid[Int(id)] }
            return dot / norm
        }
    }

    /// Cosine of each sentence's set of content terms with the title's, and the share of the
    /// title's terms it holds.
    static func titleCosines(_ document: SummaryDocument) -> [(cosine: Double, recall: Double)] {
        let title = document.titleTerms.ids
        guard !title.isEmpty else { return [(cosine: Double, recall: Double)](repeating: (0, 0), count: document.count) }
        return document.termCounts.map { vector in
            let terms = vector.ids
            var i = 0, j = 0, shared = 0
            while i < terms.count && j < title.count {
                if terms[i] == title[j] { shared += 1; i += 1; j += 1 } else if terms[i] < title[j] { i += 1 } else { j += 1 }
            }
            let denominator = (Double(terms.count) * Double(title.count)).squareRoot()
            return (denominator > 0 ? Double(shared) / denominator : 0, Double(shared) / Double(title.count))
        }
    }

    /// The share of each sentence's content terms among the article's most frequent terms.
    static func keywordShares(_ document: SummaryDocument) -> [Double] {
        var frequency = [Int](repeating: 0, count: document.vocabularySize)
        for vector in document.termCounts {
            for (id, count) in zip(vector.ids, vector.weights) { frequency[Int(id)] += Int(count) }
        }
        // The `keywordCount` most frequent terms (ties: the lower id), kept in order by insertion.
        var top: [Int] = []
        top.reserveCapacity(keywordCount + 1)
        for id in frequency.indices where frequency[id] > 1 {
            if top.count == keywordCount, frequency[top[keywordCount - 1]] >= frequency[id] { continue }
            var slot = top.count
            while slot > 0 && frequency[top[slot - 1]] < frequency[id] { slot -= 1 }
            top.insert(id, at: slot)
            if top.count > keywordCount { top.removeLast() }
        }
        var isKeyword = [Bool](repeating: false, count: document.vocabularySize)
        for id in top { isKeyword[id] = true }
        return document.termCounts.map { vector in
            guard !vector.ids.isEmpty else { return 0 }
            var keywords = 0
            for id in vector.ids where isKeyword[Int(id)] { keywords += 1 }
            return Double(keywords) / Double(vector.ids.count)
        }
    }

    /// The mean article frequency of each sentence's content words (words, not distinct terms),
    /// scaled so that a word of average frequency scores 1.
    static func meanFrequencies(_ document: SummaryDocument) -> [Double] {
        var frequency = [Double](repeating: 0, count: document.vocabularySize)
        var total = 0.0
        for vector in document.termCounts {
            for (id, count) in zip(vector.ids, vector.weights) {
                frequency[Int(id)] += count
                total += count
            }
        }
        guard total > 0, document.vocabularySize > 0 else { return [Double](repeating: 0, count: document.count) }
        let average = total / Double(document.vocabularySize)
        return (0..<document.count).map { i in
            var sum = 0.0, words = 0
            for id in document.wordTerms(of: i) where id >= 0 {
                sum += frequency[Int(id)]
                words += 1
            }
            return words > 0 ? sum / Double(words) / average : 0
        }
    }

    /// Cosine of each sentence's tf-idf vector with the first sentence's.
    static func leadCosines(_ document: SummaryDocument) -> [Double] {
        guard let first = document.weighted.first else { return [] }
        var lead = [Double](repeating: 0, count: document.vocabularySize)
        for (id, weight) in zip(first.ids, first.weights) { lead[Int(id)] = weight }
        return document.weighted.map { vector in
            var dot = 0.0
            for (id, weight) in zip(vector.ids, vector.weights) { dot += weight * lead[Int(id)] }
            return dot
        }
    }

    /// Whether a line break comes before the sentence (spaces aside), or it starts the text.
    static func opensParagraph(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var index = start
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == 0x0A { return true }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
            index -= 1
        }
        return true
    }

    /// Whether a digit and whether a quotation mark occur in the range.
    static func marks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (digit: Bool, quote: Bool) {
        let digit = ByteSearch.firstDigit(in: bytes, from: range.lowerBound, limit: range.upperBound) < range.upperBound
        var quote = false
        var index = range.lowerBound
        while !quote {
            index = ByteSearch.first(0x22, 0xC2, 0xE2, in: bytes, from: index, limit: range.upperBound)
            guard index < range.upperBound else { break }
            let byte = bytes[index]
            if byte == 0x22 { quote = true }
            // « » (C2 AB, C2 BB) and “ ” (E2 80 9C, E2 80 9D)
            if byte == 0xC2, index + 1 < range.upperBound, bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB { quote = true }
            if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D {
                quote = true
            }
            index += 1
        }
        return (digit, quote)
    }
}
