import Testing
import TextMineCore

@Suite("Suggestion and edit distances")
struct SuggestionTests {
    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test("a swap of two neighbouring letters is one edit for did-you-mean, two for Levenshtein")
    func transpositions() {
        #expect(EditDistance.optimalStringAlignment(scalars("wiht"), scalars("with")) == 1)
        #expect(EditDistance.levenshtein(scalars("wiht"), scalars("with")) == 2)
    }

    @Test("insertions, deletions and substitutions count one each, over Unicode scalars")
    func basicEdits() {
        #expect(EditDistance.levenshtein(scalars("Bliken"), scalars("Blinken")) == 1)
        #expect(EditDistance.levenshtein(scalars("Etats"), scalars("États")) == 1)
        #expect(EditDistance.optimalStringAlignment(scalars(""), scalars("abc")) == 3)
        #expect(EditDistance.levenshtein(scalars("abc"), scalars("")) == 3)
        #expect(EditDistance.levenshtein(scalars("kitten"), scalars("sitting")) == 3)
    }

    @Test("the closest candidate is suggested only when it is a plausible typo")
    func closestCandidate() {
        let stages = ["sentences", "tokens", "entities", "summarize"]
        #expect(Suggestion.closest(to: "sentneces", in: stages) == "sentences")
        #expect(Suggestion.closest(to: "Tokens", in: stages) == "tokens")
        #expect(Suggestion.closest(to: "xyz", in: stages) == nil)
    }
}
