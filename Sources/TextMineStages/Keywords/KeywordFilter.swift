/// Lone words a journalist would not keep as key phrases, told apart by their shape and
/// neighbours alone (no part-of-speech tagger).
enum KeywordFilter {
    /// Whether a candidate is a single word that is not a key phrase on its own:
    /// - a lowercase word that mostly follows another content word directly, the place of a French
    ///   adjective after its noun (`russe` in `président russe`, `demandes russes`);
    /// - when the article's entities are tagged (and the candidate is no entity mention), a
    ///   capitalised word that is no acronym: the fragment of a longer name or title (`Etat` of
    ///   `secrétaire d'Etat`, `Affaires` of `Affaires étrangères`).
    static func isWeak(_ occurrences: ArraySlice<ClosedRange<Int>>, words: [KeywordWord], hasEntities: Bool) -> Bool {
        guard let first = occurrences.first, first.lowerBound == first.upperBound else { return false }
        var capitalised = false, acronym = false, afterContent = 0
        for occurrence in occurrences {
            let index = occurrence.lowerBound
            let word = words[index]
            if word.startsUpper && !word.isSentenceStart { capitalised = true }
            if word.isAcronym { acronym = true }
            if index > 0, word.joinsPrevious, words[index - 1].sentence == word.sentence, words[index - 1].isContent {
                afterContent += 1
            }
        }
        if !capitalised { return afterContent * 2 >= occurrences.count }
        return hasEntities && !acronym
    }
}
