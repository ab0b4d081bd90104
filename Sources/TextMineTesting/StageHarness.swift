import Foundation
import Testing
import TextMineCore

/// Runs one stage on articles inside a unit test: no pipeline file, no input files, no threads.
///
/// Like swift-nio's `EmbeddedChannel`, the harness drives a single component in isolation. Each
/// run also checks the stage contract (see ``StageContract``) and records a test issue when the
/// stage breaks it, so every stage test checks the contract for free.
///
/// ```swift
/// @Test func shouts() throws {
///     let harness = try StageHarness(Shout.self, options: ["suffix": "!"])
///     let article = try harness.run("bonjour")
///     #expect(article.text == "BONJOUR!")
/// }
/// ```
public struct StageHarness: Sendable {
    /// The stage under test.
    public private(set) var stage: any Stage
    /// The step name the stage runs as (`context.stageName`), recorded as provenance.
    public let stageName: String
    /// Which checks run after each article.
    public var checks: StageContract.Checks

    /// Builds a Swift stage from raw option values, validated against its schema as a pipeline would.
    ///
    /// - Parameters:
    ///   - options: option values as they would appear under `with:`; defaults fill the rest.
    ///   - stageName: the step name; defaults to the stage id.
    ///   - baseDirectory: the folder relative `path` options are resolved against.
    /// - Throws: ``StageError`` naming the first invalid option, or what `init(options:)` throws.
    public init(_ type: any Stage.Type, options: [String: JSONValue] = [:], stageName: String? = nil,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                checks: StageContract.Checks = .all) throws {
        try self.init(StageDescriptor(type), options: options, stageName: stageName, baseDirectory: baseDirectory,
                      checks: checks)
    }

    /// Builds a stage from its registry description (a plugin's stage, for example).
    public init(_ descriptor: StageDescriptor, options: [String: JSONValue] = [:], stageName: String? = nil,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                checks: StageContract.Checks = .all) throws {
        let validated = try StageOptions.validated(options, schema: descriptor.options, baseDirectory: baseDirectory)
        self.stage = try descriptor.make(options: validated)
        self.stageName = stageName ?? descriptor.id.rawValue
        self.checks = checks
    }

    /// Gives a ``CorpusStage`` the corpus statistics it needs before ``run(_:sourceLocation:)``, as
    /// the runtime does once before the first article; does nothing for other stages.
    public mutating func prepare(corpus: [Article]) throws {
        guard var corpusStage = stage as? any CorpusStage else { return }
        try corpusStage.prepare(corpus: corpus)
        stage = corpusStage
    }

    /// Runs the stage on a new article with this text.
    public func run(_ text: String, id: String = "test", language: LanguageCode? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
        try run(Article(id: id, text: text, language: language), sourceLocation: sourceLocation)
    }

    /// Runs the stage on an article and returns the article as the stage left it.
    ///
    /// Records a test issue for every broken contract rule (see ``StageContract``); throws what the
    /// stage throws.
    public func run(_ article: Article, sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
        let context = StageContext(stageName: stageName)
        var result = article
        try stage.process(&result, context: context)
        if !result.pendingWarnings.isEmpty { result.recordTrace(stage: stageName, seconds: nil) }
        var violations = StageContract.violations(before: article, after: result, checks: checks)
        if checks.contains(.determinism) {
            var again = article
            try stage.process(&again, context: context)
            if !again.pendingWarnings.isEmpty { again.recordTrace(stage: stageName, seconds: nil) }
            if again != result {
                violations.append("the stage is not deterministic: a second run on the same article gave a different result")
            }
        }
        for violation in violations {
            Issue.record("stage '\(stageName)' broke its contract on article '\(article.id)': \(violation)",
                         sourceLocation: sourceLocation)
        }
        return result
    }

    /// Runs the stage on several articles, in order.
    public func run(_ articles: [Article], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Article] {
        try articles.map { try run($0, sourceLocation: sourceLocation) }
    }
}
