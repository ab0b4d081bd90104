import Foundation
import Testing
import TextMineCore
import TextMinePlugins

/// Loads a pipeline from YAML in a unit test, to assert on its lint findings or run it on articles.
///
/// ```swift
/// let pipeline = PipelineHarness(yaml: """
///     stages:
///       - use: strip-lines
///         with: {prefix: Photo}
///     """, registry: StageRegistry([StripLines.self]))
/// #expect(pipeline.findings.isEmpty)
/// let articles = try pipeline.run(["Photo: AFP\nTexte."])
/// ```
/// `plugins:` entries are loaded (dynamic libraries and out-of-process stages), and relative
/// paths resolve against `baseDirectory`.
public struct PipelineHarness: Sendable {
    /// What the loader gave: the plan, the built stages and every finding.
    public let result: PipelineLoadResult

    /// Loads pipeline YAML with the given stages (with `external`, which needs no registration); pass
    /// `StageRegistry.builtIn` (from `TextMineStages`) for the built-in stages.
    public init(yaml: String, file: String = "pipeline.yaml", registry: StageRegistry = StageRegistry(),
                baseDirectory: String = FileManager.default.currentDirectoryPath, environment: [String: String] = [:]) {
        var loader = PipelineLoader.withPlugins(registry: registry.withExternal)
        loader.environment = environment
        result = loader.load(yaml: yaml, file: file, baseDirectory: baseDirectory)
    }

    /// Every finding, as `file:line:col: severity: message` lines (hints left out).
    public var findings: [String] { result.diagnostics.map(\.headline) }

    /// Runs the pipeline on articles made from texts (ids `1`, `2`, …).
    public func run(_ texts: [String], language: LanguageCode? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> [Article] {
        try run(texts.enumerated().map { Article(id: "\($0.offset + 1)", text: $0.element, language: language) },
                sourceLocation: sourceLocation)
    }

    /// Runs the pipeline on articles, step by step (corpus stages see every article), checking the
    /// stage contract after each step. Throws the pipeline's errors, or the first stage error.
    public func run(_ articles: [Article], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Article] {
        guard let plan = result.plan else { throw DiagnosticsError(result.errors) }
        var articles = articles
        for (step, built) in zip(plan.steps, result.stages) {
            var stage = built
            if var corpusStage = stage as? any CorpusStage {
                try corpusStage.prepare(corpus: articles)
                stage = corpusStage
            }
            let context = StageContext(step: step.name)
            articles = try articles.map { article in
                var processed = article
                try stage.process(&processed, context: context)
                if !processed.pendingWarnings.isEmpty { processed.recordTrace(step: step.name, seconds: nil) }
                for violation in StageContract.violations(before: article, after: processed, checks: [.spans, .editsOnly]) {
                    Issue.record("step '\(step.name)' broke the stage contract on article '\(article.id)': \(violation)",
                                 sourceLocation: sourceLocation)
                }
                return processed
            }
        }
        return articles
    }
}
