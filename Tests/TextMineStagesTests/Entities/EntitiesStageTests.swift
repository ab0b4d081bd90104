import Foundation
import Testing
import TextMineCore
import TextMineTesting
@testable import TextMineStages

@Suite("entities stage")
struct EntitiesStageTests {
    private func run(_ text: String, language: LanguageCode = "fr", options: [String: JSONValue] = [:]) throws -> Article {
        var article = try StageHarness(SentencesStage.self).run(text, language: language)
        article = try StageHarness(TokensStage.self).run(article)
        return try StageHarness(EntitiesStage.self, options: options).run(article)
    }

    @Test("the built-in French model tags people, places and organisations with provenance")
    func tagsNews() throws {
        let article = try run("Le président russe Vladimir Poutine a rencontré à Moscou le secrétaire général de l’OTAN.")
        let tagged = article.entities.map { "\($0.text)/\($0.label)" }
        #expect(tagged == ["Vladimir Poutine/PER", "Moscou/LOC", "OTAN/ORG"])
        #expect(article.entities.allSatisfy { $0.step == "entities" && $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test("each article is tagged by the built-in model of its language")
    func modelByLanguage() throws {
        let english = try run("Polish Agriculture Minister Robert Telus told reporters in Brussels that the European Commission would pay.", language: "en")
        #expect(english.entities.map { "\($0.text)/\($0.label)" } == ["Polish/MISC", "Robert Telus/PER", "Brussels/LOC", "European Commission/ORG"])
        let french = try run("Le président russe Vladimir Poutine a rencontré à Moscou le secrétaire général de l’OTAN.", language: "fr")
        #expect(french.entities.map(\.text) == ["Vladimir Poutine", "Moscou", "OTAN"])
    }

    @Test("an article in a language without a model gets no entities and a warning")
    func languageWithoutModel() throws {
        let german = try run("Bundeskanzler Olaf Scholz sagte am Mittwoch in Berlin, er rechne mit Änderungen.", language: "de")
        #expect(german.entities.isEmpty)
        #expect(german.trace.flatMap(\.warnings).contains { $0.contains("'de'") })
    }

    @Test("titles are left out of names and surnames are linked to the full name")
    func titlesAndLinks() throws {
        let article = try run("Sergueï Lavrov a parlé hier. Selon M. Lavrov, rien n’est décidé.")
        let lavrov = article.entities.filter { $0.text == "Lavrov" }
        #expect(lavrov.count == 1)
        #expect(lavrov.first?.canonical == "Sergueï Lavrov")
    }

    @Test("all-caps lines and English lines of a French article yield no entities")
    func noiseLines() throws {
        let article = try run("""
            Emmanuel Macron est arrivé à Berlin.
            EPA/SERGEY DOLZHENKO
            You might also enjoy reading about Boris and the Kremlin
            """)
        #expect(article.entities.map(\.text) == ["Emmanuel Macron", "Berlin"])
    }

    @Test("a common noun with a stray capital and its adjective is not a name; institutions are")
    func commonPhrases() throws {
        let article = try run("Il faut attendre la Réponse américaine à la proposition de la Banque mondiale et de l’Union européenne.")
        #expect(!article.entities.contains { $0.text.contains("Réponse") })
        #expect(article.entities.contains { $0.text == "Union européenne" && $0.label == "ORG" })
    }

    @Test("an article without text or tokens gets no entities")
    func emptyArticle() throws {
        #expect(try run("").entities.isEmpty)
        let bare = try StageHarness(EntitiesStage.self, given: [.sentences, .tokens]).run(Article(id: "bare", text: "Paris"))
        #expect(bare.entities.isEmpty)
    }

    @Test("a user gazetteer adds names the model does not know")
    func userGazetteer() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tm-gazetteer-\(UUID().uuidString).tsv")
        try "Zorglubie\tLOC\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let article = try run("Les troupes sont entrées en zorglubie puis en Zorglubie.", options: ["gazetteers": [.string(file.path)]])
        #expect(article.entities.map { "\($0.text)/\($0.label)" } == ["Zorglubie/LOC"])
    }

    @Test("a model file that does not load is a configuration error on 'model'")
    func badModel() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tm-bad-\(UUID().uuidString).tmner")
        try Data("not a model".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try EntitiesStage(options: StageOptions.validated(["model": .string(file.path)], for: EntitiesStage.self))
        } throws: { error in
            let e = error as? StageError
            return e?.option == "model" && e?.message.contains("not a TextMine NER model") == true
        }
    }

    @Test("a malformed gazetteer line is reported with file and line")
    func badGazetteer() throws {
        #expect {
            try Gazetteer(parsing: "# names\nParis\tLOC\nLyon LOC\n", file: "g.tsv")
        } throws: { error in
            (error as? Diagnostic)?.headline == "g.tsv:3: error: expected 'name<TAB>CATEGORY', found 1 tab-separated fields"
        }
        #expect {
            try Gazetteer(parsing: "Paris\tLCO\n", file: "g.tsv")
        } throws: { error in
            (error as? Diagnostic)?.description == "g.tsv:1:7: error: unknown category 'LCO'\n    hint: did you mean 'LOC'?"
        }
    }
}
