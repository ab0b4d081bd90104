import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineYAML

/// The repository's root folder.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The seeds run through `pipelines/french-news.yaml` (which summarizes in 3 sentences), each with
/// the boilerplate `Tests/SeedExpectations/expectations.yaml` lists for it.
private let seedSummaries: Result<[(article: Article, boilerplate: [String])], any Error> = Result {
    let file = repositoryRoot.appendingPathComponent("Tests/SeedExpectations/expectations.yaml").path
    let yaml = try YAMLParser.parse(String(contentsOfFile: file, encoding: .utf8), file: file)
    let seeds = (yaml.mapping ?? []).compactMap { pair in
        pair.key.scalar.map { ($0, (pair.value["boilerplate"]?.sequence ?? []).compactMap(\.scalar)) }
    }
    let loaded = PipelineLoader(registry: .builtIn).load(file: repositoryRoot.appendingPathComponent("pipelines/french-news.yaml").path)
    guard let plan = loaded.plan, loaded.errors.isEmpty else { throw DiagnosticsError(loaded.errors) }
    let runner = PipelineRunner(pipeline: Pipeline(plan: plan, stages: loaded.stages), options: .init(jobs: 2))
    let articles = try seeds.map { seed, _ in
        Article(id: seed, text: try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(seed).txt"), encoding: .utf8))
    }
    let (results, _) = try runner.run(articles)
    return try zip(results, seeds).map { result, seed in (try result.get(), seed.1) }
}

/// Straight apostrophes and single spaces, as the expectations file says to compare.
private func normalized(_ text: String) -> String {
    text.replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

@Suite("summaries of the seed articles with the french-news pipeline")
struct SeedSummaryTests {
    /// The selected sentences of an article's summary.
    private func selectedSentences(_ article: Article) throws -> [String] {
        let summary = try #require(article.summary)
        let scalars = Array(article.text.unicodeScalars)
        return summary.selected.map { String(String.UnicodeScalarView(scalars[summary.scores[$0].span.range])) }
    }

    @Test("each summary has 3 eligible, distinct sentences and keeps every sentence's score")
    func threeDistinctSentences() throws {
        for (article, _) in try seedSummaries.get() {
            let summary = try #require(article.summary)
            #expect(summary.method == "learned")
            #expect(summary.scores.count == article.sentences.count, "\(article.id)")
            #expect(summary.selected.count == 3, "\(article.id)")
            #expect(summary.selected.allSatisfy { summary.scores[$0].ineligible == nil }, "\(article.id)")
            let sentences = try selectedSentences(article)
            #expect(Set(sentences.map(normalized)).count == 3, "\(article.id): \(sentences)")
            #expect(summary.text == expectedSummaryText(article), "\(article.id)")
        }
    }

    @Test("no summary sentence is a fragment or a bare quote")
    func noFragments() throws {
        let openers: Set<Character> = ["«", "“", "\"", "–", "—", "-", "("]
        let enders: Set<Character> = [".", "!", "?", "…", "»", "”", "\""]
        for (article, _) in try seedSummaries.get() {
            for sentence in try selectedSentences(article) {
                let first = try #require(sentence.first { !openers.contains($0) && !$0.isWhitespace })
                #expect(first.isUppercase || first.isNumber, "\(article.id): starts in lower case: \(sentence)")
                #expect(sentence.last.map(enders.contains) == true, "\(article.id): no final punctuation: \(sentence)")
                if sentence.hasPrefix("«"), let close = sentence.firstIndex(of: "»") {
                    let attribution = sentence[sentence.index(after: close)...]
                    #expect(attribution.contains { $0.isLetter }, "\(article.id): bare quote: \(sentence)")
                }
            }
        }
    }

    @Test("no summary contains boilerplate the expectations list")
    func noBoilerplate() throws {
        for (article, boilerplate) in try seedSummaries.get() {
            let summary = normalized(try #require(article.summary).text)
            for item in boilerplate {
                #expect(!summary.contains(normalized(item)), "\(article.id): summary contains '\(item)'")
            }
            #expect(!summary.contains("READ "), "\(article.id)")
        }
    }

    @Test("each seed gets key phrases, best first, with spans on the text")
    func keywords() throws {
        for (article, _) in try seedSummaries.get() {
            #expect(article.keywords.count == 10, "\(article.id)")
            #expect(article.keywords.map(\.score) == article.keywords.map(\.score).sorted(by: >))
            #expect(article.keywords.contains { $0.phrase == "Russie" }, "\(article.id)")
        }
    }

    @Test("no debris in the seeds' text or summaries, and no summary sentence leans on one left out")
    func proseWithoutDebris() throws {
        for (article, _) in try seedSummaries.get() {
            let summary = try #require(article.summary)
            #expect(!SummaryFluency.hasDebris(summary.text), "\(article.id): \(summary.text)")
            #expect(!SummaryFluency.hasDebris(article.text), "\(article.id)")
            #expect(!SummaryFluency.hasOrphanOpening(article), "\(article.id): \(summary.text)")
            #expect(!summary.text.contains("\n"), "\(article.id)")
            #expect(!summary.text.hasPrefix("«"), "\(article.id): opens with a quotation: \(summary.text)")
        }
    }

    @Test("keywords name each entity once, in its canonical form, without lone adjectives or fragments")
    func keywordsWithoutDuplicates() throws {
        for (article, _) in try seedSummaries.get() {
            let phrases = article.keywords.map(\.phrase)
            #expect(Set(phrases).count == phrases.count, "\(article.id): \(phrases)")
            let canonical = Dictionary(article.entities.map { ($0.text, $0.canonical) }, uniquingKeysWith: { first, _ in first })
            let entities = phrases.compactMap { canonical[$0] }
            #expect(Set(entities).count == entities.count, "\(article.id): \(phrases)")
            for pair in [("Poutine", "Vladimir Poutine"), ("Lavrov", "Sergueï Lavrov"), ("Blinken", "Antony Blinken"),
                         ("Fédération de Russie", "Russie")] {
                #expect(!(phrases.contains(pair.0) && phrases.contains(pair.1)), "\(article.id): \(phrases)")
            }
            for weak in ["Etat", "Affaires", "russe", "non", "nouvelle"] { #expect(!phrases.contains(weak), "\(article.id): \(phrases)") }
            // NATO under the entity's canonical name, in every seed that names it.
            #expect(!phrases.contains("OTAN"), "\(article.id): \(phrases)")
        }
    }
}
