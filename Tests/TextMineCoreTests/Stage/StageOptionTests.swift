import Testing
import TextMineCore

/// Typed option keys: one declaration gives the schema and the typed read.
@Suite struct StageOptionTests {
    enum Method: String, CaseIterable, Sendable { case news, lead }

    static let method = StageOption<Method>("method", default: .news, doc: "How.")
    static let count = StageOption<Int>("count", in: 1...10, default: 3, doc: "How many.")
    static let ratio = StageOption<Double>("ratio", in: 0...1, default: 0, doc: "A share.")
    static let model = StageOption<String?>.path("model", doc: "A model.")
    static let packs = StageOption<[String]>.paths("packs", doc: "Packs.")
    static let timeout = StageOption<Double?>("timeout", in: 0.001...60, doc: "Seconds.")
    static let schema: OptionSchema = [method, count, ratio, model, packs, timeout]

    @Test func declarationsMakeTheSchema() {
        #expect(Self.schema.specs.map(\.name) == ["method", "count", "ratio", "model", "packs", "timeout"])
        #expect(Self.schema["method"]?.type == .choice(["news", "lead"]))
        #expect(Self.schema["method"]?.defaultValue == "news")
        #expect(Self.schema["count"]?.type == .integer(1...10))
        #expect(Self.schema["ratio"]?.defaultValue == .int(0))
        #expect(Self.schema["model"]?.defaultValue == .null)
    }

    @Test func validatedValuesReadTyped() throws {
        let options = try StageOptions.validated(
            ["method": "lead", "count": 7, "model": "m.bin", "packs": ["a.yaml", "/b.yaml"]],
            schema: Self.schema, baseDirectory: "/pipelines")
        #expect(options[Self.method] == .lead)
        #expect(options[Self.count] == 7)
        #expect(options[Self.ratio] == 0)
        #expect(options[Self.model] == "/pipelines/m.bin")
        #expect(options[Self.packs] == ["/pipelines/a.yaml", "/b.yaml"])
        #expect(options[Self.timeout] == nil)
    }

    @Test func optionsBuiltWithoutTheSchemaGiveTheDefaults() {
        let options = StageOptions()
        #expect(options[Self.method] == .news)
        #expect(options[Self.count] == 3)
        #expect(options[Self.model] == nil)
    }

    @Test func aBadChoiceIsRejectedByTheSchemaNotReadAsTheDefault() {
        #expect(throws: StageError.self) { try StageOptions.validated(["method": "luhn"], schema: Self.schema) }
    }
}
