import Foundation
import Testing
@testable import TextMineCore

@Suite("TableEncoder (csv, tsv)")
struct TableEncoderTests {
    private func table(_ encoder: TableEncoder, _ articles: [Article]) throws -> String {
        String(decoding: try encoder.header + articles.flatMap { try encoder.encode($0) }, as: UTF8.self)
    }

    @Test("one row per entity mention, a header, RFC 4180 quoting (separator, quote, CR, LF) and CRLF rows")
    func entityRows() throws {
        var article = Article(id: "a,1", text: "Le \"Quai\" d'Orsay\n a dit")
        article.entities = [
            Entity(span: Span(start: 3, end: 17), text: "\"Quai\" d'Orsay", label: "ORG", canonical: "Quai d'Orsay",
                   confidence: 0.5, step: "entities"),
            Entity(span: Span(start: 0, end: 2), text: "Le\n", label: "MISC", canonical: "x\ty", confidence: 1, step: "e"),
        ]
        let csv = try table(TableEncoder(rows: .entities), [article, Article(id: "none", text: "x")])
        #expect(csv == "id,text,label,start,end,canonical,confidence\r\n"
            + "\"a,1\",\"\"\"Quai\"\" d'Orsay\",ORG,3,17,Quai d'Orsay,0.5\r\n"
            + "\"a,1\",\"Le\n\",MISC,0,2,x\ty,1\r\n")
        let tsv = try table(TableEncoder(separator: UInt8(ascii: "\t"), rows: .entities), [article])
        #expect(tsv.hasSuffix("a,1\t\"Le\n\"\tMISC\t0\t2\t\"x\ty\"\t1\r\n"))
    }

    @Test("one row per article: the chosen fields in the fixed order, as readers want them in a cell")
    func articleRows() throws {
        var article = Article(id: "x", text: "Paris, \"ville\".", source: Source(path: "in.jsonl", format: "jsonl", line: 4),
                              language: "fr")
        article.entities = [
            Entity(span: Span(start: 0, end: 5), text: "Paris", label: "LOC", canonical: "Paris", confidence: 1, step: "e"),
            Entity(span: Span(start: 0, end: 5), text: "Paris", label: "LOC", canonical: "Paris", confidence: 1, step: "e"),
        ]
        article.keywords = [Keyword(phrase: "ville", score: 1), Keyword(phrase: "paris", score: 0.5)]
        article.metadata = ["title": MetadataField(value: "T", step: "m", rule: "r")]
        let encoder = TableEncoder(fields: FieldSelection(only: [.keywords, .text, .entities, .source, .metadata, .summary]))
        #expect(try table(encoder, [article]) == "id,source,metadata,text,summary,keywords,entities\r\n"
            + "x,in.jsonl:4,\"{\"\"title\"\":{\"\"rule\"\":\"\"r\"\",\"\"stage\"\":\"\"m\"\",\"\"value\"\":\"\"T\"\"}}\","
            + "\"Paris, \"\"ville\"\".\",,ville; paris,Paris (LOC)\r\n")
    }
}
