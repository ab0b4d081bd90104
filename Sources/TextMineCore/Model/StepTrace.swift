/// A record that a step processed the article (`trace` in JSON).
public struct StepTrace: Hashable, Sendable {
    /// The step's name in the pipeline (written as `stage` in JSON).
    public var step: String
    /// Wall time the step spent on this article, in seconds; nil when the run leaves timings out
    /// (`output: timings: false`, `textmine run --no-timings`) so that its output is reproducible.
    public var seconds: Double?
    /// What the step's stage warned about while processing the article (see ``Article/warn(_:)``), such as
    /// an article in a language it has no rules for; empty for most articles.
    public var warnings: [String]

    public init(step: String, seconds: Double?, warnings: [String] = []) {
        self.step = step
        self.seconds = seconds
        self.warnings = warnings
    }
}

// MARK: - Codable

extension StepTrace: Codable {
    private enum CodingKeys: String, CodingKey { case step = "stage", seconds, warnings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(step: try c.decode(String.self, forKey: .step),
                  seconds: try c.decodeIfPresent(Double.self, forKey: .seconds),
                  warnings: try c.decodeIfPresent([String].self, forKey: .warnings) ?? [])
    }

    /// Encodes the trace, leaving out `warnings` when there are none.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(step, forKey: .step)
        try c.encodeIfPresent(seconds, forKey: .seconds)
        if !warnings.isEmpty { try c.encode(warnings, forKey: .warnings) }
    }
}
