import Foundation

/// YAKE's per-word features (Campos et al., 2020) for the content words of one article, and the
/// word score they combine into (lower means more important):
///
/// `S(w) = relatedness · position / (casing + frequency / relatedness + spread / relatedness)`
///
/// - casing: how often the word is capitalised away from a sentence start, or an acronym;
/// - position: `ln(ln(3 + median sentence index))`, early words matter more;
/// - frequency: the count over the mean plus one standard deviation of all content words' counts;
/// - relatedness: `1 + (distinct left neighbours / left neighbours + same on the right) · count / max count`,
///   words that sit next to many different words behave like function words;
/// - spread: the share of sentences that contain the word.
struct WordStatistics {
    /// The score of each word of the text, by index in ``KeywordText/words`` (1 for words that are
    /// not content words).
    let wordScores: [Double]

    init(text: KeywordText) {
        struct Counts {
            var count = 0, capitalised = 0, acronyms = 0, sentences = 0, lastSentence = -1
            var leftTotal = 0, leftDistinct = 0, rightTotal = 0, rightDistinct = 0
            /// The sentence of the middle occurrence (sentences only grow along the text).
            var medianSentence = 0
        }
        let words = text.words
        // Dense ids of the content words' term keys, in order of first occurrence.
        // Tables start at the size a news article needs and grow (see ``PhraseCandidates``).
        var ids = TermTable(capacity: min(words.count / 2, PhraseCandidates.initialTableSize))
        var idOfWord = [Int32](repeating: -1, count: words.count)
        for index in words.indices where words[index].isContent {
            idOfWord[index] = ids.id(for: words[index].key)
        }
        var counts = [Counts](repeating: Counts(), count: ids.count)
        var pairs = KeySet(capacity: min(words.count, PhraseCandidates.initialTableSize))
        counts.withUnsafeMutableBufferPointer { counts in
            for (index, word) in words.enumerated() where word.isContent {
                let id = Int(idOfWord[index])
                counts[id].count += 1
                if word.startsUpper && !word.isSentenceStart { counts[id].capitalised += 1 }
                if word.isAcronym { counts[id].acronyms += 1 }
                if counts[id].lastSentence != word.sentence {
                    counts[id].sentences += 1
                    counts[id].lastSentence = word.sentence
                }
                if index > 0 && words[index - 1].sentence == word.sentence {
                    counts[id].leftTotal += 1
                    if pairs.insert(word.key &* 31 ^ words[index - 1].key) { counts[id].leftDistinct += 1 }
                }
                if index + 1 < words.count && words[index + 1].sentence == word.sentence {
                    counts[id].rightTotal += 1
                    if pairs.insert(word.key &* 37 ^ words[index + 1].key ^ 0x5555) { counts[id].rightDistinct += 1 }
                }
            }
            // The median occurrence of each word is its (count / 2)-th, counting from 0.
            var seen = [Int](repeating: 0, count: counts.count)
            for (index, word) in words.enumerated() where word.isContent {
                let id = Int(idOfWord[index])
                if seen[id] == counts[id].count / 2 { counts[id].medianSentence = word.sentence }
                seen[id] += 1
            }
        }
        // Sums run in first-occurrence order, so scores are the same on every run.
        let frequencies = counts.map { Double($0.count) }
        let mean = frequencies.isEmpty ? 0 : frequencies.reduce(0, +) / Double(frequencies.count)
        let variance = frequencies.isEmpty ? 0 : frequencies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(frequencies.count)
        let maxCount = frequencies.max() ?? 1
        let sentenceCount = Double(max(text.sentenceCount, 1))
        // Logarithms of small whole numbers recur: each is computed once.
        let logOfCount = (0...Int(maxCount)).map { log(Double($0)) }
        let positionOfSentence = (0..<max(text.sentenceCount, 1)).map { log(log(3 + Double($0))) }
        let scoreByID = counts.map { c in
            let count = Double(c.count)
            let casing = Double(max(c.capitalised, c.acronyms)) / (1 + logOfCount[c.count])
            let position = positionOfSentence[c.medianSentence]
            let frequency = count / (mean + variance.squareRoot())
            let left = c.leftTotal > 0 ? Double(c.leftDistinct) / Double(c.leftTotal) : 0
            let right = c.rightTotal > 0 ? Double(c.rightDistinct) / Double(c.rightTotal) : 0
            let relatedness = 1 + (left + right) * count / maxCount
            let spread = Double(c.sentences) / sentenceCount
            return relatedness * position / (casing + frequency / relatedness + spread / relatedness)
        }
        wordScores = idOfWord.map { $0 >= 0 ? scoreByID[Int($0)] : 1 }
    }
}
