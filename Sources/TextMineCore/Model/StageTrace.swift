/// A record that a stage processed the article.
public struct StageTrace: Codable, Hashable, Sendable {
    /// The stage's instance id in the pipeline.
    public var stage: String
    /// Wall time the stage spent on this article, in seconds; nil when the run leaves timings out
    /// (`output: timings: false`, `textmine run --no-timings`) so that its output is reproducible.
    public var seconds: Double?

    public init(stage: String, seconds: Double?) {
        self.stage = stage
        self.seconds = seconds
    }
}
