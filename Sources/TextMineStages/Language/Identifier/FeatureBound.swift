/// A threshold on a per-feature statistic of a text that depends on how many features the text
/// has: `base + slope / √features` (short texts stray more from their language's typical values).
/// The ``LanguageModel`` keeps two per language, fitted on held-out text of the language
/// (``LanguageTrainer``): the least margin over the runner-up language and the most surprise that
/// all but a small share of its own texts show.
public struct FeatureBound: Codable, Sendable, Equatable {
    public var base: Double
    public var slope: Double

    public init(base: Double, slope: Double) {
        self.base = base
        self.slope = slope
    }

    /// The threshold for a text of `features` features.
    @inline(__always)
    func value(features: Int) -> Double { base + slope / Double(features).squareRoot() }

    /// The bound under which (`quantile` near 0) or over which (near 1) that share of the
    /// observations falls, as a function of their feature count: the observations are cut into
    /// `bins` groups of similar length, the quantile of each group is taken, and a line in
    /// `1/√features` is fitted through them by least squares. Nil for fewer than 20 observations
    /// per group.
    static func fit(_ observations: [(features: Int, value: Double)], quantile: Double, bins: Int = 6) -> FeatureBound? {
        guard bins >= 2, observations.count >= 20 * bins else { return nil }
        let sorted = observations.sorted { $0.features < $1.features }
        var points: [(x: Double, y: Double)] = []
        for bin in 0..<bins {
            let group = sorted[(bin * sorted.count / bins)..<((bin + 1) * sorted.count / bins)]
            let values = group.map(\.value).sorted()
            let median = group[group.startIndex + group.count / 2].features
            let y = values[min(values.count - 1, Int((quantile * Double(values.count - 1)).rounded()))]
            points.append((1 / Double(max(1, median)).squareRoot(), y))
        }
        let meanX = points.map(\.x).reduce(0, +) / Double(bins)
        let meanY = points.map(\.y).reduce(0, +) / Double(bins)
        let spread = points.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        guard spread > 0 else { return FeatureBound(base: meanY, slope: 0) }
        let slope = points.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +) / spread
        return FeatureBound(base: meanY - slope * meanX, slope: slope)
    }
}
