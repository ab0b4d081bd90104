import Foundation

/// A trained named-entity tagger: weights, tags, the feature set it was trained with and where it
/// came from. Load one with ``NERModel/load(contentsOf:gazetteer:)`` (see ``NERModelFile``), tag with
/// ``tag(bytes:ranges:)``.
public struct NERModel: Sendable {
    /// What a model says about itself: stored in the model file's header.
    public struct Header: Codable, Sendable, Equatable {
        /// The tags, `O` first.
        public var tags: [String]
        /// The language of the training data (`fr`).
        public var language: String
        /// ``FeatureSet/signature`` of the code that trained the model.
        public var featureSignature: String
        /// log2 of the number of weight rows.
        public var rowBits: Int
        /// Integer units per weight unit.
        public var scale: Float
        /// How the model was trained.
        public var provenance: Provenance
    }

    /// How a model was trained: data, settings and the scores it reached.
    public struct Provenance: Codable, Sendable, Equatable {
        /// One training or development file.
        public struct Corpus: Codable, Sendable, Equatable {
            /// The file name as given to `textmine train ner` (directories stripped).
            public var file: String
            /// Which sentences were used (`all`, or `every 10th sentence held out`).
            public var selection: String
            public var sentences: Int
            public var tokens: Int

            public init(file: String, selection: String, sentences: Int, tokens: Int) {
                self.file = file
                self.selection = selection
                self.sentences = sentences
                self.tokens = tokens
            }
        }

        public var trainedOn: [Corpus]
        public var dev: Corpus?
        public var epochs: Int
        public var seed: UInt64
        /// Entity-level F1 on the development file after the last epoch.
        public var devF1: Double?
        /// Gazetteers the features were computed with (`built-in:fr`).
        public var gazetteers: [String]
        /// The licence the model's data imposes (`CC BY-NC-SA 4.0`), as the trainer declared it.
        public var license: String?
        /// How many perceptrons (seeds `seed`, `seed + 1`, …) were averaged.
        public var runs: Int?

        public init(trainedOn: [Corpus], dev: Corpus?, epochs: Int, seed: UInt64, devF1: Double?,
                    gazetteers: [String], license: String?, runs: Int? = nil) {
            self.trainedOn = trainedOn
            self.dev = dev
            self.epochs = epochs
            self.seed = seed
            self.devF1 = devF1
            self.gazetteers = gazetteers
            self.license = license
            self.runs = runs
        }
    }

    public private(set) var header: Header
    let weights: TaggerWeights
    let features: FeatureSet
    /// Tells this model from others, for the scores a ``TokenLexicon`` keeps.
    let identity = Identity()

    /// An object that only stands for its model.
    final class Identity: Sendable {}

    init(header: Header, weights: TaggerWeights, features: FeatureSet) {
        self.header = header
        self.weights = weights
        self.features = features
    }

    /// The tags the model assigns.
    public var labels: BIOLabels { weights.labels }

    /// The same model computing gazetteer features with another gazetteer (built-ins plus a user's).
    public func using(gazetteer: Gazetteer) -> NERModel {
        NERModel(header: header, weights: weights,
                 features: FeatureSet(rowBits: features.rowBits, gazetteer: gazetteer, lowercaseVocabulary: features.lowercaseVocabulary,
                                      clusters: features.clusters))
    }

    /// Reusable buffers for tagging; keep one per thread to tag many sentences without allocating.
    public struct Scratch: Sendable {
        var features = FeatureSet.Buffer()
        var path: [Int] = []
        var confidences: [Double] = []
        var workspace = TaggerWeights.Workspace()
        /// The forms seen so far, each analysed once.
        var lexicon = TokenLexicon()
        /// The form ids of the sentence being tagged, with the virtual ones around it.
        var paddedForms: [Int32] = []
        /// The tokens of ``tags(for:scratch:)``'s sentence, as form ids.
        var forms: [Int32] = []
        public init() {}

        /// The gazetteer marks of the sentence last tagged, one per token.
        var marks: [(begin: UInt8, inside: UInt8)] { features.marks }
    }

    /// One entity the tagger found: its tokens (indices into the ranges tagged), type and confidence.
    public struct Mention: Sendable, Equatable {
        public var tokens: Range<Int>
        public var type: String
        public var confidence: Double
    }

    /// Tags one sentence given as byte ranges of `bytes` (tokens, in order).
    public func tag(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, scratch: inout Scratch) -> [Mention] {
        guard !ranges.isEmpty else { return [] }
        tagIndices(bytes: bytes, ranges: ranges, scratch: &scratch)
        return mentions(scratch)
    }

    /// Tags one sentence whose tokens (byte ranges of `bytes`) are the forms `forms` of
    /// `scratch.lexicon` (see ``TokenLexicon/form(bytes:range:model:)``); the sentence's gazetteer
    /// marks are left in ``Scratch/marks``.
    func tag(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, forms: ArraySlice<Int32>,
             scratch: inout Scratch) -> [Mention] {
        precondition(ranges.count == forms.count, "a form for every token")
        guard !ranges.isEmpty else { return [] }
        scratch.features.attributes.removeAll(keepingCapacity: true)
        scratch.lexicon.attributes.withUnsafeBufferPointer { attributes in
            for id in forms { scratch.features.attributes.append(attributes[Int(id)]) }
        }
        features.gazetteer.annotate(bytes: bytes, ranges: ranges, attributes: scratch.features.attributes[...], into: &scratch.features.marks)
        guard labels.count <= TaggerWeights.vectorTags else {
            // Too many tags for score vectors: sum each token's feature rows instead.
            features.extractAnnotated(bytes: bytes, ranges: ranges, into: &scratch.features)
            weights.tag(scratch.features, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
            return mentions(scratch)
        }
        let classes = scratch.lexicon.classes
        let firstForm = forms.startIndex
        let capitals = features.pad(&scratch.features) { i, _ in classes[Int(forms[firstForm + i])] }
        scratch.paddedForms.removeAll(keepingCapacity: true)
        scratch.paddedForms.append(TokenLexicon.before2)
        scratch.paddedForms.append(TokenLexicon.before)
        scratch.paddedForms.append(contentsOf: forms)
        scratch.paddedForms.append(TokenLexicon.after)
        scratch.paddedForms.append(TokenLexicon.after2)
        let n = ranges.count, L = labels.count
        weights.reserveScores(tokens: n, in: &scratch.workspace)
        let buffer = scratch.features, paddedForms = scratch.paddedForms, formScores = scratch.lexicon.scores
        scratch.workspace.scores.withUnsafeMutableBufferPointer { scores in
            weights.emission.withUnsafeBytes { emission in
                buffer.withPadded { padded, marks, classes, casings in
                    paddedForms.withUnsafeBufferPointer { paddedForms in
                        formScores.withUnsafeBufferPointer { formScores in
                            let lanes = formScores.baseAddress!, f = paddedForms.baseAddress!
                            @inline(__always) func part(_ id: Int32, _ offset: Int) -> UnsafePointer<Int32> {
                                lanes + (Int(id) &* FormScores.stride &+ offset)
                            }
                            for i in 0..<n {
                                // Entries i ... i + 4 are the tokens i - 2 ... i + 2.
                                var token = ScoreLanes()
                                token.add(part(f[i + 2], FormScores.token))
                                token.add(part(f[i + 1], FormScores.toNext))
                                token.add(part(f[i], FormScores.toNext2))
                                token.add(part(f[i + 3], FormScores.toPrevious))
                                token.add(part(f[i + 4], FormScores.toPrevious2))
                                var sink = ContextScoreSink(weights: emission.baseAddress!, rowBytes: 2 * L, lanes: token)
                                features.extract(padded + i, marks + i, classes + i, casings + i, capitals: capitals, bytes: bytes,
                                                 range: ranges[ranges.startIndex + i], into: &sink)
                                sink.lanes.store(to: scores.baseAddress! + i &* L)
                            }
                        }
                    }
                }
            }
        }
        weights.decode(tokens: n, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
        return mentions(scratch)
    }

    /// The summed weights of the features a form gives itself and its neighbours (see ``FormScores``).
    func formScores(_ form: TokenAttributes, _ wordClass: (fine: UInt16, coarse: UInt16),
                    bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> FormScores {
        guard labels.count <= TaggerWeights.vectorTags else { return FormScores() }
        // The form in every place of the window: each scope reads it where it looks.
        return withUnsafeTemporaryAllocation(of: TokenAttributes.self, capacity: 5) { window in
            withUnsafeTemporaryAllocation(of: (fine: UInt16, coarse: UInt16).self, capacity: 5) { classes in
                withUnsafeTemporaryAllocation(of: (begin: UInt8, inside: UInt8).self, capacity: 5) { marks in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 5) { casings in
                        window.initialize(repeating: form)
                        classes.initialize(repeating: wordClass)
                        marks.initialize(repeating: (0, 0))
                        casings.initialize(repeating: 0)
                        return weights.emission.withUnsafeBytes { emission in
                            var sink = FormScoreSink(weights: emission.baseAddress!, rowBytes: 2 * labels.count)
                            features.extract(window.baseAddress!, marks.baseAddress!, classes.baseAddress!, casings.baseAddress!,
                                             capitals: 0, bytes: bytes, range: range, into: &sink)
                            return sink.scores
                        }
                    }
                }
            }
        }
    }

    private func mentions(_ scratch: Scratch) -> [Mention] {        var mentions: [Mention] = []
        var i = 0
        let path = scratch.path
        while i < path.count {
            let tag = path[i]
            guard let type = BIOLabels.typeIndex(tag) else {
                i += 1
                continue
            }
            var end = i + 1
            while end < path.count && BIOLabels.isInside(path[end]) && BIOLabels.typeIndex(path[end]) == type { end += 1 }
            var confidence = 0.0
            for k in i..<end { confidence += scratch.confidences[k] }
            mentions.append(Mention(tokens: i..<end, type: labels.types[type], confidence: confidence / Double(end - i)))
            i = end
        }
        return mentions
    }

    /// Tags one sentence of string tokens, returning IOB2 tags.
    public func tags(for tokens: [String], scratch: inout Scratch) -> [String] {
        let sentence = TaggedSentence(tokens: tokens, tags: tokens.map { _ in "O" })
        let (bytes, ranges) = sentence.utf8WithRanges
        bytes.withUnsafeBufferPointer { tagIndices(bytes: $0, ranges: ranges[...], scratch: &scratch) }
        return scratch.path.map { labels.tags[$0] }
    }

    private func tagIndices(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, scratch: inout Scratch) {
        scratch.lexicon.prepare(for: self)
        scratch.forms.removeAll(keepingCapacity: true)
        for range in ranges { scratch.forms.append(scratch.lexicon.form(bytes: bytes, range: range, model: self)) }
        let forms = scratch.forms
        _ = tag(bytes: bytes, ranges: ranges, forms: forms[...], scratch: &scratch)
    }
}
