/// A record that a stage processed the article.
public struct StageTrace: Hashable, Sendable {
    /// The stage's instance id in the pipeline.
    public var stage: String
    /// Wall time the stage spent on this article, in seconds; nil when the run leaves timings out
    /// (`output: timings: false`, `textmine run --no-timings`) so that its output is reproducible.
    public var seconds: Double?
    /// What the stage warned about while processing the article (see ``Article/warn(_:)``), such as
    /// an article in a language it has no rules for; empty for most articles.
    public var warnings: [String]

    public init(stage: String, seconds: Double?, warnings: [String] = []) {
        self.stage = stage
        self.seconds = seconds
        self.warnings = warnings
    }
}

// MARK: - Codable

extension StageTrace: Codable {
    private enum CodingKeys: String, CodingKey { case stage, seconds, warnings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(stage: try c.decode(String.self, forKey: .stage),
                  seconds: try c.decodeIfPresent(Double.self, forKey: .seconds),
                  warnings: try c.decodeIfPresent([String].self, forKey: .warnings) ?? [])
    }

    /// Encodes the trace, leaving out `warnings` when there are none.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encodeIfPresent(seconds, forKey: .seconds)
        if !warnings.isEmpty { try c.encode(warnings, forKey: .warnings) }
    }
}
