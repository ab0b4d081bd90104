import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// A stage that has nothing for an article's language says so in the article's trace.
@Suite("warnings for languages a stage cannot handle")
struct LanguageWarningTests {
    /// Swedish sentences written for these tests: no stage has Swedish rules, packs or stopwords.
    let swedish = [
        "Regeringen presenterade på tisdagen nya åtgärder mot de stigande priserna.",
        "Finansministern sade att inflationen väntas sjunka under nästa år.",
        "Oppositionen kritiserade förslaget och krävde en debatt i riksdagen.",
    ]

    func warnings(_ type: any Stage.Type, language: LanguageCode) throws -> [String] {
        var article = summarizeArticle(swedish)
        article.language = language
        return try StageHarness(type).run(article).trace.flatMap(\.warnings)
    }

    @Test("metadata, summarize and keywords warn about a language without pack or stopwords, naming it")
    func warned() throws {
        let metadata = try warnings(MetadataStage.self, language: "sv")
        #expect(metadata == ["no language pack for 'sv': the cue words of all packs apply (bylines, dates and credits may be missed)"])
        for type in [SummarizeStage.self, KeywordsStage.self] as [any Stage.Type] {
            let found = try warnings(type, language: "sv")
            #expect(found.count == 1, "\(type)")
            #expect(found.first?.hasPrefix("no stopwords for language 'sv'") == true, "\(type): \(found)")
        }
    }

    @Test("no warning for a language the stage has, nor for und")
    func notWarned() throws {
        for type in [MetadataStage.self, SummarizeStage.self, KeywordsStage.self] as [any Stage.Type] {
            #expect(try warnings(type, language: "fr").isEmpty, "\(type)")
            #expect(try warnings(type, language: .undetermined).isEmpty, "\(type)")
        }
    }
}
