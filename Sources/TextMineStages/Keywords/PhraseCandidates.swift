/// The candidate key phrases of an article: runs of up to `maxWords` content words, possibly linked
/// by connectors (`de`, `du`, `des`, `l’`, `of`…), that start and end with a content word, stay in
/// one sentence and cross no punctuation. Occurrences of the same normalised phrase are grouped.
///
/// Built in one pass without an allocation per phrase: phrases get dense ids from a ``TermTable``
/// and every occurrence lands in one flat array, grouped by candidate at the end.
struct PhraseCandidates {
    /// One distinct phrase.
    struct Candidate {
        /// Whether its content words are capitalised at some occurrence not at a sentence start.
        var isName: Bool
        /// Where its occurrences are in ``PhraseCandidates/occurrences``.
        var occurrenceIndexes: Range<Int>
    }

    /// The candidates, in order of first occurrence: single words, names (capitalised content words
    /// away from a sentence start: `Antony Blinken`), and other phrases that occur at least
    /// ``minPhraseOccurrences`` times (a run of words seen once is rarely a unit: `Kremlin estime`).
    let candidates: [Candidate]

    /// Every occurrence of the candidates as the indexes of its first and last words in
    /// ``KeywordText/words``, grouped by candidate, each group in text order.
    let occurrences: [ClosedRange<Int>]

    /// How often a multi-word phrase must occur to be a candidate.
    static let minPhraseOccurrences = 2

    /// The most distinct phrases the tables are first sized for.
    static let initialTableSize = 1 << 14

    /// The most connector words in a row inside a phrase (`de la`, `of the`).
    static let maxConnectorRun = 2

    /// The occurrences of one candidate, in text order.
    func occurrences(of candidate: Candidate) -> ArraySlice<ClosedRange<Int>> {
        occurrences[candidate.occurrenceIndexes]
    }

    init(text: KeywordText, maxWords: Int) {
        struct Phrase {
            var isName: Bool
            var count: Int
            var contentWords: Int
        }
        /// An occurrence: the phrase's id and its first and last words (32 bits each: an article
        /// has fewer than 2^32 words, see ``KeywordWord/maxTextBytes``).
        struct Found {
            var phrase: Int32
            var first: UInt32
            var last: UInt32
        }
        let words = text.words
        // Tables start at the size a news article needs and grow; sized on the word count, a
        // huge article's repetitive text would reserve hundreds of megabytes it never fills.
        let tableSize = min(words.count, Self.initialTableSize)
        var ids = TermTable(capacity: tableSize)
        var phrases: [Phrase] = []
        phrases.reserveCapacity(tableSize)
        var found: [Found] = []
        found.reserveCapacity(words.count * 2)
        for start in words.indices where words[start].isContent {
            var phraseKey = words[start].key
            var contentWords = 1
            var connectorRun = 0
            var end = start
            // Whether every content word so far is capitalised, away from a sentence start.
            var isName = !words[start].isSentenceStart && words[start].startsUpper
            while true {
                if connectorRun == 0 {
                    let id = ids.id(for: phraseKey)
                    if Int(id) == phrases.count {
                        phrases.append(Phrase(isName: isName, count: 1, contentWords: contentWords))
                    } else {
                        phrases[Int(id)].count += 1
                        phrases[Int(id)].isName = phrases[Int(id)].isName || isName
                    }
                    found.append(Found(phrase: id, first: UInt32(truncatingIfNeeded: start), last: UInt32(truncatingIfNeeded: end)))
                }
                let next = end + 1
                guard next < words.count, words[next].joinsPrevious, words[next].sentence == words[start].sentence else { break }
                let word = words[next]
                if word.isContent {
                    guard contentWords < maxWords else { break }
                    contentWords += 1
                    connectorRun = 0
                    isName = isName && word.startsUpper
                } else if word.isConnector && connectorRun < Self.maxConnectorRun {
                    connectorRun += 1
                } else {
                    break
                }
                phraseKey = phraseKey &* 0x100_0000_01B3 ^ word.key
                end = next
            }
        }

        // Kept phrases get consecutive slots in `occurrences`, in order of first occurrence.
        var candidates: [Candidate] = []
        candidates.reserveCapacity(phrases.count)
        var slotOfPhrase = [Int](repeating: -1, count: phrases.count)
        var total = 0
        for (id, phrase) in phrases.enumerated()
        where phrase.contentWords == 1 || phrase.isName || phrase.count >= Self.minPhraseOccurrences {
            slotOfPhrase[id] = candidates.count
            candidates.append(Candidate(isName: phrase.isName, occurrenceIndexes: total..<total + phrase.count))
            total += phrase.count
        }
        var next = candidates.map(\.occurrenceIndexes.lowerBound)
        var occurrences = [ClosedRange<Int>](repeating: 0...0, count: total)
        for occurrence in found {
            let slot = slotOfPhrase[Int(occurrence.phrase)]
            guard slot >= 0 else { continue }
            occurrences[next[slot]] = Int(occurrence.first)...Int(occurrence.last)
            next[slot] += 1
        }
        self.candidates = candidates
        self.occurrences = occurrences
    }
}
