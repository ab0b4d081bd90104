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
    public struct Scratch {
        var features = FeatureSet.Buffer()
        var path: [Int] = []
        var confidences: [Double] = []
        var workspace = TaggerWeights.Workspace()
        public init() {}
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

    /// Tags one sentence like ``tag(bytes:ranges:scratch:)``, given its tokens' attributes and
    /// gazetteer marks, which the caller has computed anyway.
    func tag(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, attributes: ArraySlice<TokenAttributes>,
             marks: [(begin: UInt8, inside: UInt8)], scratch: inout Scratch) -> [Mention] {
        guard !ranges.isEmpty else { return [] }
        scratch.features.attributes.removeAll(keepingCapacity: true)
        scratch.features.attributes.append(contentsOf: attributes)
        scratch.features.marks.removeAll(keepingCapacity: true)
        scratch.features.marks.append(contentsOf: marks)
        features.extractAnnotated(bytes: bytes, ranges: ranges, into: &scratch.features)
        weights.tag(scratch.features, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
        return mentions(scratch)
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
        features.extract(bytes: bytes, ranges: ranges, into: &scratch.features)
        weights.tag(scratch.features, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
    }
}
