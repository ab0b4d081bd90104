import Testing
@testable import TextMineStages

@Suite("tagger features")
struct FeatureTests {
    private func attributes(_ word: String) -> TokenAttributes {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { TokenAttributes(bytes: $0, range: 0..<bytes.count) }
    }

    @Test("capitalisation, case folding and accent folding are computed from UTF-8 bytes")
    func casing() {
        let etats = attributes("États-Unis"), folded = attributes("etats-unis")
        #expect(etats.flags.contains([.capitalized, .hasHyphen]) && !etats.flags.contains(.innerCap))
        #expect(attributes("McDonald").flags.contains(.innerCap))
        #expect(etats.lower == attributes("états-unis").lower)
        #expect(etats.folded == folded.folded)
        #expect(etats.shortShape == attributes("Élysée-Palace").shortShape)
        #expect(attributes("OTAN").flags.contains(.allCaps))
        #expect(attributes("M.").flags.contains(.endsWithPeriod))
        #expect(attributes("l’").flags.contains(.elision))
        #expect(attributes("l’").folded == attributes("l'").folded)
        #expect(attributes("«").flags.contains(.punctuation))
    }

    @Test("gazetteer names match whatever the tokenization, ignoring case and accents")
    func gazetteerMatching() {
        var gazetteer = Gazetteer()
        gazetteer.add("États-Unis", .location)
        gazetteer.add("Côte d'Ivoire", .location)
        for tokens in [["les", "Etats", "-", "Unis"], ["les", "États-Unis"], ["la", "Côte", "d’", "Ivoire"], ["la", "côte", "d'Ivoire"]] {
            let sentence = TaggedSentence(tokens: tokens, tags: tokens.map { _ in "O" })
            let (bytes, ranges) = sentence.utf8WithRanges
            var marks: [(begin: UInt8, inside: UInt8)] = []
            bytes.withUnsafeBufferPointer { gazetteer.annotate(bytes: $0, ranges: ranges[...], into: &marks) }
            #expect(marks[0].begin == 0 && marks[1].begin == Gazetteer.Category.location.bit, "\(tokens)")
            #expect(marks.dropFirst(2).allSatisfy { $0.inside == Gazetteer.Category.location.bit }, "\(tokens)")
        }
    }

    @Test("each token gets its features, and the same sentence always the same ones")
    func featureRows() {
        let features = FeatureSet(rowBits: 16, gazetteer: Gazetteer(), lowercaseVocabulary: [])
        let sentence = TaggedSentence(tokens: ["Le", "président", "Macron"], tags: ["O", "O", "B-PER"])
        let (bytes, ranges) = sentence.utf8WithRanges
        var first = FeatureSet.Buffer(), second = FeatureSet.Buffer()
        bytes.withUnsafeBufferPointer { features.extract(bytes: $0, ranges: ranges[...], into: &first) }
        bytes.withUnsafeBufferPointer { features.extract(bytes: $0, ranges: ranges[...], into: &second) }
        #expect(first.count == 3)
        #expect(first.rows == second.rows)
        #expect(first.rows.allSatisfy { $0 >= 0 && $0 < 1 << 16 })
    }
}
