import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineYAML

/// The repository's root folder.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// What `Tests/SeedExpectations/expectations.yaml` says about one seed's entities.
private struct SeedEntityExpectations: Sendable {
    var seed: String
    var entities: [(text: String, label: String)]
    var canonical: [(mention: String, target: String)]
    var notEntities: [String]
}

/// The seeds run through `pipelines/french-news.yaml`, with their expectations (computed once).
private let seedRun: Result<[(article: Article, expected: SeedEntityExpectations)], any Error> = Result {
    let file = repositoryRoot.appendingPathComponent("Tests/SeedExpectations/expectations.yaml").path
    let yaml = try YAMLParser.parse(String(contentsOfFile: file, encoding: .utf8), file: file)
    var expectations: [SeedEntityExpectations] = []
    for pair in yaml.mapping ?? [] {
        guard let seed = pair.key.scalar else { continue }
        let value = pair.value
        expectations.append(SeedEntityExpectations(
            seed: seed,
            entities: (value["entities"]?.mapping ?? []).map { ($0.key.scalar ?? "", $0.value.scalar ?? "") },
            canonical: (value["canonical"]?.mapping ?? []).map { ($0.key.scalar ?? "", $0.value.scalar ?? "") },
            notEntities: (value["not_entities"]?.sequence ?? []).compactMap(\.scalar)))
    }
    let loaded = PipelineLoader(registry: .builtIn).load(file: repositoryRoot.appendingPathComponent("pipelines/french-news.yaml").path)
    guard let plan = loaded.plan, loaded.errors.isEmpty else { throw DiagnosticsError(loaded.errors) }
    let runner = PipelineRunner(pipeline: Pipeline(plan: plan, stages: loaded.stages), options: .init(jobs: 2))
    let articles = try expectations.map { expected in
        Article(id: expected.seed, text: try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(expected.seed).txt"), encoding: .utf8))
    }
    let (results, _) = try runner.run(articles)
    return try zip(results, expectations).map { result, expected in (try result.get(), expected) }
}

/// Curly apostrophes made straight, as the expectations file says to compare.
private func normalized(_ text: String) -> String { text.replacingOccurrences(of: "’", with: "'") }

@Suite("entities on the seed articles with the french-news pipeline")
struct SeedEntitiesTests {
    @Test("every expected entity is tagged with its label")
    func expectedEntitiesAreFound() throws {
        for (article, expected) in try seedRun.get() {
            for (text, label) in expected.entities {
                let labels = Set(article.entities.filter { normalized($0.text) == normalized(text) }.map(\.label))
                #expect(labels.contains(label), "\(expected.seed): '\(text)' should be \(label), found \(labels.sorted())")
            }
        }
    }

    @Test("boilerplate, sentence-initial words and English noise are never tagged")
    func notEntitiesAreNotTagged() throws {
        for (article, expected) in try seedRun.get() {
            for text in expected.notEntities {
                let wrong = article.entities.filter { entity in
                    let words = entity.text.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init)
                    return entity.text == text || (text.count >= 4 && (words.contains(text) || entity.text.contains(text)))
                }
                #expect(wrong.isEmpty, "\(expected.seed): '\(text)' is tagged as \(wrong.map { "\($0.text)/\($0.label)" })")
            }
        }
    }

    @Test("mentions of one entity share a canonical name")
    func canonicalPairsAreLinked() throws {
        for (article, expected) in try seedRun.get() {
            for (mention, target) in expected.canonical {
                let targets = Set(article.entities.filter { normalized($0.text) == normalized(target) }.map(\.canonical))
                // A title before a name is not part of the mention (`M. Lavrov` is tagged `Lavrov`).
                let mentionSpans = occurrences(of: normalized(mention), in: normalized(article.text))
                let linked = article.entities.filter { entity in mentionSpans.contains { $0.overlaps(entity.span) } }
                #expect(!targets.isEmpty, "\(expected.seed): '\(target)' is not tagged")
                #expect(!linked.isEmpty, "\(expected.seed): '\(mention)' is not tagged")
                for entity in linked {
                    #expect(targets.contains(entity.canonical),
                            "\(expected.seed): '\(entity.text)' has canonical '\(entity.canonical)', '\(target)' has \(targets.sorted())")
                }
            }
        }
    }
}

/// Word-bounded occurrences of `needle` in `text`, as scalar spans.
private func occurrences(of needle: String, in text: String) -> [Span] {
    let haystack = Array(text.unicodeScalars), pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return [] }
    func isWord(_ k: Int) -> Bool { k >= 0 && k < haystack.count && haystack[k].properties.isAlphabetic }
    var spans: [Span] = []
    for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<(start + pattern.count)]) == pattern {
        if !isWord(start - 1) && !isWord(start + pattern.count) { spans.append(Span(start: start, end: start + pattern.count)) }
    }
    return spans
}
