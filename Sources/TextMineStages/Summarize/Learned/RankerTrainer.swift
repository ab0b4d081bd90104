import Foundation
import TextMineCore

/// Trains a ``RankerModel`` from articles and their reference summaries, deterministically.
///
/// Labels come from the extractive oracle: greedily, the eligible sentence that most raises
/// ROUGE-1 + ROUGE-2 + ROUGE-L F1 of the extract against the reference, until ``Settings/oracleSentences``
/// are chosen or none raises it. The model is an L2-regularised logistic regression of those
/// labels on standardised features of the eligible sentences, fitted by Newton's method
/// (iteratively reweighted least squares): no randomness, no learning rate.
package struct RankerTrainer {
    /// The training targets.
    package enum Labels: String, CaseIterable, Sendable {
        /// 1 for the sentences of the greedy oracle extract, 0 for the others.
        case oracle
        /// The sentence's own mean ROUGE-1/2/L F1 against the reference, over the article's best
        /// (a target in [0, 1]), averaged with the oracle label.
        case soft
    }

    /// How the model is trained.
    package struct Settings: Sendable {
        /// The language of the data (selects the built-in packs' term stopwords).
        package var language: LanguageCode = "fr"
        /// The training file's name, recorded in the model.
        package var dataName = ""
        /// The data's licence, recorded in the model.
        package var license: String?
        /// How many sentences the oracle picks per article.
        package var oracleSentences = 2
        /// The L2 penalty on standardised weights.
        package var l2 = 1.0
        /// Newton steps at most.
        package var iterations = 30
        /// What the model learns to predict.
        package var labels = Labels.oracle
        /// Training sentences a word must occur in to get a lexicon weight.
        package var lexiconMinCount = 100
        /// The length prior written into the model (nil: none, selection stays greedy).
        package var lengthPrior: LengthPrior? = nil

        package init() {}
    }

    package let settings: Settings
    private let stopwords: StopwordList
    private let normalizer = TermNormalizer()
    private let eligibility = SentenceEligibility(minWords: 4, maxWords: 80)
    private let extractor = SentenceFeatureExtractor()
    private let opening = SentenceOpening()
    /// Feature vectors of the eligible sentences, row after row (the lexical features are filled
    /// in by ``train()``, once the lexicon is known).
    private var rows: [Double] = []
    private var labels: [Double] = []
    /// Each row's word keys (``SummaryDocument/wordKeys``), row after row, and where each row's start.
    private var rowKeys: [UInt64] = []
    private var rowKeyOffsets: [Int] = [0]
    /// Each row's fold (its article's parity) for cross-fitted lexicon weights.
    private var rowFolds: [UInt8] = []
    private var lexiconCounts = SentenceLexiconCounts()
    /// Each added sentence's features, label, own ROUGE-1/2/L F1 and text, when ``recordsSentences``.
    package private(set) var sentenceRecords: [String] = []
    /// Whether ``sentenceRecords`` is filled (for `--features-out`).
    package var recordsSentences = false
    /// Articles added (with at least one eligible sentence).
    package private(set) var articles = 0

    package init(settings: Settings) {
        self.settings = settings
        stopwords = PackTerms.builtIn.stopwords(for: settings.language)
    }

    /// The names of the features, in the order of a model's arrays.
    package static var featureNames: [String] { SentenceFeature.allCases.map(\.rawValue) }

    /// Sentences added so far.
    package var sentences: Int { labels.count }
    /// Oracle-selected sentences so far.
    package var positives: Int { labels.filter { $0 >= 0.5 }.count }

    /// Adds an article that went through the steps before `summarize` (it has sentences) with
    /// its reference summary.
    package mutating func add(_ article: Article, reference: String) {
        let text = article.scalarText
        let document = SummaryDocument(
            text: text, spans: article.sentences.map(\.span), title: article.metadata["title"]?.value.stringValue,
            stopwords: stopwords, normalizer: normalizer)
        let eligible = eligibility.reasons(text: text, document: document, blocks: article.blocks).map { $0 == nil }
        guard eligible.contains(true) else { return }
        let tokens = document.spans.map { Rouge.tokens(text.string($0)) }
        let referenceTokens = Rouge.tokens(reference)
        let chosen = Self.oracle(sentences: tokens, eligible: eligible, reference: referenceTokens, limit: settings.oracleSentences)
        let own = tokens.map { sentence -> (Double, Double, Double) in
            (f1(sentence, referenceTokens, n: 1), f1(sentence, referenceTokens, n: 2), Self.lcsF1(sentence, referenceTokens))
        }
        let best = max(eligible.indices.filter { eligible[$0] }.map { (own[$0].0 + own[$0].1 + own[$0].2) / 3 }.max() ?? 0, 1e-9)
        let features = extractor.features(
            text: text, document: document, dependent: opening.dependentSentences(text: text, spans: document.spans),
            lexicon: nil)
        let fold = articles % 2
        for i in features.indices where eligible[i] {
            rows += features[i]
            let oracle = chosen.contains(i) ? 1.0 : 0.0
            let keys = document.wordKeys[document.wordOffsets[i]..<document.wordOffsets[i + 1]]
            rowKeys += keys
            rowKeyOffsets.append(rowKeys.count)
            rowFolds.append(UInt8(fold))
            lexiconCounts.add(keys: Set(keys), oracle: oracle == 1, fold: fold)
            spellWords(text: text, span: document.spans[i])
            let label = settings.labels == .oracle ? oracle : (oracle + (own[i].0 + own[i].1 + own[i].2) / 3 / best) / 2
            labels.append(label)
            if recordsSentences {
                sentenceRecords.append(([article.id, String(i), String(oracle), String(own[i].0), String(own[i].1), String(own[i].2)]
                    + features[i].map { String($0) } + [text.string(document.spans[i]).replacingOccurrences(of: "\t", with: " ")
                        .replacingOccurrences(of: "\n", with: " ")]).joined(separator: "\t"))
            }
        }
        articles += 1
    }

    /// Records how the words of a sentence are spelled (lowercase), for the model's lexicon.
    private mutating func spellWords(text: ScalarText, span: Span) {
        let range = text.byteRange(of: span)
        text.utf8.withUnsafeBufferPointer { bytes in
            var index = range.lowerBound
            while let (word, normalized) = normalizer.nextWord(in: bytes, from: &index, limit: range.upperBound) {
                lexiconCounts.spell(normalized.key, String(decoding: bytes[word], as: UTF8.self).lowercased())
            }
        }
    }

    /// Fills the lexical features of every row: with weights learned on the other fold's articles
    /// (so that a row's own label does not leak into its features), and returns the weights learned
    /// on all of them, for the model.
    private mutating func fillLexicalFeatures() -> [String: Double] {
        let width = SentenceFeature.allCases.count
        guard let first = SentenceFeature.allCases.firstIndex(of: .lexical) else { return [:] }
        let byFold = [1, 0].map { SentenceLexicon(words: lexiconCounts.weights(folds: [$0], minCount: settings.lexiconMinCount / 2)) }
        for r in 0..<labels.count {
            let values = byFold[Int(rowFolds[r])].features(rowKeys[rowKeyOffsets[r]..<rowKeyOffsets[r + 1]])
            rows[r * width + first] = values.mean
            rows[r * width + first + 1] = values.highest
            rows[r * width + first + 2] = values.lowest
            rows[r * width + first + 3] = values.opening
        }
        return lexiconCounts.weights(folds: [0, 1], minCount: settings.lexiconMinCount)
    }

    /// The greedy extractive oracle: indexes of the sentences whose extract best matches the
    /// reference by ROUGE-1 + ROUGE-2 + ROUGE-L F1.
    static func oracle(sentences: [[UInt64]], eligible: [Bool], reference: [UInt64], limit: Int) -> Set<Int> {
        var chosen: [Int] = []
        var best = 0.0
        while chosen.count < limit {
            var pick = -1
            var pickScore = best
            for i in sentences.indices where eligible[i] && !chosen.contains(i) {
                let extract = (chosen + [i]).sorted().flatMap { sentences[$0] }
                let score = f1(extract, reference, n: 1) + f1(extract, reference, n: 2) + lcsF1(extract, reference)
                if score > pickScore + 1e-12 {
                    pickScore = score
                    pick = i
                }
            }
            guard pick >= 0 else { break }
            chosen.append(pick)
            best = pickScore
        }
        return Set(chosen)
    }

    private func f1(_ candidate: [UInt64], _ reference: [UInt64], n: Int) -> Double { Self.f1(candidate, reference, n: n) }

    private static func lcsF1(_ candidate: [UInt64], _ reference: [UInt64]) -> Double {
        let overlap = Double(Rouge.longestCommonSubsequence(candidate, reference))
        guard overlap > 0 else { return 0 }
        return 2 * overlap / Double(candidate.count + reference.count)
    }

    private static func f1(_ candidate: [UInt64], _ reference: [UInt64], n: Int) -> Double {
        let overlap = Double(Rouge.ngramOverlap(candidate, reference, n: n))
        let c = Double(candidate.count - n + 1), r = Double(reference.count - n + 1)
        guard overlap > 0, c > 0, r > 0 else { return 0 }
        return 2 * overlap / (c + r)
    }

    /// Fits the model on everything added.
    package mutating func train() -> RankerModel {
        let lexicon = fillLexicalFeatures()
        let width = SentenceFeature.allCases.count
        let count = labels.count
        var mean = [Double](repeating: 0, count: width)
        var scale = [Double](repeating: 0, count: width)
        for r in 0..<count { for k in 0..<width { mean[k] += rows[r * width + k] } }
        for k in 0..<width { mean[k] /= Double(max(count, 1)) }
        for r in 0..<count {
            for k in 0..<width {
                let d = rows[r * width + k] - mean[k]
                scale[k] += d * d
            }
        }
        for k in 0..<width { scale[k] = max((scale[k] / Double(max(count, 1))).squareRoot(), 1e-6) }

        // Newton's method on [weights..., bias].
        let d = width + 1
        var w = [Double](repeating: 0, count: d)
        var x = [Double](repeating: 0, count: d)
        for _ in 0..<settings.iterations {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [Double](repeating: 0, count: d * d)
            for r in 0..<count {
                for k in 0..<width { x[k] = (rows[r * width + k] - mean[k]) / scale[k] }
                x[width] = 1
                var z = 0.0
                for k in 0..<d { z += w[k] * x[k] }
                let p = 1 / (1 + exp(-z))
                let residual = p - labels[r]
                let curvature = max(p * (1 - p), 1e-9)
                for a in 0..<d {
                    gradient[a] += residual * x[a]
                    let xa = curvature * x[a]
                    for b in a..<d { hessian[a * d + b] += xa * x[b] }
                }
            }
            for a in 0..<d { for b in 0..<a { hessian[a * d + b] = hessian[b * d + a] } }
            for k in 0..<width {
                gradient[k] += settings.l2 * w[k]
                hessian[k * d + k] += settings.l2
            }
            let step = Self.solve(hessian, gradient, size: d)
            var change = 0.0
            for k in 0..<d {
                w[k] -= step[k]
                change = max(change, abs(step[k]))
            }
            if change < 1e-7 { break }
        }
        return RankerModel(
            format: RankerModel.formatName, version: 2, language: settings.language.code,
            features: SentenceFeature.allCases.map(\.rawValue), mean: mean, scale: scale,
            weights: Array(w.prefix(width)), bias: w[width], lexicon: lexicon, lengthPrior: settings.lengthPrior,
            provenance: .init(
                data: settings.dataName, license: settings.license, articles: articles, sentences: count,
                positives: positives, oracleSentences: settings.oracleSentences, labels: settings.labels.rawValue,
                l2: settings.l2, lexiconMinCount: settings.lexiconMinCount))
    }

    /// Solves `matrix · x = vector` for a symmetric positive definite matrix (Gaussian elimination
    /// with partial pivoting).
    static func solve(_ matrix: [Double], _ vector: [Double], size n: Int) -> [Double] {
        var a = matrix
        var b = vector
        for column in 0..<n {
            var pivot = column
            for row in column + 1..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            if pivot != column {
                for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            let diagonal = a[column * n + column]
            guard abs(diagonal) > 1e-12 else { continue }
            for row in column + 1..<n {
                let factor = a[row * n + column] / diagonal
                guard factor != 0 else { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<n { sum -= a[row * n + k] * x[k] }
            let diagonal = a[row * n + row]
            x[row] = abs(diagonal) > 1e-12 ? sum / diagonal : 0
        }
        return x
    }
}
