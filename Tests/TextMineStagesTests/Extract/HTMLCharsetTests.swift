import Testing
import TextMineCore
import TextMineStages

@Suite("html input: charsets")
struct HTMLCharsetTests {
    private let latin1 = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Été à Genève</p></body></html>".unicodeScalars
        .map { UInt8($0.value) })

    @Test("a declared legacy charset decodes its bytes")
    func declared() {
        let decoded = HTMLCharset.decode(latin1)
        #expect(decoded.text.contains("Été à Genève"))
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.rule == "meta-charset")
    }

    @Test("a wrong declaration loses to valid UTF-8")
    func wrongDeclaration() {
        let bytes = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Été à Genève</p>".utf8)
        let decoded = HTMLCharset.decode(bytes)
        #expect(decoded.text.contains("Été à Genève"))
        #expect(decoded.charset == "utf-8")
        #expect(decoded.rule == "utf-8-despite-declared-iso-8859-1")
    }

    @Test("undeclared bytes: UTF-8 when valid, else windows-1252 (curly quotes included)")
    func sniffed() {
        #expect(HTMLCharset.decode(Array("<p>l’été</p>".utf8)).rule == "sniffed-utf-8")
        let decoded = HTMLCharset.decode([0x3C, 0x70, 0x3E, 0x6C, 0x92, 0xE9, 0x74, 0xE9])
        #expect(decoded.text == "<p>l’été")
        #expect(decoded.rule == "fallback-windows-1252")
    }

    @Test("a byte-order mark wins and is dropped")
    func byteOrderMark() {
        let decoded = HTMLCharset.decode([0xEF, 0xBB, 0xBF] + Array("<meta charset=latin1><p>été</p>".utf8))
        #expect(decoded.text == "<meta charset=latin1><p>été</p>")
        #expect(decoded.rule == "bom")
    }

    @Test("other declared charsets go through iconv")
    func iconvCharset() {
        // "日本" in Shift_JIS.
        let bytes = Array("<meta charset=\"shift_jis\"><p>".utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array("</p>".utf8)
        let decoded = HTMLCharset.decode(bytes)
        #expect(decoded.text == "<meta charset=\"shift_jis\"><p>日本</p>")
        #expect(decoded.charset == "shift_jis")
    }

    @Test("the html decoder reads a page file and JSONL records with an html field")
    func decoder() throws {
        let page = HTMLDecoder().decode(latin1, from: InputLocation(path: "pages/a.html"))
        let article = try #require(try page.first?.get())
        #expect(article.id == "a")
        #expect(article.source == Source(path: "pages/a.html", format: "html"))
        #expect(article.metadata["charset"]?.value == "windows-1252")
        let records = HTMLDecoder().decode(Array("{\"id\": \"p1\", \"html\": \"<p>x</p>\", \"lang\": \"fr\"}\n\n{\"id\": 3}\n".utf8),
                                           from: InputLocation(path: "pages.jsonl"))
        #expect(records.count == 2)
        #expect(try records[0].get().text == "<p>x</p>")
        #expect(try records[0].get().language == "fr")
        #expect(try records[0].get().source == Source(path: "pages.jsonl", format: "html", line: 1))
        guard case .failure(let failure) = records[1] else { Issue.record("a record without html must fail"); return }
        #expect(failure.error == "not a JSON object with an 'html' string")
        #expect(failure.source == "pages.jsonl:3")
        // Read by the same JSON reader as JSONL articles: a numeric id is kept, as there.
        let numbered = HTMLDecoder().decode(Array("{\"id\": 42, \"html\": \"<p>x</p>\"}\n".utf8),
                                            from: InputLocation(path: "pages.jsonl"))
        #expect(try numbered.first?.get().id == "42")
    }
}
