import Foundation
import TextMineCore
import TextMinePlugins
import TextMineStages
import TextMineYAML

/// The fuzz targets: each feeds arbitrary bytes to one parser or to a whole pipeline, which must
/// return (with results or clear failures) and never trap, hang or exhaust memory.
///
/// `Fuzz/` (a separate package, built with `-sanitize=fuzzer,address`) runs them under libFuzzer;
/// the tests replay every input that once crashed one (`Tests/FuzzRegressions/TARGET/`), so a
/// normal `swift test` keeps each fix.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The YAML layer, then the pipeline loader (lint) on the same bytes.
    case yaml
    /// The JSONL decoder (one article per line, annotation fields and spans included).
    case jsonl
    /// The text decoder (encodings, blank files).
    case text
    /// The HTML decoder and extraction, then sentences and tokens (the web-news pipeline).
    case html
    /// An out-of-process stage's reply: decoded and applied to an article.
    case pluginReply = "plugin-reply"
    /// A stage manifest (option schemas with types, bounds, defaults).
    case manifest
    /// The french-news pipeline on the bytes as a text article.
    case pipeline

    /// Runs the target on one input.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .yaml:
            _ = try? YAMLParser.parse(bytes: bytes, file: "fuzz.yaml")
            if let text = String(validating: bytes, as: UTF8.self) {
                var loader = PipelineLoader(registry: .builtIn, environment: [:])
                loader.buildsStages = false
                _ = loader.load(yaml: text, file: "fuzz.yaml", baseDirectory: "/nonexistent")
            }
        case .jsonl:
            _ = JSONLDecoder().decode(bytes, from: InputLocation(path: "fuzz.jsonl"))
        case .text:
            _ = TextDecoder().decode(bytes, from: InputLocation(path: "fuzz.txt"))
        case .html:
            Self.run(Self.webNews, on: HTMLDecoder().decode(bytes, from: InputLocation(path: "fuzz.html")))
        case .pluginReply:
            guard let patch = try? JSONDecoder().decode(ArticlePatch.self, from: Data(bytes)) else { return }
            var article = Self.replyArticle
            for replacing in [[], Set(ArticlePatch.AppendableField.allCases)] {
                _ = try? patch.apply(to: &article, step: "fuzz", replacing: replacing)
            }
        case .manifest:
            guard let node = try? YAMLParser.parse(bytes: bytes, file: "fuzz.stage.yaml") else { return }
            _ = StageManifest.parse(node, file: "fuzz.stage.yaml", baseDirectory: "/nonexistent")
        case .pipeline:
            Self.run(Self.frenchNews, on: TextDecoder().decode(bytes, from: InputLocation(path: "fuzz.txt")))
        }
    }

    /// Runs decoded articles through a pipeline, discarding the results.
    private static func run(_ pipeline: Pipeline?, on decoded: [Result<Article, ArticleFailure>]) {
        guard let pipeline else { return }
        let articles = decoded.compactMap { try? $0.get() }
        _ = try? PipelineRunner(pipeline: pipeline, options: .init(jobs: 1, recordsTimings: false)).run(articles)
    }

    /// An article with every kind of annotation, for replies to apply to.
    private static let replyArticle: Article = {
        var article = Article(id: "fuzz", text: "Emmanuel Macron est à Paris. Il parle.")
        article.sentences = [Sentence(span: Span(start: 0, end: 28)), Sentence(span: Span(start: 29, end: 38))]
        article.tokens = [Token(span: Span(start: 0, end: 8)), Token(span: Span(start: 9, end: 15))]
        article.entities = [Entity(span: Span(start: 0, end: 15), text: "Emmanuel Macron", label: "PER",
                                   canonical: "Emmanuel Macron", confidence: 1, step: "entities")]
        return article
    }()

    /// The stages of pipelines/french-news.yaml.
    private static let frenchNews = pipeline("""
        language: fr
        stages:
          - use: clean
          - use: metadata
          - use: boilerplate
          - use: sentences
          - use: tokens
          - use: entities
          - use: summarize
            with: {sentences: 3}
          - use: keywords
        """)

    /// The stages of pipelines/web-news.yaml.
    private static let webNews = pipeline("""
        stages:
          - use: extract
            with: {strategies: [dom-scoring, all-paragraphs, json-ld, body-text], min-length: 200}
          - use: sentences
          - use: tokens
        """)

    private static func pipeline(_ yaml: String) -> Pipeline? {
        let result = PipelineLoader(registry: .builtIn, environment: [:]).load(yaml: yaml, file: "fuzz-pipeline.yaml")
        guard let plan = result.plan else { return nil }
        return Pipeline(plan: plan, stages: result.stages)
    }
}
