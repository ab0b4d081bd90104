import TextMineCore

/// A stage that leaves the article as it is: the minimal stage, for benchmarks of the runtime and
/// for pipelines under construction.
public struct PassStage: Stage {
    public static let description = StageDescription(
        id: "pass",
        abstract: "Passes articles through unchanged (measures the runtime's own cost).",
        documentation: """
            Does nothing to the article. Use it to measure the runtime's overhead or as a placeholder \
            while authoring a pipeline.
            """)

    public init(options: StageOptions) throws {}

    public func process(_ article: inout Article, context: StageContext) throws {}
}
