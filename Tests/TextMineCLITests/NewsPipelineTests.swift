import Foundation
import Testing
import TextMineCore

/// The multilingual main job on a mixed folder: the five French seeds and the English and German
/// scrapes of `Examples/news` (written for these tests: bylines, datelines, breadcrumbs, share and
/// newsletter lines).
@Suite("pipelines/news.yaml on a mixed folder", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct NewsPipelineTests {
    /// Every article of the mixed folder, by id.
    private static func run() throws -> [String: Article] {
        let result = try TextMineProcess.run(["run", "pipelines/news.yaml", "seeds", "Examples/news", "--no-timings", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let articles = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Article.self, from: Data($0.utf8)) }
        return Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0) })
    }

    private static let expected: [(id: String, language: LanguageCode, title: String?, authors: [String])] = [
        ("en-reuters-grain", "en", "EU ministers agree to extend duty-free access for Ukrainian grain", ["Sarah Mitchell", "David Chen"]),
        ("en-bbc-budget", "en", "Italy's parliament approves budget after all-night session", ["Tom Harding"]),
        ("en-senate-bill", "en", "Senate passes infrastructure bill as deadline looms", ["Jennifer Ortiz", "Michael O'Brien"]),
        ("de-dpa-heizung", "de", "Bundesregierung beschließt neues Heizungsgesetz", ["Anna Schmidt", "Markus Weber"]),
        ("de-zeitung-bahn", "de", "Bahn kündigt neuen Warnstreik an", ["Lena Hoffmann"]),
    ]

    @Test("each article has its language, its title and its authors; no body is removed as another language")
    func languagesTitlesBylines() throws {
        let articles = try Self.run()
        #expect(articles.count == 10)
        for seed in articles.values where !seed.id.contains("-") {
            #expect(seed.language == "fr", "\(seed.id)")
        }
        for want in Self.expected {
            let article = try #require(articles[want.id])
            #expect(article.language == want.language, "\(want.id)")
            #expect(article.metadata["title"]?.value.stringValue == want.title, "\(want.id)")
            #expect(article.metadata["authors"]?.value == .array(want.authors.map(JSONValue.string)), "\(want.id)")
            #expect(article.metadata["breadcrumbs"] != nil, "\(want.id)")
            #expect(article.metadata["date"] != nil, "\(want.id)")
        }
        for article in articles.values {
            let foreign = article.removals.filter { $0.reason.contains("other-language") }
            #expect(foreign.allSatisfy { $0.text.unicodeScalars.count < 120 }, "\(article.id): \(foreign.map(\.text))")
            #expect(article.text.unicodeScalars.count > 500, "\(article.id)")
        }
        // Share, newsletter and advertisement lines are gone; the body stays.
        let grain = try #require(articles["en-reuters-grain"])
        #expect(!grain.text.contains("Share this article") && !grain.text.contains("newsletter") && !grain.text.contains("Advertisement"))
        #expect(grain.text.hasPrefix("European Union agriculture ministers agreed on Tuesday"))
        #expect(grain.metadata["dateline"]?.value.stringValue == "BRUSSELS" && grain.metadata["agency"]?.value.stringValue == "Reuters")
        let bahn = try #require(articles["de-zeitung-bahn"])
        #expect(!bahn.text.contains("teilen") && !bahn.text.contains("Newsletter") && !bahn.text.contains("Kommentare"))
    }

    @Test("English and French entities come from their own models; German gets none and a warning")
    func entitiesByLanguage() throws {
        let articles = try Self.run()
        func tagged(_ id: String) throws -> Set<String> {
            Set(try #require(articles[id]).entities.map { "\($0.text)/\($0.label)" })
        }
        #expect(try tagged("en-reuters-grain").isSuperset(of: [
            "Robert Telus/PER", "Ursula von der Leyen/PER", "European Commission/ORG", "Poland/LOC", "Brussels/LOC", "Ukrainian/MISC",
        ]))
        #expect(try tagged("en-senate-bill").isSuperset(of: ["Joe Biden/PER", "Mitch McConnell/PER", "Kentucky/LOC", "Chicago/LOC"]))
        #expect(try tagged("en-bbc-budget").isSuperset(of: ["Giorgia Meloni/PER", "Elly Schlein/PER", "Naples/LOC", "Bank of Italy/ORG"]))
        #expect(try tagged("000_b0f18a854f7ce6e7").isSuperset(of: ["Vladimir Poutine/PER", "Moscou/LOC", "OTAN/ORG"]))
        for id in ["de-dpa-heizung", "de-zeitung-bahn"] {
            let german = try #require(articles[id])
            #expect(german.entities.isEmpty)
            #expect(german.trace.flatMap(\.warnings).contains { $0.contains("entit") }, "\(id)")
        }
    }
}
