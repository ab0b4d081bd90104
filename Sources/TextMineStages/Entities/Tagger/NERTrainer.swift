import Foundation

/// Trains a ``NERModel`` from IOB2 sentences: the engine behind `textmine train ner`.
package struct NERTrainer {
    /// Training settings.
    package struct Settings: Sendable {
        /// Passes over the training data.
        package var epochs = 8
        /// Seeds the shuffling of sentences between epochs.
        package var seed: UInt64 = 1
        /// log2 of the number of weight rows (the model's size grows with it).
        package var rowBits = 17
        /// The language of the data, which selects the built-in gazetteer.
        package var language = "fr"
        /// The licence the training data imposes, recorded in the model.
        package var license: String?
        /// The number of fine word classes learnt from the training text (0: none).
        package var wordClasses = 256
        /// Perceptrons trained on differently shuffled data (seeds `seed`, `seed + 1`, …) whose
        /// weights are averaged: steadier and usually better than one.
        package var runs = 1

        package init() {}
    }

    /// What one epoch achieved.
    package struct EpochReport: Sendable {
        /// The perceptron (1...``Settings/runs``).
        package var run: Int
        package var epoch: Int
        /// The share of training sentences the weights tagged right before learning from them.
        package var trainAccuracy: Double
        /// Entity-level F1 of the averaged weights on the development data, if any.
        package var devScore: NERScore?
        package var seconds: Double
    }

    /// One training file's selected sentences.
    package struct Corpus: Sendable {
        package var name: String
        package var selection: String
        package var sentences: [TaggedSentence]

        package init(name: String, selection: String, sentences: [TaggedSentence]) {
            self.name = name
            self.selection = selection
            self.sentences = sentences
        }

        var provenance: NERModel.Provenance.Corpus {
            .init(file: name, selection: selection, sentences: sentences.count, tokens: sentences.reduce(0) { $0 + $1.tokens.count })
        }
    }

    package var settings: Settings
    package var gazetteer: Gazetteer
    /// Names of the gazetteers, for provenance.
    package var gazetteerNames: [String]

    package init(settings: Settings, gazetteer: Gazetteer, gazetteerNames: [String]) {
        self.settings = settings
        self.gazetteer = gazetteer
        self.gazetteerNames = gazetteerNames
    }

    /// Trains on `train`, reporting each epoch (with a score on `dev` when given).
    package func train(_ train: [Corpus], dev: Corpus?, progress: (EpochReport) -> Void) -> NERModel {
        let sentences = train.flatMap(\.sentences)
        let types = Set(sentences.flatMap { $0.tags.compactMap { $0 == "O" ? nil : String($0.dropFirst(2)) } })
        let labels = BIOLabels(types: types)
        let vocabulary = Self.lowercaseVocabulary(sentences)
        let features = FeatureSet(rowBits: settings.rowBits, gazetteer: gazetteer, lowercaseVocabulary: vocabulary,
                                  clusters: wordClusters(train))

        // Features do not depend on the weights: extract them once.
        var extracted: [(rows: [Int32], starts: [Int], gold: [Int])] = []
        extracted.reserveCapacity(sentences.count)
        var buffer = FeatureSet.Buffer()
        for sentence in sentences {
            let (bytes, ranges) = sentence.utf8WithRanges
            bytes.withUnsafeBufferPointer { features.extract(bytes: $0, ranges: ranges[...], into: &buffer) }
            let gold = Self.repaired(sentence.tags.map { labels.index(of: $0) ?? 0 })
            extracted.append((Array(buffer.rows), buffer.starts, gold))
        }

        var path: [Int] = []
        var header = NERModel.Header(
            tags: labels.tags, language: settings.language, featureSignature: FeatureSet.signature,
            rowBits: settings.rowBits, scale: 1,
            provenance: .init(trainedOn: train.map(\.provenance), dev: dev?.provenance, epochs: settings.epochs,
                              seed: settings.seed, devF1: nil, gazetteers: gazetteerNames, license: settings.license,
                              runs: settings.runs))
        let runs = max(1, settings.runs)
        var mean: PerceptronTrainer.RawWeights?
        for run in 1...runs {
            var trainer = PerceptronTrainer(labels: labels, rowBits: settings.rowBits)
            var generator = SplitMix64(seed: settings.seed &+ UInt64(run - 1))
            var order = Array(extracted.indices)
            for epoch in 1...max(1, settings.epochs) {
                let started = Date()
                order.shuffle(using: &generator)
                var correct = 0
                for index in order {
                    let sentence = extracted[index]
                    if trainer.learn(rows: sentence.rows, starts: sentence.starts, gold: sentence.gold, scratch: &path) { correct += 1 }
                }
                let devScore = dev.map { Self.score(NERModel(header: header, weights: trainer.averaged(), features: features), on: $0.sentences) }
                progress(EpochReport(run: run, epoch: epoch, trainAccuracy: Double(correct) / Double(max(1, order.count)),
                                     devScore: devScore, seconds: Date().timeIntervalSince(started)))
                if runs == 1 { header.provenance.devF1 = devScore.map(Self.rounded) }
            }
            let weights = trainer.averagedWeights()
            if mean == nil {
                mean = weights
                for k in mean!.emission.indices { mean!.emission[k] = 0 }
                for k in mean!.transitions.indices { mean!.transitions[k] = 0 }
                for k in mean!.start.indices { mean!.start[k] = 0 }
            }
            mean!.add(weights, times: 1 / Double(runs))
        }
        let weights = mean!.quantised(labels: labels, rowBits: settings.rowBits)
        header.scale = weights.scale
        if runs > 1, let dev {
            header.provenance.devF1 = Self.rounded(Self.score(NERModel(header: header, weights: weights, features: features), on: dev.sentences))
        }
        return NERModel(header: header, weights: weights, features: features)
    }

    private static func rounded(_ score: NERScore) -> Double { (score.overall.f1 * 10000).rounded() / 10000 }

    /// Word classes learnt from the text of the training files, each file counted once however
    /// often it is given.
    func wordClusters(_ train: [Corpus]) -> WordClusters {
        guard settings.wordClasses > 0 else { return .empty }
        var seen = Set<String>()
        var text: [[UInt64]] = []
        for corpus in train where seen.insert(corpus.name + "#" + corpus.selection).inserted {
            for sentence in corpus.sentences {
                let (bytes, ranges) = sentence.utf8WithRanges
                text.append(bytes.withUnsafeBufferPointer { b in ranges.map { TokenAttributes(bytes: b, range: $0).norm } })
            }
        }
        var clusterSettings = WordClusters.Settings()
        clusterSettings.fine = settings.wordClasses
        clusterSettings.coarse = max(1, settings.wordClasses / 8)
        return WordClusters.learn(from: text, settings: clusterSettings)
    }

    /// Scores a model on gold sentences.
    package static func score(_ model: NERModel, on sentences: [TaggedSentence]) -> NERScore {
        var score = NERScore()
        var scratch = NERModel.Scratch()
        for sentence in sentences { score.add(gold: sentence.tags, predicted: model.tags(for: sentence.tokens, scratch: &scratch)) }
        return score
    }

    /// Turns an `I-X` that does not continue an `X` entity into `B-X`, as the scorer reads it.
    static func repaired(_ tags: [Int]) -> [Int] {
        var result = tags
        for i in result.indices where BIOLabels.isInside(result[i]) {
            let previous = i == 0 ? 0 : result[i - 1]
            if previous == 0 || BIOLabels.typeIndex(previous) != BIOLabels.typeIndex(result[i]) { result[i] -= 1 }
        }
        return result
    }

    /// Hashes of the words written in lowercase at least twice and at least three times as often as
    /// capitalised away from the start of a sentence.
    static func lowercaseVocabulary(_ sentences: [TaggedSentence]) -> Set<UInt64> {
        var lowercase: [UInt64: Int] = [:]
        var capitalised: [UInt64: Int] = [:]
        var attributes: [TokenAttributes] = []
        for sentence in sentences {
            let (bytes, ranges) = sentence.utf8WithRanges
            attributes.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { b in
                for range in ranges { attributes.append(TokenAttributes(bytes: b, range: range)) }
            }
            attributes.withUnsafeBufferPointer { a in
                for i in 0..<a.count where a[i].flags.contains(.hasLetter) {
                    if a[i].raw == a[i].lower {
                        lowercase[a[i].lower, default: 0] += 1
                    } else if !FeatureSet.isInitial(i, a) {
                        capitalised[a[i].lower, default: 0] += 1
                    }
                }
            }
        }
        return Set(lowercase.compactMap { hash, count in
            count >= 2 && count >= 3 * (capitalised[hash] ?? 0) ? hash : nil
        })
    }
}

/// A small, fast, seedable random number generator (Steele et al.'s SplitMix64), so that training
/// is reproducible on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state)
    }
}
