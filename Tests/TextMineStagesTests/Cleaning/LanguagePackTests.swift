import Testing
import TextMineCore
@testable import TextMineStages

@Suite("Language packs")
struct LanguagePackTests {
    @Test("the built-in packs load", arguments: BuiltinPacks.sources.map(\.file))
    func builtinPacksLoad(file: String) throws {
        let source = try #require(BuiltinPacks.sources.first { $0.file == file })
        let pack = try LanguagePack(yaml: source.yaml, file: source.file)
        #expect(pack.stopwords.count > 50)
        #expect(pack.months.count == 12)
        #expect(!pack.boilerplate.isEmpty)
    }

    @Test("an end-anchored pattern matches only at the end of a long line, before closing punctuation")
    func endAnchoredPatterns() throws {
        let set = PatternSet([
            .init(pattern: try TextPattern("* contributed (to this|to the)? (report|story)$"), label: "credits"),
            .init(pattern: try TextPattern("^photo ?:"), label: "credits"),
        ])
        let long = String(repeating: "The minister said the talks would resume next week. ", count: 20)
        #expect(set.firstMatch(folded: TextFolding.fold(long + "Jane Doe contributed to this report.)"))?.label == "credits")
        #expect(set.firstMatch(folded: TextFolding.fold("Jane Doe contributed to this report from Kyiv, " + long)) == nil)
        #expect(set.firstMatch(folded: TextFolding.fold("Photo : AFP " + long))?.label == "credits")
        #expect(set.firstMatch(folded: TextFolding.fold(long)) == nil)
    }
}
