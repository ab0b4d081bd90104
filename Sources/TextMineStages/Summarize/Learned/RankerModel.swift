import Foundation
import TextMineCore

/// A learned sentence ranker: logistic regression over standardised ``SentenceFeature`` values
/// (four of them read from a learned word lexicon), stored as a small JSON file (see docs/models/fr-news-ranker.md).
///
/// `score = bias + Σ weight_k · (x_k − mean_k) / scale_k`: the log-odds that the sentence belongs
/// to the oracle extract of the article's reference summary.
package struct RankerModel: Codable, Sendable, Equatable {
    /// Where the training data came from and how the model was fitted.
    package struct Provenance: Codable, Sendable, Equatable {
        /// The training file's name.
        package var data: String
        /// The training data's licence (e.g. `CC BY-SA 4.0`).
        package var license: String?
        /// Articles and sentences trained on, and oracle-selected sentences among them.
        package var articles: Int
        package var sentences: Int
        package var positives: Int
        /// Sentences the oracle selects per article.
        package var oracleSentences: Int
        /// The training targets (`oracle` or `soft`, see ``RankerTrainer/Labels``).
        package var labels: String
        /// The L2 penalty of the fit.
        package var l2: Double
        /// Sentences a word must occur in to get a weight in ``RankerModel/lexicon``.
        package var lexiconMinCount: Int?
    }

    /// Always `textmine-summary-ranker`.
    package var format: String
    /// The file format's version.
    package var version: Int
    /// The language of the training data.
    package var language: String
    /// The feature names, in the order of the other arrays.
    package var features: [String]
    /// Feature means and standard deviations on the training data.
    package var mean: [Double]
    package var scale: [Double]
    /// The weight of each standardised feature, and the intercept.
    package var weights: [Double]
    package var bias: Double
    /// Word → weight: the log-odds that a sentence holding the word is in the oracle extract
    /// (see ``SentenceLexicon``); the `lexical…` features are read from it.
    package var lexicon: [String: Double]?
    /// The summary length the model's training references favour, used when a few sentences are
    /// selected (see ``SentenceSelector/selectJointly``); nil selects greedily.
    package var lengthPrior: LengthPrior?
    package var provenance: Provenance

    static let formatName = "textmine-summary-ranker"

    /// The score of one feature vector (in ``SentenceFeature`` order).
    func score(_ vector: [Double]) -> Double {
        var total = bias
        for k in weights.indices { total += weights[k] * (vector[k] - mean[k]) / scale[k] }
        return total
    }

    /// Reads a model file, checking that its features are the ones this build computes.
    package static func read(contentsOf path: String) throws -> RankerModel {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StageError("cannot read the summary ranker '\(path)': \(error.localizedDescription)")
        }
        let model: RankerModel
        do {
            model = try JSONDecoder().decode(RankerModel.self, from: data)
        } catch {
            throw StageError("'\(path)' is not a summary ranker model: \(error)")
        }
        guard model.format == formatName else { throw StageError("'\(path)' is not a summary ranker model (format '\(model.format)')") }
        let expected = SentenceFeature.allCases.map(\.rawValue)
        guard model.features == expected, model.mean.count == expected.count, model.scale.count == expected.count,
            model.weights.count == expected.count, model.scale.allSatisfy({ $0 > 0 })
        else {
            throw StageError("'\(path)': its features (\(model.features.joined(separator: ", "))) are not this version's (\(expected.joined(separator: ", "))); retrain it with 'textmine train summarize'")
        }
        return model
    }

    /// Writes the model as pretty-printed JSON.
    package func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The ranker shipped for French news (`fr-news-ranker.json`, trained on OrangeSum).
    static func builtIn() throws -> RankerModel {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        for folder in EntityResources.candidates + [source.appendingPathComponent("Resources")] {
            let path = folder.appendingPathComponent(builtInName).path
            if FileManager.default.fileExists(atPath: path) { return try read(contentsOf: path) }
        }
        throw StageError("cannot find the built-in summary ranker '" + builtInName + "'; keep the TextMine_TextMineStages.resources folder next to the textmine binary, or set 'model:' to a ranker file")
    }

    /// The file name of the built-in ranker (a resource of TextMineStages).
    static let builtInName = "fr-news-ranker.json"
}
