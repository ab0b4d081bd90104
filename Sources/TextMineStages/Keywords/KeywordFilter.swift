/// Lone words a journalist would not keep as key phrases, told apart by their shape and
/// neighbours alone (no part-of-speech tagger).
enum KeywordFilter {
    /// Whether a candidate is a single word that is not a key phrase on its own:
    /// - one of `loneWords`, the language pack's (`lundi`, `Tuesday`, `non`, `nouvelle`, `deux`);
    /// - a lowercase word that follows a lowercase content word directly in at least two thirds of
    ///   its occurrences, the place of a French adjective after its noun (`russe` in `président
    ///   russe`, `demandes russes`; a verb after a name, `Russie réclame`, stays);
    /// - when the article's entities are tagged (and the candidate is no entity mention), a
    ///   capitalised word seen once that is no acronym: the fragment of a longer name or title
    ///   (`Etat` of `secrétaire d'Etat`, `Affaires` of `Affaires étrangères`).
    static func isWeak(_ occurrences: ArraySlice<ClosedRange<Int>>, words: [KeywordWord], hasEntities: Bool,
                       loneWords: LoneWords = .none) -> Bool {
        guard let first = occurrences.first, first.lowerBound == first.upperBound else { return false }
        if loneWords.contains(key: words[first.lowerBound].key) { return true }
        var capitalised = false, acronym = false, afterContent = 0
        for occurrence in occurrences {
            let index = occurrence.lowerBound
            let word = words[index]
            if word.startsUpper && !word.isSentenceStart { capitalised = true }
            if word.isAcronym { acronym = true }
            let previous = index > 0 ? words[index - 1] : word
            if index > 0, word.joinsPrevious, previous.sentence == word.sentence, previous.isContent, !previous.startsUpper {
                afterContent += 1
            }
        }
        if !capitalised { return afterContent * 3 >= occurrences.count * 2 }
        // A name the tagger missed comes back; a fragment of a title is usually seen once.
        return hasEntities && !acronym && occurrences.count == 1
    }
}
