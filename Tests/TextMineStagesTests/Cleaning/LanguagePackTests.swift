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

    @Test("folding lowercases and collapses white space the same in ASCII runs and around other text", arguments: [
        ("ABCDEFGH IJKLMNOP  QRSTUVWX\nYZ", "abcdefgh ijklmnop qrstuvwx yz"),
        ("  Leading SPACES and Trailing   ", "leading spaces and trailing"),
        ("ÉCOLE Élémentaire DU VILLAGE", "école élémentaire du village"),
        ("L’ÉTAT « Grand » \t\tA\u{00A0}Paris[1].", "l'état « grand » a paris[1]."),
        ("Z@[`{AZaz09 QWERTYUIOP", "z@[`{azaz09 qwertyuiop"),
    ])
    func folding(text: String, folded: String) {
        #expect(TextFolding.fold(text) == Array(folded.utf8))
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
