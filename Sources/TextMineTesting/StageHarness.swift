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
    /// The step name the stage runs as (`context.step`), recorded as provenance.
    public let step: String
    /// Which checks run after each article.
    public var checks: StageContract.Checks
    /// What the stage needs before it (its description's `requires`).
    public let requires: Set<Capability>
    /// Capabilities the test vouches for: the ones articles cannot show (`clean-text`,
    /// `boilerplate-removed`, a plugin's own), or ones a test means to leave unmet.
    public var given: Set<Capability>

    /// Builds a Swift stage from raw option values, validated against its schema as a pipeline would.
    ///
    /// - Parameters:
    ///   - options: option values as they would appear under `with:`; defaults fill the rest.
    ///   - step: the step name; defaults to the stage id.
    ///   - baseDirectory: the folder relative `path` options are resolved against.
    /// - Throws: ``StageError`` naming the first invalid option, or what `init(options:)` throws.
    ///   - given: capabilities to take as met (see ``given``).
    public init(_ type: any Stage.Type, options: [String: JSONValue] = [:], step: String? = nil,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                checks: StageContract.Checks = .all, given: Set<Capability> = []) throws {
        try self.init(StageDescriptor(type), options: options, step: step, baseDirectory: baseDirectory,
                      checks: checks, given: given)
    }

    /// Builds a stage from its registry description (a plugin's stage, for example).
    public init(_ descriptor: StageDescriptor, options: [String: JSONValue] = [:], step: String? = nil,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                checks: StageContract.Checks = .all, given: Set<Capability> = []) throws {
        let validated = try StageOptions.validated(options, schema: descriptor.options, baseDirectory: baseDirectory)
        self.stage = try descriptor.make(options: validated)
        self.step = step ?? descriptor.id.rawValue
        self.checks = checks
        self.requires = descriptor.requires
        self.given = given
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
    /// stage throws, and ``MissingCapabilities`` when the article lacks what the stage requires
    /// (the stage would otherwise run on nothing and find nothing).
    public func run(_ article: Article, sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
        let missing = requires.subtracting(given).filter { !Self.shows($0, article) }
        if !missing.isEmpty {
            throw MissingCapabilities(step: step, article: article.id, missing: missing.sorted())
        }
        let context = StageContext(step: step)
        var result = article
        try stage.process(&result, context: context)
        if !result.pendingWarnings.isEmpty { result.recordTrace(step: step, seconds: nil) }
        var violations = StageContract.violations(before: article, after: result, checks: checks)
        if checks.contains(.determinism) {
            var again = article
            try stage.process(&again, context: context)
            if !again.pendingWarnings.isEmpty { again.recordTrace(step: step, seconds: nil) }
            if again != result {
                violations.append("the stage is not deterministic: a second run on the same article gave a different result")
            }
        }
        for violation in violations {
            Issue.record("stage '\(step)' broke its contract on article '\(article.id)': \(violation)",
                         sourceLocation: sourceLocation)
        }
        return result
    }

    /// Whether an article's data shows a capability: the field that holds it (``ArticleField``'s
    /// table) has a value, or is one a blank text has none of (sentences, tokens). Capabilities without a
    /// layer (`clean-text`, `boilerplate-removed`, a plugin's own) never show: pass them as `given`.
    static func shows(_ capability: Capability, _ article: Article) -> Bool {
        guard let definition = ArticleField.field(holding: capability)?.definition else { return false }
        if definition.isEmptyOnBlankText, article.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            return true
        }
        return ArticleJSONWriter.hasValue(definition.field, in: article)
    }

    /// A stage run on an article that lacks what the stage requires.
    public struct MissingCapabilities: Error, CustomStringConvertible, Equatable {
        /// The step name.
        public var step: String
        /// The article's id.
        public var article: String
        /// The capabilities the article lacks, sorted.
        public var missing: [Capability]

        public init(step: String, article: String, missing: [Capability]) {
            self.step = step
            self.article = article
            self.missing = missing
        }

        public var description: String {
            let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return "stage '\(step)' requires \(names), which article '\(article)' does not have: run the stages that "
                + "produce \(missing.count == 1 ? "it" : "them") first (or a PipelineHarness), fill the article's "
                + "fields, or list \(missing.count == 1 ? "it" : "them") in the harness's given:"
        }
    }

    /// Runs the stage on several articles, in order.
    public func run(_ articles: [Article], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Article] {
        try articles.map { try run($0, sourceLocation: sourceLocation) }
    }
}
