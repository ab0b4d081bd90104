import Foundation

/// A trained named-entity tagger: weights, tags, the feature set it was trained with and where it
/// came from. Load one with ``NERModel/load(contentsOf:gazetteer:)`` (see ``NERModelFile``), tag with
/// ``tag(bytes:ranges:)``.
package struct NERModel: Sendable {
    /// What a model says about itself: stored in the model file's header.
    package struct Header: Codable, Sendable, Equatable {
        /// The tags, `O` first.
        package var tags: [String]
        /// The language of the training data (`fr`).
        package var language: String
        /// ``FeatureSet/signature`` of the code that trained the model.
        package var featureSignature: String
        /// log2 of the number of weight rows.
        package var rowBits: Int
        /// Integer units per weight unit.
        package var scale: Float
        /// How the model was trained.
        package var provenance: Provenance
    }

    /// How a model was trained: data, settings and the scores it reached.
    package struct Provenance: Codable, Sendable, Equatable {
        /// One training or development file.
        package struct Corpus: Codable, Sendable, Equatable {
            /// The file name as given to `textmine train ner` (directories stripped).
            package var file: String
            /// Which sentences were used (`all`, or `every 10th sentence held out`).
            package var selection: String
            package var sentences: Int
            package var tokens: Int

            package init(file: String, selection: String, sentences: Int, tokens: Int) {
                self.file = file
                self.selection = selection
                self.sentences = sentences
                self.tokens = tokens
            }
        }

        package var trainedOn: [Corpus]
        package var dev: Corpus?
        package var epochs: Int
        package var seed: UInt64
        /// Entity-level F1 on the development file after the last epoch.
        package var devF1: Double?
        /// Gazetteers the features were computed with (`built-in:fr`).
        package var gazetteers: [String]
        /// The licence the model's data imposes (`CC BY-NC-SA 4.0`), as the trainer declared it.
        package var license: String?
        /// How many perceptrons (seeds `seed`, `seed + 1`, …) were averaged.
        package var runs: Int?

        package init(trainedOn: [Corpus], dev: Corpus?, epochs: Int, seed: UInt64, devF1: Double?,
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

    package private(set) var header: Header
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
    package var labels: BIOLabels { weights.labels }

    /// The same model computing gazetteer features with another gazetteer (built-ins plus a user's).
    package func using(gazetteer: Gazetteer) -> NERModel {
        NERModel(header: header, weights: weights,
                 features: FeatureSet(rowBits: features.rowBits, gazetteer: gazetteer, lowercaseVocabulary: features.lowercaseVocabulary,
                                      clusters: features.clusters))
    }

    /// Reusable buffers for tagging; keep one per thread to tag many sentences without allocating.
    package struct Scratch: Sendable {
        var features = FeatureSet.Buffer()
        var path: [Int] = []
        var confidences: [Double] = []
        var workspace = TaggerWeights.Workspace()
        /// The forms seen so far, each analysed once.
        var lexicon = TokenLexicon()
        /// The tokens of ``tags(for:scratch:)``'s sentence, as form ids.
        var forms: [Int32] = []
        /// The capitalisation codes of the sentence being tagged, two boundary codes before and after.
        var casings: [UInt64] = []
        /// Its gazetteer marks, two empty ones before and after.
        var paddedMarks: [(begin: UInt8, inside: UInt8)] = []
        package init() {}

        /// The gazetteer marks of the sentence last tagged, one per token.
        var marks: [(begin: UInt8, inside: UInt8)] { features.marks }
    }

    /// One entity the tagger found: its tokens (indices into the ranges tagged), type and confidence.
    package struct Mention: Sendable, Equatable {
        package var tokens: Range<Int>
        package var type: String
        package var confidence: Double
    }

    /// Tags one sentence given as byte ranges of `bytes` (tokens, in order).
    package func tag(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, scratch: inout Scratch) -> [Mention] {
        guard !ranges.isEmpty else { return [] }
        tagIndices(bytes: bytes, ranges: ranges, scratch: &scratch)
        return mentions(scratch)
    }

    /// Tags one sentence whose tokens (byte ranges of `bytes`) are the forms `forms` of
    /// `scratch.lexicon` (see ``TokenLexicon/form(bytes:range:model:)``); the sentence's gazetteer
    /// marks are left in ``Scratch/marks``.
    ///
    /// A token's scores are the sum of parts its lexicon keeps: its form's (``FormScores``, from
    /// itself and its four neighbours), those of its pairs with the tokens before and after it
    /// (``TokenLexicon/pairScores(_:_:initialA:model:)``) and of the sentence's share of capitals;
    /// only the gazetteer features, when a match is near, are computed token by token.
    func tag(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, forms: ArraySlice<Int32>,
             scratch: inout Scratch) -> [Mention] {
        precondition(ranges.count == forms.count, "a form for every token")
        guard !ranges.isEmpty else { return [] }
        guard labels.count <= TaggerWeights.vectorTags else {
            // Too many tags for score vectors: sum each token's feature rows instead.
            scratch.features.attributes.removeAll(keepingCapacity: true)
            scratch.lexicon.attributes.withUnsafeBufferPointer { attributes in
                for id in forms { scratch.features.attributes.append(attributes[Int(id)]) }
            }
            features.gazetteer.annotate(bytes: bytes, ranges: ranges, attributes: scratch.features.attributes[...],
                                        into: &scratch.features.marks)
            features.extractAnnotated(bytes: bytes, ranges: ranges, into: &scratch.features)
            weights.tag(scratch.features, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
            return mentions(scratch)
        }
        // The marks are moved out while the gazetteer writes them, so that reading the lexicon
        // and writing the marks are not two accesses to `scratch` (which made a copy of the lexicon).
        var sentenceMarks: [(begin: UInt8, inside: UInt8)] = []
        swap(&sentenceMarks, &scratch.features.marks)
        scratch.lexicon.withNameTokens(forms) { features.gazetteer.annotate($0, into: &sentenceMarks) }
        swap(&sentenceMarks, &scratch.features.marks)
        scratch.lexicon.makeRoomForPairs()
        let n = ranges.count, L = labels.count
        // Each token's capitalisation code and gazetteer marks, with two boundary entries before
        // and after the sentence, so that token `i` and its neighbours are entries `i ... i + 4`.
        let capitals = scratch.lexicon.casings(of: forms, into: &scratch.casings)
        scratch.paddedMarks.removeAll(keepingCapacity: true)
        scratch.paddedMarks.append(contentsOf: repeatElement((begin: UInt8(0), inside: UInt8(0)), count: 2))
        scratch.paddedMarks.append(contentsOf: scratch.features.marks)
        scratch.paddedMarks.append(contentsOf: repeatElement((begin: UInt8(0), inside: UInt8(0)), count: 2))

        weights.reserveScores(tokens: n, in: &scratch.workspace)
        var scores: [Int32] = []
        swap(&scores, &scratch.workspace.scores)
        let casings = scratch.casings, marks = scratch.paddedMarks
        let formScores = scratch.lexicon.scores, sentenceScores = scratch.lexicon.sentenceScores
        let firstForm = forms.startIndex
        scores.withUnsafeMutableBufferPointer { scores in
            weights.emission.withUnsafeBytes { emission in
                casings.withUnsafeBufferPointer { casings in
                    marks.withUnsafeBufferPointer { marks in
                        formScores.withUnsafeBufferPointer { formScores in
                            sentenceScores.withUnsafeBufferPointer { sentenceScores in
                                Self.neutralWindow.withUnsafeBufferPointer { window in
                                    Self.neutralClasses.withUnsafeBufferPointer { classes in
                                        let lanes = formScores.baseAddress!
                                        @inline(__always) func part(_ id: Int32, _ offset: Int) -> UnsafePointer<Int32> {
                                            lanes + (Int(id) &* FormScores.stride &+ offset)
                                        }
                                        @inline(__always) func form(_ i: Int) -> Int32 {
                                            i < 0 ? (i == -1 ? TokenLexicon.before : TokenLexicon.before2)
                                                : i >= n ? (i == n ? TokenLexicon.after : TokenLexicon.after2) : forms[firstForm + i]
                                        }
                                        var carry = scratch.lexicon.pairScores(TokenLexicon.before, form(0), initialA: false, model: self).second
                                        for i in 0..<n {
                                            let id = form(i)
                                            let cased = casings[i + 2]
                                            var token = ScoreLanes()
                                            token.add(part(id, FormScores.token))
                                            token.add(part(form(i - 1), FormScores.toNext))
                                            token.add(part(form(i - 2), FormScores.toNext2))
                                            token.add(part(form(i + 1), FormScores.toPrevious))
                                            token.add(part(form(i + 2), FormScores.toPrevious2))
                                            let pair = scratch.lexicon.pairScores(id, form(i + 1), initialA: cased & FeatureSet.initialCasing != 0,
                                                                                  model: self)
                                            token.add(carry)
                                            token.add(pair.first)
                                            carry = pair.second
                                            token.add(sentenceScores.baseAddress! + TokenLexicon.sentenceIndex(capitals: capitals, casing: cased))
                                            let m = marks.baseAddress! + i
                                            if m[0].begin | m[0].inside | m[1].begin | m[1].inside | m[2].begin | m[2].inside
                                                | m[3].begin | m[3].inside != 0 {
                                                var sink = ScopeScoreSink<GazetteerScope>(weights: emission.baseAddress!, rowBytes: 2 * L, lanes: token)
                                                features.extract(window.baseAddress!, m, classes.baseAddress!, casings.baseAddress! + i,
                                                                 capitals: capitals, bytes: bytes, range: ranges[ranges.startIndex + i], into: &sink)
                                                token = sink.lanes
                                            }
                                            token.store(to: scores.baseAddress! + i &* L)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&scores, &scratch.workspace.scores)
        weights.decode(tokens: n, path: &scratch.path, confidences: &scratch.confidences, workspace: &scratch.workspace)
        return mentions(scratch)
    }

    /// Five virtual tokens, for the templates that read no token (``FeatureScope/gazetteer``).
    private static let neutralWindow = [TokenAttributes](repeating: FeatureSet.before, count: 5)
    private static let neutralClasses = [(fine: UInt16, coarse: UInt16)](repeating: FeatureSet.boundaryClass, count: 5)

    /// The summed weights of the features of `Filter`'s scopes for the middle token of a window of
    /// five (each pointer at the window's first entry; see ``FeatureSet/extract(_:_:_:_:capitals:bytes:range:into:)``).
    func scopeScores<Filter: ScopeFilter>(_ filter: Filter.Type, _ window: UnsafePointer<TokenAttributes>,
                                          _ marks: UnsafePointer<(begin: UInt8, inside: UInt8)>,
                                          _ classes: UnsafePointer<(fine: UInt16, coarse: UInt16)>, _ casings: UnsafePointer<UInt64>,
                                          capitals: UInt64) -> ScoreLanes {
        weights.emission.withUnsafeBytes { emission in
            var sink = ScopeScoreSink<Filter>(weights: emission.baseAddress!, rowBytes: 2 * labels.count)
            features.extract(window, marks, classes, casings, capitals: capitals, bytes: UnsafeBufferPointer(start: nil, count: 0),
                             range: 0..<0, into: &sink)
            return sink.lanes
        }
    }

    /// The summed weights of the sentence features (``FeatureScope/sentence``) of a token with
    /// capitalisation code `casing` in a sentence with a share `capitals` of capitalised words.
    func sentenceScores(capitals: UInt64, casing: UInt64) -> ScoreLanes {
        let casings = [UInt64](repeating: casing, count: 5)
        let marks = [(begin: UInt8, inside: UInt8)](repeating: (0, 0), count: 5)
        return Self.neutralWindow.withUnsafeBufferPointer { window in
            Self.neutralClasses.withUnsafeBufferPointer { classes in
                casings.withUnsafeBufferPointer { casings in
                    marks.withUnsafeBufferPointer { marks in
                        scopeScores(SentenceScope.self, window.baseAddress!, marks.baseAddress!, classes.baseAddress!, casings.baseAddress!,
                                    capitals: capitals)
                    }
                }
            }
        }
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
    package func tags(for tokens: [String], scratch: inout Scratch) -> [String] {
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
