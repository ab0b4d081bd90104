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
    /// Dense ids of the content words' term keys.
    private let ids: TermTable
    /// The score of each content word, by dense id.
    private let scoreByID: [Double]

    /// The score of a content word's term key, if the word occurs.
    func score(of key: UInt64) -> Double? {
        ids.existingID(for: key).map { scoreByID[Int($0)] }
    }

    init(text: KeywordText) {
        struct Counts {
            var count = 0, capitalised = 0, acronyms = 0, sentences = 0, lastSentence = -1
            var leftTotal = 0, leftDistinct = 0, rightTotal = 0, rightDistinct = 0
            /// The sentence of the middle occurrence (sentences only grow along the text).
            var medianSentence = 0
        }
        var ids = TermTable()
        var counts: [Counts] = []
        var pairs = TermTable(capacity: text.words.count * 2)
        let words = text.words
        for (index, word) in words.enumerated() where word.isContent {
            let id = Int(ids.id(for: word.key))
            if id == counts.count { counts.append(Counts()) }
            counts[id].count += 1
            if word.startsUpper && !word.isSentenceStart { counts[id].capitalised += 1 }
            if word.isAcronym { counts[id].acronyms += 1 }
            if counts[id].lastSentence != word.sentence {
                counts[id].sentences += 1
                counts[id].lastSentence = word.sentence
            }
            if index > 0 && words[index - 1].sentence == word.sentence {
                counts[id].leftTotal += 1
                if Self.insert(word.key &* 31 ^ words[index - 1].key, into: &pairs) { counts[id].leftDistinct += 1 }
            }
            if index + 1 < words.count && words[index + 1].sentence == word.sentence {
                counts[id].rightTotal += 1
                if Self.insert(word.key &* 37 ^ words[index + 1].key ^ 0x5555, into: &pairs) { counts[id].rightDistinct += 1 }
            }
        }
        // The median occurrence of each word is its (count / 2)-th, counting from 0.
        var seen = [Int](repeating: 0, count: counts.count)
        for word in words where word.isContent {
            let id = Int(ids.existingID(for: word.key)!)
            if seen[id] == counts[id].count / 2 { counts[id].medianSentence = word.sentence }
            seen[id] += 1
        }
        // Sums run in first-occurrence order, so scores are the same on every run.
        let frequencies = counts.map { Double($0.count) }
        let mean = frequencies.isEmpty ? 0 : frequencies.reduce(0, +) / Double(frequencies.count)
        let variance = frequencies.isEmpty ? 0 : frequencies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(frequencies.count)
        let maxCount = frequencies.max() ?? 1
        let sentenceCount = Double(max(text.sentenceCount, 1))
        scoreByID = counts.map { c in
            let count = Double(c.count)
            let casing = Double(max(c.capitalised, c.acronyms)) / (1 + log(count))
            let position = log(log(3 + Double(c.medianSentence)))
            let frequency = count / (mean + variance.squareRoot())
            let left = c.leftTotal > 0 ? Double(c.leftDistinct) / Double(c.leftTotal) : 0
            let right = c.rightTotal > 0 ? Double(c.rightDistinct) / Double(c.rightTotal) : 0
            let relatedness = 1 + (left + right) * count / maxCount
            let spread = Double(c.sentences) / sentenceCount
            return relatedness * position / (casing + frequency / relatedness + spread / relatedness)
        }
        self.ids = ids
    }

    /// Adds a neighbour-pair key to `pairs`; true when it was not there yet.
    @inline(__always)
    private static func insert(_ key: UInt64, into pairs: inout TermTable) -> Bool {
        let before = pairs.count
        _ = pairs.id(for: key)
        return pairs.count > before
    }
}
