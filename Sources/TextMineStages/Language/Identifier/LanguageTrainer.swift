import Foundation
import TextMineCore

/// Trains a ``LanguageModel`` from labelled texts: counts hashed features per language (naive
/// Bayes with additive smoothing), quantises costs to bytes, and measures how much each language's
/// own text costs (for `und` by typicality).
package struct LanguageTrainer {
    /// Training settings.
    package struct Settings: Sendable {
        package var maxOrder = 4
        package var rowBits = 17
        /// Additive smoothing of feature counts.
        package var smoothing = 0.05
        package var temperature = 5.0
        /// See ``LanguageModel/Header/surpriseLimit``: set on held-out text so that about 1 in
        /// 1,000 texts of the model's languages goes `und`.
        package var surpriseLimit = 5.0
        package var surpriseSlack = 5.0
        /// See ``LanguageModel/Header/otherBias``.
        package var otherBias = 0.1
        /// Discriminative passes after naive Bayes (see ``CostRefinement``); 0: plain naive Bayes.
        package var epochs = 0
        /// Nats moved per feature of a misidentified text in those passes.
        package var rate = 0.02
        /// The other classes' bias (nats per feature) while the passes score texts; ``otherBias``
        /// applies on top when identifying. 0: the passes learn the classes as they are, and
        /// ``otherBias`` alone sets how much text goes to the model's languages (the passes would
        /// learn a bias away).
        package var refinementBias = 0.0
        /// The share of each language's held-out texts whose label the closeness test may make
        /// unsure (``LanguageModel/Header/marginFloor``); 0: no test.
        package var unsureShare = 0.01
        /// The test's bounds are measured on every `calibrationEvery`-th text of the model's
        /// languages (and its first 20 and 40 characters), identified by a model trained on the
        /// others; the model written is then trained on all texts.
        package var calibrationEvery = 10
        package var source = ""
        package var license = ""
        package init() {}
    }

    /// One labelled text.
    package struct Example: Sendable, Decodable {
        package var lang: String
        package var text: String
        /// For a text of another language (``LanguageTrainer/train(_:others:)``): the class it
        /// belongs to, which several languages may share (default: `lang`).
        package var group: String?
        /// Whether the text may measure the closeness test's bounds (every
        /// ``Settings/calibrationEvery``-th such text of the model's languages is held out for
        /// it): texts of the kind the model will meet, not word lists.
        package var calibrates = true
        package init(lang: String, text: String, group: String? = nil, calibrates: Bool = true) {
            self.lang = lang
            self.text = text
            self.group = group
            self.calibrates = calibrates
        }

        private enum CodingKeys: String, CodingKey { case lang, text, group }
    }

    package var settings: Settings

    package init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Reads `{lang, text}` JSON Lines.
    /// - Throws: ``StageError`` naming the file and line of a line that is not such an object.
    package static func examples(contentsOf path: String) throws -> [Example] {
        guard let data = FileManager.default.contents(atPath: path) else { throw StageError("cannot read '\(path)'") }
        let decoder = JSONDecoder()
        var examples: [Example] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            do {
                examples.append(try decoder.decode(Example.self, from: Data(line)))
            } catch {
                throw StageError("\(path):\(number + 1): not a JSON object with string fields 'lang' and 'text'")
            }
        }
        return examples
    }

    /// Trains a model on the examples (languages in order of first appearance) and, optionally,
    /// texts of other languages, which the model learns to call `und` (one class per `group`, in
    /// order of first appearance; at most 7 keep the 16 classes that identification adds at once).
    /// With ``Settings/unsureShare`` above 0, the closeness test's bounds are measured first on
    /// held-out texts (see ``calibrated(_:examples:others:)``).
    /// - Throws: ``StageError`` for fewer than two languages, a label that is no language code, a
    ///   language among both, or more than 64 classes.
    package func train(_ examples: [Example], others: [Example] = []) throws -> LanguageModel {
        let model = try fit(examples, others: others)
        guard settings.unsureShare > 0, settings.calibrationEvery >= 2 else { return model }
        return try calibrated(model, examples: examples, others: others)
    }

    /// `model` with the bounds of the closeness test (``LanguageModel/Header/marginFloor`` and
    /// ``LanguageModel/Header/surpriseCeiling``), measured on every ``Settings/calibrationEvery``-th
    /// example of each language that ``Example/calibrates`` and its first 20 and 40 characters, identified by a model trained the same way on
    /// the other examples: texts it has not seen, as the model will meet. Only right labels count.
    /// `model` unchanged when a language has too few such texts to fit its bounds.
    private func calibrated(_ model: LanguageModel, examples: [Example], others: [Example]) throws -> LanguageModel {
        let every = settings.calibrationEvery
        var heldOut: [Example] = []
        var rest: [Example] = []
        var candidates: [String: Int] = [:]  // per language, whatever the order of the texts
        for example in examples {
            if example.calibrates {
                candidates[example.lang, default: 0] += 1
                if candidates[example.lang]! % every == 0 { heldOut.append(example); continue }
            }
            rest.append(example)
        }
        guard Set(rest.map(\.lang)).count >= 2 else { return model }
        let draft = try fit(rest, others: others)
        var observations: [LanguageCode: [(features: Int, margin: Double, surprise: Double)]] = [:]
        for example in heldOut {
            guard let gold = LanguageCode(example.lang) else { continue }
            for cut in [Int?.none, 40, 20] {
                if let cut, example.text.unicodeScalars.count <= cut { continue }
                let text = cut.map { String(String.UnicodeScalarView(example.text.unicodeScalars.prefix($0))) } ?? example.text
                let found = draft.identify(text)
                guard found.language == gold, found.features > 0 else { continue }
                observations[gold, default: []].append((found.features, found.margin, found.surprise))
            }
        }
        var floors: [FeatureBound] = []
        var ceilings: [FeatureBound] = []
        for language in model.languages {
            let seen = observations[language] ?? []
            guard let floor = FeatureBound.fit(seen.map { ($0.features, $0.margin) }, quantile: settings.unsureShare),
                  let ceiling = FeatureBound.fit(seen.map { ($0.features, $0.surprise) }, quantile: 1 - settings.unsureShare)
            else { return model }
            floors.append(floor)
            ceilings.append(ceiling)
        }
        var header = model.header
        header.marginFloor = floors
        header.surpriseCeiling = ceilings
        return model.with(header: header)
    }

    /// The model trained on the examples, without the closeness test.
    private func fit(_ examples: [Example], others: [Example]) throws -> LanguageModel {
        var languages: [LanguageCode] = []
        var labels: [Int] = []
        labels.reserveCapacity(examples.count + others.count)
        for example in examples {
            guard let code = LanguageCode(example.lang), !code.isUndetermined else {
                throw StageError("'\(example.lang)' is not a language code")
            }
            if let index = languages.firstIndex(of: code) {
                labels.append(index)
            } else {
                labels.append(languages.count)
                languages.append(code)
            }
        }
        guard languages.count >= 2 else { throw StageError("training needs texts in at least two languages") }
        var groups: [String] = []
        for example in others {
            if let code = LanguageCode(example.lang), languages.contains(code) {
                throw StageError("'\(example.lang)' is both a language of the model and another language")
            }
            let group = example.group ?? example.lang
            if let index = groups.firstIndex(of: group) {
                labels.append(languages.count + index)
            } else {
                labels.append(languages.count + groups.count)
                groups.append(group)
            }
        }
        let examples = examples + others
        let count = languages.count + groups.count
        guard count <= 64 else { throw StageError("a model has at most 64 classes (languages and other groups), not \(count)") }
        let rows = 1 << settings.rowBits
        let features = NgramFeatures(maxOrder: settings.maxOrder, rowBits: settings.rowBits)

        var counts = [UInt32](repeating: 0, count: rows * count)
        var totals = [Double](repeating: 0, count: count)
        var scalarCounts = [[UInt32]](repeating: [UInt32](repeating: 0, count: 0x10000), count: count)
        var letters = [Int](repeating: 0, count: count)
        for (example, label) in zip(examples, labels) {
            var text = example.text
            text.withUTF8 { bytes in
                var units = TextUnits(bytes)
                var hasher = features.hasher()
                while let unit = units.next() {
                    if unit != TextUnits.space, unit < 0x10000 { scalarCounts[label][Int(unit)] &+= 1 }
                    let found = hasher.push(unit) { counts[$0 * count + label] &+= 1 }
                    totals[label] += Double(found)
                }
                letters[label] += units.letters
            }
        }

        // Weights: log P(row | class), smoothed, refined by discriminative passes; costs: -weight,
        // scaled so that the largest naive Bayes cost of the languages fits a byte (the other
        // classes' are capped: their scale does not depend on how much text they have).
        let alpha = settings.smoothing
        let denominators = totals.map { $0 + alpha * Double(rows) }
        var weights = [Float](repeating: 0, count: rows * count)
        for row in 0..<rows {
            for index in 0..<count {
                weights[row * count + index] = Float(Foundation.log((Double(counts[row * count + index]) + alpha) / denominators[index]))
            }
        }
        CostRefinement(epochs: settings.epochs, rate: Float(settings.rate))
            .refine(&weights, classes: count, languages: languages.count, otherBias: settings.refinementBias,
                    texts: examples.map(\.text), labels: labels, features: features)
        let maxCost = denominators.prefix(languages.count).map { Foundation.log($0 / alpha) }.max()!
        let scale = 255 / maxCost
        let costs = weights.map { UInt8(min(255, max(0, (-Double($0) * scale).rounded()))) }

        // Scalars used by the training text: at least 3 times and 1 in 200,000 letters of a language.
        var known = [UInt64](repeating: 0, count: 1024)
        for language in 0..<count {
            let floor = UInt32(max(3, letters[language] / 200_000))
            for scalar in 0..<0x10000 where scalarCounts[language][scalar] >= floor {
                known[scalar >> 6] |= 1 << UInt64(scalar & 63)
            }
        }

        var header = LanguageModel.Header(
            languages: languages, others: groups.isEmpty ? nil : groups, otherBias: groups.isEmpty ? nil : settings.otherBias, maxOrder: settings.maxOrder, rowBits: settings.rowBits, scale: scale,
            typicalCost: [Double](repeating: 0, count: count), costSpread: [Double](repeating: 1, count: count),
            temperature: settings.temperature,
            surpriseLimit: settings.surpriseLimit, surpriseSlack: settings.surpriseSlack,
            source: settings.source, license: settings.license, sentences: examples.count)
        let draft = LanguageModel(header: header, costs: costs, knownScalars: known)

        // The typical cost per feature of each language's own text.
        var sums = [Double](repeating: 0, count: count)
        var squares = [Double](repeating: 0, count: count)
        var seen = [Double](repeating: 0, count: count)
        for (example, label) in zip(examples, labels) {
            guard let (mean, featureCount) = draft.meanCost(example.text, language: label), featureCount >= 8 else { continue }
            sums[label] += mean
            squares[label] += mean * mean
            seen[label] += 1
        }
        for language in 0..<count where seen[language] > 1 {
            let mean = sums[language] / seen[language]
            header.typicalCost[language] = mean
            header.costSpread[language] = max(0.01, (squares[language] / seen[language] - mean * mean).squareRoot())
        }
        return LanguageModel(header: header, costs: costs, knownScalars: known)
    }
}

extension LanguageModel {
    /// The same model with another header (same languages and classes).
    func with(header: Header) -> LanguageModel {
        LanguageModel(header: header, table: table)
    }

    /// The mean cost per feature (in nats) of a text under one class, and its feature count.
    func meanCost(_ text: String, language: Int) -> (Double, Int)? {
        var text = text
        return text.withUTF8 { bytes in
            var total = 0
            var featureCount = 0
            var units = TextUnits(bytes)
            var hasher = features.hasher()
            while let unit = units.next() {
                featureCount += hasher.push(unit) { total += Int(table.cost(row: $0, class: language)) }
            }
            return featureCount == 0 ? nil : (Double(total) / header.scale / Double(featureCount), featureCount)
        }
    }
}
