import Foundation
import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

/// `summarize` and `keywords` take their stopwords and entity names from the language packs, so a
/// user's pack extends both.
@Suite("stopwords and entity aliases from the language packs")
struct PackTermsTests {
    /// Writes a pack to a temporary file; the caller removes it.
    func packFile(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("textmine-pack-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func isStopword(_ word: String, _ terms: PackTerms, _ language: LanguageCode?) -> Bool {
        terms.stopwords(for: language).contains(TermNormalizer().normalize(word))
    }

    @Test("term stopwords: the pack's term-stopwords, else its stopwords; other languages get every language's")
    func builtInLists() {
        let terms = PackTerms.builtIn
        #expect(terms.languages == ["en", "fr", "de"])
        // French: reporting verbs and rarer auxiliary forms are term stopwords, accents and case ignored.
        for word in ["déclaré", "Aurait", "puisque", "de"] { #expect(isStopword(word, terms, "fr"), "\(word)") }
        #expect(!isStopword("sécurité", terms, "fr"))
        // `non` measures prose (stopwords) but is no term stopword (it is in term-stopwords' absence).
        #expect(!isStopword("non", terms, "fr"))
        #expect(isStopword("said", terms, "en") && !isStopword("said", terms, "fr"))
        // German has only `stopwords`: they serve.
        #expect(isStopword("der", terms, "de") && !isStopword("der", terms, "fr"))
        // Swedish, und or no language: all of them.
        for language in ["sv", .undetermined, nil] as [LanguageCode?] {
            #expect(isStopword("der", terms, language) && isStopword("said", terms, language) && isStopword("déclaré", terms, language))
        }
    }

    func isLoneWord(_ word: String, _ terms: PackTerms, _ language: LanguageCode?) -> Bool {
        terms.loneWords(for: language).contains(key: TermNormalizer().normalize(word).key)
    }

    @Test("lone words: the pack's lone-words and months; a language without them gets every language's")
    func builtInLoneWords() throws {
        let terms = PackTerms.builtIn
        for word in ["lundi", "Janvier", "millions", "annoncé"] { #expect(isLoneWord(word, terms, "fr"), "\(word)") }
        #expect(isLoneWord("Tuesday", terms, "en") && isLoneWord("March", terms, "en") && !isLoneWord("lundi", terms, "en"))
        #expect(!isLoneWord("sécurité", terms, "fr"))
        // German packs list none (their months alone do not make a list): French and English apply.
        for language in ["de", .undetermined, nil] as [LanguageCode?] {
            #expect(isLoneWord("lundi", terms, language) && isLoneWord("monday", terms, language) && !isLoneWord("Januar", terms, language))
        }
        let path = try packFile("language: fr\nlone-words: [trimestre]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extended = try PackTerms.with(userPacks: [path])
        #expect(isLoneWord("trimestres", extended, "fr") && isLoneWord("lundi", extended, "fr") && !isLoneWord("trimestre", terms, "fr"))
    }

    @Test("a user's pack adds stopwords and aliases that keywords and summarize both use")
    func userPackExtendsBothStages() throws {
        let sentences = [
            "La Russie réclame des garanties de sécurité aux États-Unis et à l’OTAN.",
            "Washington a répondu par écrit aux exigences de Moscou sur les garanties de sécurité.",
            "Les garanties de sécurité restent au cœur des discussions entre la Russie et l’OTAN.",
        ]
        let path = try packFile("""
            language: fr
            term-stopwords: [garanties]
            entity-aliases:
              - [Washington D.C., Washington]
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var article = summarizeArticle(sentences)
        let washington = sentences[0].unicodeScalars.count + 1
        article.entities = [Entity(span: Span(start: washington, end: washington + 10), text: "Washington", label: "LOC",
                                   canonical: "Washington", confidence: 1, step: "test")]

        let plain = try StageHarness(KeywordsStage.self, options: ["count": 100]).run(article).keywords.map(\.phrase)
        #expect(plain.contains("garanties de sécurité") && plain.contains("Washington"), "\(plain)")
        let extended = try StageHarness(KeywordsStage.self, options: ["count": 100, "packs": [.string(path)]])
            .run(article).keywords.map(\.phrase)
        #expect(!extended.contains { $0.contains("garanties") }, "\(extended)")
        #expect(extended.contains("Washington D.C.") && !extended.contains("Washington"), "\(extended)")
        // The built-in French words still apply with the user's pack.
        #expect(!extended.contains { $0.hasPrefix("de ") || $0.hasSuffix(" de") }, "\(extended)")

        // summarize sees the same words: `garanties` no longer links the sentences.
        let scores = { (options: [String: JSONValue]) in
            try StageHarness(SummarizeStage.self, options: options.merging(["method": "textrank"]) { $1 })
                .run(article).summary?.scores.map(\.score)
        }
        #expect(try scores([:]) != scores(["packs": [.string(path)]]))
    }

    @Test("a pack for a new language silences both stages' warning and gives that language its stopwords")
    func newLanguage() throws {
        let path = try packFile("language: sv\nstopwords: [på, att, och, de, en, i, under, nästa]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var article = summarizeArticle([
            "Regeringen presenterade på tisdagen nya åtgärder mot de stigande priserna.",
            "Finansministern sade att inflationen väntas sjunka under nästa år.",
        ])
        article.language = "sv"
        for type in [SummarizeStage.self, KeywordsStage.self] as [any Stage.Type] {
            #expect(try StageHarness(type).run(article).trace.flatMap(\.warnings).count == 1, "\(type)")
            #expect(try StageHarness(type, options: ["packs": [.string(path)]]).run(article).trace.flatMap(\.warnings).isEmpty, "\(type)")
        }
    }

    @Test("a malformed entity-aliases entry is an error at its line and column")
    func aliasErrors() {
        #expect {
            try LanguagePack(yaml: "language: fr\nentity-aliases:\n  - [Russie]\n", file: "p.yaml")
        } throws: { error in
            "\(error)".hasPrefix("p.yaml:3:5: error: an entry of 'entity-aliases' lists the canonical name and at least one other name")
        }
        #expect {
            try LanguagePack(yaml: "language: fr\nentity-aliases: Russie\n", file: "p.yaml")
        } throws: { error in
            "\(error)".hasPrefix("p.yaml:2:17: error: 'entity-aliases' must be a list of lists")
        }
    }
}
