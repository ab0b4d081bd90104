import TextMineCore

/// A language identifier: a linear model over hashed character n-grams and words
/// (``NgramFeatures``), in the spirit of langid.py and CLD3: multinomial naive Bayes costs refined
/// by averaged-perceptron passes (``CostRefinement``), stored as one byte per row and language
/// (a quantised cost, the row's negative log-probability before refinement).
///
/// ```swift
/// let model = try LanguageModel.builtIn()
/// let guess = model.identify("Le gouvernement a annoncé mardi")   // fr, 0.99…
/// ```
///
/// Identifying reads the text once, on UTF-8 bytes, adding one row of costs per feature (no
/// allocation per feature). Text in none of the model's languages, or too short to tell, is
/// ``LanguageCode/undetermined`` with a low confidence:
/// - fewer than ``minLetters`` letters;
/// - most letters in scalars the training data never used (another script: Greek, Chinese…);
/// - text closer to one of the model's classes of *other* languages (``Header/others``: Swedish,
///   Ukrainian… for the built-in model) than to any of its languages;
/// - costs per feature far above what the best language's own text costs (another language in
///   the same script that no class covers).
///
/// A label is unsure (confidence at most ``unsureConfidence``) when the text is closer to the
/// runner-up language, or costs more under its language, than all but a small share of that
/// language's held-out texts (``Header/marginFloor``, ``Header/surpriseCeiling``): text between two
/// of the model's languages, or beside one, is what a close relative looks like.
public struct LanguageModel: Sendable {
    /// What the model file says about the model.
    public struct Header: Codable, Sendable, Equatable {
        /// The languages, in row order.
        public var languages: [LanguageCode]
        /// Classes of other languages, after ``languages`` in each row (nil in models without):
        /// text whose best class is one of them is `und`. They teach the model what the languages
        /// it must not name look like (Swedish is not Dutch).
        public var others: [String]?
        /// Nats per feature added to the cost of the ``others`` classes, so that text of the model's
        /// languages keeps its label when an other class comes close (nil: 0).
        public var otherBias: Double?
        public var maxOrder: Int
        public var rowBits: Int
        /// Costs are `-log P × scale`, rounded, at most 255.
        public var scale: Double
        /// Per class (languages, then others): the mean cost per feature (in nats) of its own training texts, and the
        /// standard deviation of that mean over them.
        public var typicalCost: [Double]
        public var costSpread: [Double]
        /// The temperature that turns cost differences into confidences (features overlap, so
        /// naive Bayes would be overconfident with 1).
        public var temperature: Double
        /// A text whose mean cost per feature exceeds its best language's typical cost by more than
        /// `surpriseLimit × costSpread + surpriseSlack / √features` nats is `und` (short texts
        /// stray more).
        public var surpriseLimit: Double
        public var surpriseSlack: Double
        /// Per language: the least margin over the runner-up language (nats per feature) and the
        /// most ``Identification/surprise`` that all but a small share of its held-out texts show,
        /// by length. A label beyond either is unsure (confidence at most
        /// ``LanguageModel/unsureConfidence``): the text may be in a close relative that the model
        /// has no class for (Galician between Portuguese and Spanish, Afrikaans beside Dutch).
        /// Nil in models trained without calibration.
        public var marginFloor: [FeatureBound]?
        public var surpriseCeiling: [FeatureBound]?
        /// Where the training data came from, and its licence.
        public var source: String
        public var license: String
        public var sentences: Int

        /// Columns of the cost table: the languages, then the other classes.
        var classCount: Int { languages.count + (others?.count ?? 0) }
    }

    /// A language and how sure the model is of it.
    public struct Identification: Sendable, Equatable {
        /// The best language, or ``LanguageCode/undetermined``.
        public var language: LanguageCode
        /// The probability of `language` among the model's classes (0 for `und` by shortness
        /// or script; for `und` by another class or by typicality, the best language's, which is
        /// low).
        public var confidence: Double
        /// The best language even when the answer is `und` (nil when the text has no letters).
        public var best: LanguageCode?
        /// Letters read.
        public var letters: Int
        /// How much more the text's features cost under `best` than its own text's do, in nats per
        /// feature (0 when there is no best language).
        public var surprise: Double = 0
        /// Features read.
        public var features: Int = 0
        /// The second-best language (nil when there is no best language).
        public var runnerUp: LanguageCode? = nil
        /// How much more the text's features cost under ``runnerUp`` than under `best`, in nats per feature.
        public var margin: Double = 0
        /// How much more they cost under the closest class of other languages (without its bias) than under `best`.
        public var otherMargin: Double = 0
    }

    public let header: Header
    let features: NgramFeatures
    /// The costs and known scalars, in memory the hot loop reads without bounds checks.
    let table: CostTable
    /// Bytes per row of costs: one per class.
    var stride: Int { table.stride }

    /// The highest confidence of a label that fails the closeness test (``Header/marginFloor``,
    /// ``Header/surpriseCeiling``): below the `language` stage's default threshold, so that the
    /// declared language is used.
    public static let unsureConfidence = 0.5
    /// Texts with fewer letters are `und`.
    public static let minLetters = 3
    /// Texts whose letters are more than this share of unknown scalars are `und`.
    static let maxUnknownShare = 0.3

    public var languages: [LanguageCode] { header.languages }

    /// The classes of other languages (none in models without).
    public var others: [String] { header.others ?? [] }

    init(header: Header, costs rows: [UInt8], knownScalars: [UInt64]) {
        self.init(header: header, table: CostTable(rows: rows, classes: header.classCount, rowBits: header.rowBits, known: knownScalars))
    }

    init(header: Header, table: CostTable) {
        self.header = header
        features = NgramFeatures(maxOrder: header.maxOrder, rowBits: header.rowBits)
        self.table = table
    }

    /// The language of a text.
    public func identify(_ text: String) -> Identification {
        var text = text
        return text.withUTF8 { identify($0) }
    }

    /// The language of UTF-8 bytes.
    public func identify(_ bytes: UnsafeBufferPointer<UInt8>) -> Identification {
        let classes = header.classCount
        let known = header.languages.count
        let (totals, featureCount, letters, unknown) = score(bytes)
        guard letters >= Self.minLetters, featureCount > 0 else {
            return Identification(language: .undetermined, confidence: 0, best: nil, letters: letters)
        }
        // Costs in nats × scale, the others' raised by their bias.
        let bias = (header.otherBias ?? 0) * header.scale * Double(featureCount)
        var costs = [Double](repeating: 0, count: classes)
        for index in 0..<classes { costs[index] = Double(totals[index]) + (index >= known ? bias : 0) }
        var bestKnown = 0
        for language in 1..<known where costs[language] < costs[bestKnown] { bestKnown = language }
        var second = bestKnown == 0 ? 1 : 0
        for language in 0..<known where language != bestKnown && costs[language] < costs[second] { second = language }
        var nearestOther = Double.infinity
        for index in known..<classes { nearestOther = min(nearestOther, Double(totals[index])) }
        let perFeature = header.scale * Double(featureCount)
        let margin = (costs[second] - costs[bestKnown]) / perFeature
        let otherMargin = classes > known ? (nearestOther - Double(totals[bestKnown])) / perFeature : .infinity
        var best = bestKnown
        for index in known..<classes where costs[index] < costs[best] { best = index }
        let bestLanguage = header.languages[bestKnown]
        if Double(unknown) > Self.maxUnknownShare * Double(letters) {
            return Identification(language: .undetermined, confidence: 0, best: bestLanguage, letters: letters)
        }
        // The probability of the best language, with costs in nats tempered for overlapping features.
        let unit = header.scale * header.temperature
        var sum = 0.0
        for index in 0..<classes { sum += Self.exp(-(costs[index] - costs[best]) / unit) }
        var confidence = Self.exp(-(costs[bestKnown] - costs[best]) / unit) / sum
        let surprise = Double(totals[bestKnown]) / header.scale / Double(featureCount) - header.typicalCost[bestKnown]
        let limit = header.surpriseLimit * header.costSpread[bestKnown] + header.surpriseSlack / Double(featureCount).squareRoot()
        if best != bestKnown || surprise > limit {
            return Identification(language: .undetermined, confidence: min(confidence, 0.2), best: bestLanguage, letters: letters,
                                  surprise: surprise, features: featureCount, runnerUp: header.languages[second], margin: margin, otherMargin: otherMargin)
        }
        if let floors = header.marginFloor, let ceilings = header.surpriseCeiling,
           margin < floors[bestKnown].value(features: featureCount) || surprise > ceilings[bestKnown].value(features: featureCount) {
            confidence = min(confidence, Self.unsureConfidence)
        }
        return Identification(language: bestLanguage, confidence: confidence, best: bestLanguage, letters: letters,
                              surprise: surprise, features: featureCount, runnerUp: header.languages[second], margin: margin, otherMargin: otherMargin)
    }

    /// The total cost of `bytes` under each language, the number of features, letters and letters
    /// in scalars the training text did not use. Costs add up 16 languages at a time in 16-bit
    /// lanes, flushed to 32 bits before they can overflow.
    private func score(_ bytes: UnsafeBufferPointer<UInt8>) -> (totals: [UInt32], features: Int, letters: Int, unknown: Int) {
        let stride = self.stride
        let chunks = (stride + 15) / 16
        var totals = [UInt32](repeating: 0, count: chunks * 16)
        var featureCount = 0
        var unknown = 0
        var letters = 0
        let base = UnsafeRawPointer(table.rows)
        let known = table.known
        let asciiKnown = table.knowsLowercaseASCII
        for chunk in 0..<chunks {
            let offset = chunk &* 16
            var units = TextUnits(bytes)
            var hasher = features.hasher()
            var lanes = SIMD16<UInt16>.zero
            var sums = SIMD16<UInt32>.zero
            var pending = 0
            while let unit = units.next() {
                if chunk == 0, unit >= 0x80 || !asciiKnown, unit != TextUnits.space,
                   unit >= 0x10000 || known[Int(unit >> 6)] & (1 << UInt64(unit & 63)) == 0 {
                    unknown &+= 1
                }
                pending &+= hasher.push(unit) { row in
                    // 16 bytes from the row's start: lanes past the last class read the next row
                    // (or the table's padding) and are ignored.
                    let raw = base.loadUnaligned(fromByteOffset: row &* stride &+ offset, as: SIMD16<UInt8>.self)
                    lanes &+= SIMD16<UInt16>(truncatingIfNeeded: raw)
                }
                if pending >= 250 {  // 255 × (250 + 5) < 65,536
                    sums &+= SIMD16<UInt32>(truncatingIfNeeded: lanes)
                    lanes = .zero
                    featureCount &+= chunk == 0 ? pending : 0
                    pending = 0
                }
            }
            sums &+= SIMD16<UInt32>(truncatingIfNeeded: lanes)
            for lane in 0..<16 { totals[offset + lane] = sums[lane] }
            if chunk == 0 {
                featureCount &+= pending
                letters = units.letters
            }
        }
        return (totals, featureCount, letters, unknown)
    }

    @inline(__always)
    static func exp(_ x: Double) -> Double {
        x < -50 ? 0 : _exp(x)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always)
private func _exp(_ x: Double) -> Double { exp(x) }

/// The cost rows of a ``LanguageModel`` (one byte per class, rows back to back, so that the
/// table is as small as it can be: identification is bound by its cache misses; 16 bytes of
/// padding at the end for reads of 16 lanes) and its bitmap of known scalars, allocated once and
/// never changed (so shared freely between threads).
final class CostTable: @unchecked Sendable {
    let rows: UnsafeMutableRawPointer
    let known: UnsafeMutablePointer<UInt64>
    let stride: Int
    let classes: Int
    let rowCount: Int
    /// Whether every letter a–z is known (then identification checks only other scalars).
    let knowsLowercaseASCII: Bool

    /// A table of `classes` costs per row (`rows` holds them without padding).
    init(rows costs: [UInt8], classes: Int, rowBits: Int, known bits: [UInt64]) {
        self.classes = classes
        rowCount = 1 << rowBits
        stride = classes
        let byteCount = rowCount * classes  // rows back to back: stride == classes
        precondition(costs.count == byteCount, "a cost table of \(rowCount) rows of \(classes) bytes")
        let table = UnsafeMutableRawPointer.allocate(byteCount: byteCount + 16, alignment: 64)
        table.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount + 16)
        costs.withUnsafeBytes { table.copyMemory(from: $0.baseAddress!, byteCount: byteCount) }
        rows = table
        known = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
        known.initialize(repeating: 0, count: 1024)
        for (index, word) in bits.prefix(1024).enumerated() { known[index] = word }
        knowsLowercaseASCII = (0x61...0x7A).allSatisfy { bits.count > $0 >> 6 && bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
    }

    deinit {
        rows.deallocate()
        known.deallocate()
    }

    /// The cost of a row in a class.
    func cost(row: Int, class index: Int) -> UInt8 {
        rows.load(fromByteOffset: row * stride + index, as: UInt8.self)
    }
}
