/// The candidate key phrases of an article: runs of up to `maxWords` content words, possibly linked
/// by connectors (`de`, `du`, `des`, `l’`, `of`…), that start and end with a content word, stay in
/// one sentence and cross no punctuation. Occurrences of the same normalised phrase are grouped.
struct PhraseCandidates {
    /// One distinct phrase.
    struct Candidate {
        /// The normalised keys of its content words.
        var contentKeys: [UInt64]
        /// Whether its content words are capitalised at some occurrence not at a sentence start.
        var isName: Bool
        /// Each occurrence: the indexes of its first and last words in ``KeywordText/words``.
        var occurrences: [ClosedRange<Int>]
    }

    /// The candidates, in order of first occurrence: single words, names (capitalised content words
    /// away from a sentence start: `Antony Blinken`), and other phrases that occur at least
    /// ``minPhraseOccurrences`` times (a run of words seen once is rarely a unit: `Kremlin estime`).
    let candidates: [Candidate]

    /// How often a multi-word phrase must occur to be a candidate.
    static let minPhraseOccurrences = 2

    /// The most connector words in a row inside a phrase (`de la`, `of the`).
    static let maxConnectorRun = 2

    init(text: KeywordText, maxWords: Int) {
        var byKey: [UInt64: Int] = [:]
        var candidates: [Candidate] = []
        let words = text.words
        for start in words.indices where words[start].isContent {
            var phraseKey = words[start].key
            var contentKeys = [words[start].key]
            var connectorRun = 0
            var end = start
            while true {
                if connectorRun == 0 {
                    let isName = !words[start].isSentenceStart
                        && words[start...end].allSatisfy { !$0.isContent || $0.startsUpper }
                    if let index = byKey[phraseKey] {
                        candidates[index].occurrences.append(start...end)
                        candidates[index].isName = candidates[index].isName || isName
                    } else {
                        byKey[phraseKey] = candidates.count
                        candidates.append(Candidate(contentKeys: contentKeys, isName: isName, occurrences: [start...end]))
                    }
                }
                let next = end + 1
                guard next < words.count, words[next].joinsPrevious, words[next].sentence == words[start].sentence else { break }
                let word = words[next]
                if word.isContent {
                    guard contentKeys.count < maxWords else { break }
                    contentKeys.append(word.key)
                    connectorRun = 0
                } else if word.isConnector && connectorRun < Self.maxConnectorRun {
                    connectorRun += 1
                } else {
                    break
                }
                phraseKey = phraseKey &* 0x100_0000_01B3 ^ word.key
                end = next
            }
        }
        self.candidates = candidates.filter {
            $0.contentKeys.count == 1 || $0.isName || $0.occurrences.count >= Self.minPhraseOccurrences
        }
    }
}
