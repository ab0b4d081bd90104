import Foundation
import Testing
import TextMineCore

@Suite("LanguageCode: one normalisation of language tags")
struct LanguageCodeTests {
    @Test("regions, scripts, case, white space and ISO 639-2 codes reduce to the primary code")
    func normalises() {
        for tag in ["fr", "FR", "fr-FR", "fr_FR", "fr-Latn-CA", " fr ", "fra", "fre", "fr, en", "Fr;q=0.9"] {
            #expect(LanguageCode(tag)?.code == "fr", "\(tag)")
        }
        // (`LanguageCode("en")` with a literal is a literal, checked when run: these go through a variable.)
        let tags = ["en-GB", "deu", "und", "haw"]
        #expect(tags.map { LanguageCode($0)?.code } == ["en", "de", "und", "haw"])
        #expect(LanguageCode(tags[2]) == .undetermined)
    }

    @Test("names, `auto`, empty strings and non-letters are not codes")
    func rejects() {
        for tag in ["", "  ", "f", "french", "auto", "12", "f1", "-fr", "français"] {
            #expect(LanguageCode(tag) == nil, "\(tag)")
        }
    }

    @Test("codes are strings in JSON; a bad tag is a decoding error")
    func codable() throws {
        let data = try JSONEncoder().encode(["language": LanguageCode("fr-CA")])
        #expect(String(decoding: data, as: UTF8.self) == #"{"language":"fr"}"#)
        #expect(try JSONDecoder().decode([LanguageCode].self, from: Data(#"["EN_us"]"#.utf8)) == ["en"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LanguageCode].self, from: Data(#"["english"]"#.utf8)) }
    }

    @Test("articles read from JSON normalise their language and drop a value that is no code")
    func articleLanguage() throws {
        let article = try JSONDecoder().decode(Article.self, from: Data(#"{"id":"a","text":"x","language":"de-AT"}"#.utf8))
        #expect(article.language == "de")
        let named = try JSONDecoder().decode(Article.self, from: Data(#"{"id":"a","text":"x","language":"German"}"#.utf8))
        #expect(named.language == nil)
    }

    @Test("a stage's warnings go into its trace entry, and only there")
    func warnings() throws {
        var article = Article(id: "a", text: "x")
        article.warn("no rules for 'fi'")
        article.recordTrace(step: "entities", seconds: nil)
        article.recordTrace(step: "keywords", seconds: nil)
        #expect(article.trace == [StepTrace(step: "entities", seconds: nil, warnings: ["no rules for 'fi'"]),
                                  StepTrace(step: "keywords", seconds: nil)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // JSONEncoder's key order is otherwise a dictionary's
        let json = String(decoding: try encoder.encode(article.trace), as: UTF8.self)
        #expect(json == #"[{"stage":"entities","warnings":["no rules for 'fi'"]},{"stage":"keywords"}]"#)
    }
}
