import Foundation
import Testing
@testable import TextMineCore

@Suite("HTMLReportEncoder")
struct HTMLReportEncoderTests {
    static let hostile = "</script><img src=x onerror=alert(1)> \"q\" & 'a' <!-- -->"

    @Test("article records never hold <, > or &: no text can close the script element; JSON reads them back")
    func scriptSafeRecords() throws {
        var article = Article(id: Self.hostile, text: "Paris " + Self.hostile)
        article.entities = [Entity(span: Span(start: 0, end: 5), text: "Paris", label: "<b>LOC", canonical: Self.hostile,
                                   confidence: 0.5, step: "e")]
        article.metadata = ["title": MetadataField(value: .string(Self.hostile), step: "m", rule: "</script>")]
        let bytes = try HTMLReportEncoder().encode(article)
        #expect(!bytes.contains(UInt8(ascii: "<")) && !bytes.contains(UInt8(ascii: ">")) && !bytes.contains(UInt8(ascii: "&")))
        let record = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
        #expect(record["id"] == .string(Self.hostile))
        #expect(record["text"] == .string("Paris " + Self.hostile))
        #expect(record["ents"] == [[0, 5, "<b>LOC", .string(Self.hostile), 0.5]])
    }

    @Test("the page: escaped title, the records between the head and the tail, failures and timings at the end")
    func page() throws {
        let encoder = HTMLReportEncoder(title: "Run <1> & \"2\"")
        let head = String(decoding: encoder.header, as: UTF8.self)
        #expect(head.contains("<title>Run &lt;1&gt; &amp; &quot;2&quot;</title>"))
        #expect(head.hasSuffix(#"<script type="application/json" id="tm-articles">["#))
        let failure = ArticleFailure(id: "</script>", source: "a.txt", step: "input", error: "empty article")
        var stage = StepStatistics(name: "clean")
        stage.calls = 2
        stage.seconds = 0.5
        let tail = String(decoding: try encoder.footer(after: RunOutcome(failures: [failure], stages: [stage])), as: UTF8.self)
        #expect(tail.hasPrefix(#"]</script>"# + "\n" + #"<script type="application/json" id="tm-run">{"failures":[{"id":"\u003c/script\u003e","#))
        #expect(tail.contains(#""stages":[{"name":"clean","calls":2,"seconds":0.5,"failures":0}]"#))
        #expect(tail.hasSuffix("</script>\n</body>\n</html>\n"))
        #expect(!(head + tail).contains("http://") && !(head + tail).contains("https://"), "nothing is fetched")
    }

    @Test("removed text is placed in the current text: exactly with the alignment, else from the removals")
    func removalPlacement() throws {
        var article = Article(id: "r", text: "Share this. Le texte. Photo: AFP")
        try article.applyEdits([.remove(Span(start: 0, end: 12), reason: "boilerplate"),
                                .remove(Span(start: 21, end: 32), reason: "credit")], step: "b")
        #expect(article.text == "Le texte.")
        #expect(RemovalPlacement.currentOffsets(of: article) == [0, 9])
        article.alignment = nil
        #expect(RemovalPlacement.currentOffsets(of: article) == [0, 9])
        var normalised = Article(id: "n", text: "« x »  Pub. Fin")
        try normalised.applyEdits([TextEdit(span: Span(start: 5, end: 7), replacement: " ")], step: "clean")
        try normalised.applyEdits([.remove(Span(start: 5, end: 10), reason: "ad")], step: "b")
        #expect(normalised.text == "« x » Fin")
        #expect(RemovalPlacement.currentOffsets(of: normalised) == [5])
    }
}
