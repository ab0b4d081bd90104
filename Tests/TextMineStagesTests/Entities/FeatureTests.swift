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
            // The tokens' own folded hashes start names the same way.
            let attributes = bytes.withUnsafeBufferPointer { b in ranges.map { TokenAttributes(bytes: b, range: $0) } }
            var shared: [(begin: UInt8, inside: UInt8)] = []
            bytes.withUnsafeBufferPointer { gazetteer.annotate(bytes: $0, ranges: ranges[...], attributes: attributes[...], into: &shared) }
            #expect(shared.map(\.begin) == marks.map(\.begin) && shared.map(\.inside) == marks.map(\.inside), "\(tokens)")
        }
    }

    @Test("each token gets its features, and the same sentence always the same ones")
    func featureRows() {
        let features = FeatureSet(rowBits: 16, gazetteer: Gazetteer(), lowercaseVocabulary: [], clusters: .empty)
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

@Suite("tagger scores from the token lexicon")
struct TokenLexiconTests {
    /// The scores of every token, summed from its feature rows (the training path).
    private func rowScores(_ model: NERModel, _ bytes: [UInt8], _ ranges: [Range<Int>]) -> [Int32] {
        var scratch = NERModel.Scratch()
        bytes.withUnsafeBufferPointer { b in
            model.features.extract(bytes: b, ranges: ranges[...], into: &scratch.features)
            model.weights.tag(scratch.features, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
        }
        return Array(scratch.workspace.scores[0..<(ranges.count * model.labels.count)])
    }

    @Test("scores built from each form's cached part equal the sums of every feature row, token by token")
    func sameScores() throws {
        let model = try NERModel.load(contentsOf: NERModel.builtInPath(language: "fr"), gazetteers: [])
        let sentences = [
            ["Le", "président", "russe", "Vladimir", "Poutine", "a", "rencontré", "M.", "Blinken", "à", "Genève", "."],
            ["«", "Les", "États-Unis", "et", "l’", "OTAN", "»", ",", "a", "dit", "le", "porte-parole", "du", "Kremlin", "."],
            ["1.200", "soldats", "—", "selon", "l'", "AFP", "—", "ont", "quitté", "Saint-Pétersbourg", "le", "12", "mars"],
            ["Paris"], ["Paris", "Paris"], ["œuvre", "Œuvre", "ŒUVRE", "x", "", "\u{A0}", "a b"],
        ]
        var scratch = NERModel.Scratch()
        scratch.lexicon.prepare(for: model)
        // Twice: the second time, every pair's scores come from the pair cache.
        for tokens in sentences + sentences {
            let (bytes, ranges) = TaggedSentence(tokens: tokens, tags: tokens.map { _ in "O" }).utf8WithRanges
            let expected = rowScores(model, bytes, ranges)
            let forms = bytes.withUnsafeBufferPointer { b in ranges.map { scratch.lexicon.form(bytes: b, range: $0, model: model) } }
            _ = bytes.withUnsafeBufferPointer { model.tag(bytes: $0, ranges: ranges[...], forms: forms[...], scratch: &scratch) }
            let scores = Array(scratch.workspace.scores[0..<(ranges.count * model.labels.count)])
            #expect(scores == expected, "\(tokens)")
        }
        // One entry per distinct spelling, the four virtual tokens first.
        let distinct = Set(sentences.joined())
        #expect(scratch.lexicon.count == 4 + distinct.count)
    }

    @Test("a lexicon used with another model starts afresh")
    func anotherModel() throws {
        let french = try NERModel.load(contentsOf: NERModel.builtInPath(language: "fr"), gazetteers: [])
        let english = try NERModel.load(contentsOf: NERModel.builtInPath(language: "en"), gazetteers: [])
        var scratch = NERModel.Scratch()
        let tokens = ["President", "Biden", "met", "Olaf", "Scholz", "in", "Berlin", "."]
        _ = french.tags(for: tokens, scratch: &scratch)
        var fresh = NERModel.Scratch()
        #expect(english.tags(for: tokens, scratch: &scratch) == english.tags(for: tokens, scratch: &fresh))
    }
}

@Suite("gazetteer lookups and decoding")
struct GazetteerLookupTests {
    @Test("a token's categories are looked up from its bytes, ignoring case and accents")
    func bytesLookup() {
        var gazetteer = Gazetteer()
        gazetteer.add("Kremlin", .organization)
        gazetteer.add("Washington", .location)
        gazetteer.add("Washington", .person)
        gazetteer.add("président", .personTitle)
        let text = Array("le KREMLIN, Washington et le President".utf8)
        func bits(_ word: String) -> UInt8 {
            let start = text.firstRange(of: Array(word.utf8))!.lowerBound
            return text.withUnsafeBufferPointer { gazetteer.bits(bytes: $0, range: start..<(start + word.utf8.count)) }
        }
        #expect(bits("KREMLIN") == Gazetteer.Category.organization.bit)
        #expect(bits("Washington") == Gazetteer.Category.location.bit | Gazetteer.Category.person.bit)
        #expect(bits("President") == Gazetteer.Category.personTitle.bit)
        #expect(bits("le") == 0)
        #expect(Gazetteer.hasEntityLabel(bits("Washington")) && !Gazetteer.hasEntityLabel(bits("President")))
    }

    @Test("decoding never starts an entity with I- nor continues another type")
    func viterbiConstraints() {
        let labels = BIOLabels(types: ["LOC", "PER"])
        let L = labels.count
        // Emissions prefer I-PER everywhere, then I-LOC: only B-PER I-PER I-PER is allowed.
        var emissions = [Double](repeating: 0, count: 3 * L)
        let bPER = labels.index(of: "B-PER")!, iPER = labels.index(of: "I-PER")!, iLOC = labels.index(of: "I-LOC")!
        for i in 0..<3 {
            emissions[i * L + iPER] = 10
            emissions[i * L + iLOC] = 9
            emissions[i * L + bPER] = 1
        }
        var path: [Int] = [], lattice: [Double] = []
        emissions.withUnsafeBufferPointer {
            Viterbi.decode(n: 3, emissions: $0, transitions: [Double](repeating: 0, count: L * L), start: [Double](repeating: 0, count: L),
                           labels: labels, into: &path, lattice: &lattice)
        }
        #expect(path.map { labels.tags[$0] } == ["B-PER", "I-PER", "I-PER"])
        emissions.withUnsafeBufferPointer {
            Viterbi.decode(n: 1, emissions: $0, transitions: [Double](repeating: 0, count: L * L), start: [Double](repeating: 0, count: L),
                           labels: labels, into: &path, lattice: &lattice)
        }
        #expect(path.map { labels.tags[$0] } == ["B-PER"])
    }

    @Test("decoding all tags of a token at once gives the scalar decoder's path")
    func viterbiLanes() throws {
        let model = try NERModel.load(contentsOf: NERModel.builtInPath(language: "fr"), gazetteers: [])
        let weights = model.weights, L = weights.labels.count
        var generator = SystemRandomNumberGenerator()
        var scalarPath: [Int] = [], lanePath: [Int] = [], lattice: [Int32] = [], laneLattice: [Int32] = []
        for n in [1, 2, 3, 7, 40] {
            for _ in 0..<50 {
                // Scores of the size emission sums reach, with many ties.
                let emissions = (0..<(n * L + TaggerWeights.vectorTags)).map { _ in Int32.random(in: -8...8, using: &generator) * 40_000 }
                emissions.withUnsafeBufferPointer { e in
                    Viterbi.decode(n: n, emissions: e, transitions: weights.transitions, start: weights.start, labels: weights.labels,
                                   into: &scalarPath, lattice: &lattice)
                    Viterbi.decodeLanes(n: n, emissions: e.baseAddress!, incoming: weights.laneTransitions, transitions: weights.transitions,
                                        start: weights.start, labels: weights.labels, into: &lanePath, lattice: &laneLattice)
                }
                #expect(lanePath == scalarPath)
            }
        }
    }
}
