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
}
