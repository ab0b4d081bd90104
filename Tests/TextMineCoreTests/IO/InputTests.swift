import Foundation
import Testing
@testable import TextMineCore
import TextMineTesting

@Suite("Input")
struct InputTests {
    private func decode(_ files: InputFiles) -> [Result<Article, ArticleFailure>] {
        files.flatMap { $0.decode() }
    }

    @Test("a text file is one article named after the file, with its source")
    func textFile() throws {
        let directory = try TemporaryFolder()
        let path = try directory.write("000_abc.txt", "\u{FEFF}Le président a parlé.\n")
        let article = try #require(try decode(InputFiles(paths: [path])).first).get()
        #expect(article.id == "000_abc")
        #expect(article.text == "Le président a parlé.\n")
        #expect(article.source == Source(path: path, format: "text", encoding: "utf-8"))  // a byte-order mark was dropped
    }

    @Test("bytes that are neither UTF-8 nor Windows-1252 fail with the offset of the first bad byte and a hint")
    func undecodableBytes() throws {
        let directory = try TemporaryFolder()
        let mixed = try directory.write("mixed.txt", Array("L’été ".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x0A])
        let binary = try directory.write("bin.txt", Array("PK".utf8) + [0x03, 0x04, 0x00, 0x00, 0xFF, 0x81] + Array(repeating: 0x01, count: 20))
        let utf16 = try directory.write("u16.txt", Array("Bonjour Paris.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let errors = decode(try InputFiles(paths: [mixed, binary, utf16])).map { result -> String? in
            if case .failure(let failure) = result { failure.error } else { nil }
        }
        #expect(errors == [
            "invalid UTF-8 at byte 13: looks like UTF-8 mixed with Windows-1252; use --input-encoding cp1252 to read all of it as Windows-1252",
            "invalid UTF-8 at byte 6: looks like binary data, not text",
            "NUL byte in text at byte 1: looks like UTF-16 without a byte-order mark; use --input-encoding utf-16le",
        ])
    }

    @Test("Windows-1252 (Latin-1) and UTF-16 or UTF-8 with a byte-order mark are decoded, and the encoding recorded")
    func encodings() throws {
        let directory = try TemporaryFolder()
        let cp1252 = try directory.write("cp.txt", Array("Le caf".utf8) + [0xE9, 0x20, 0x92, 0x80, 0x0A])
        let le = try directory.write("le.txt", [0xFF, 0xFE] + "L’été 😀".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = try directory.write("be.txt", [0xFE, 0xFF] + "L’été".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let bom = try directory.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("L’été".utf8))
        let plain = try directory.write("plain.txt", "L’été")
        let articles = try decode(InputFiles(paths: [cp1252, le, be, bom, plain])).map { try $0.get() }
        #expect(articles.map(\.text) == ["Le café ’€\n", "L’été 😀", "L’été", "L’été", "L’été"])
        #expect(articles.map { $0.source?.encoding } == ["windows-1252", "utf-16le", "utf-16be", "utf-8", nil])
    }

    @Test("a forced encoding reads every text file in it; bytes invalid in it fail with their offset and a hint")
    func forcedEncoding() throws {
        let directory = try TemporaryFolder()
        let latin = try directory.write("latin.txt", Array("Le caf".utf8) + [0xE9, 0x20, 0xA4])
        let bare16 = try directory.write("u16.txt", Array("Été".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let odd16 = try directory.write("odd.txt", [0xFF, 0xFE, 0x41, 0x00, 0x42])
        func read(_ path: String, _ encoding: String) -> Result<Article, ArticleFailure> {
            let registry = ArticleDecoderRegistry.builtIn.registering([TextDecoder(encoding: Charset.canonicalName(encoding))])
            return (try? InputFiles(paths: [path], decoders: registry)).map(decode)?.first
                ?? .failure(ArticleFailure(id: "", source: nil, step: "", error: "no input"))
        }
        #expect(try read(latin, "latin1").get().text == "Le café ¤")
        #expect(try read(latin, "ISO-8859-15").get().text == "Le café €")
        #expect(try read(latin, "ISO-8859-15").get().source?.encoding == "iso-8859-15")
        #expect(throws: ArticleFailure(id: "latin", source: latin, step: "input",
                                       error: "invalid UTF-8 at byte 6: looks like Windows-1252; use --input-encoding cp1252")) {
            try read(latin, "utf-8").get()
        }
        #expect(try read(bare16, "utf-16").get().text == "Été")
        #expect(try read(bare16, "utf-16").get().source?.encoding == "utf-16le")
        #expect(throws: ArticleFailure(id: "odd", source: odd16, step: "input",
                                       error: "invalid UTF-16 (an odd number of bytes) at byte 4")) {
            try read(odd16, "utf-16le").get()
        }
    }

    @Test("encoding names: aliases are canonical, unknown names are refused")
    func encodingNames() {
        #expect(Charset.canonicalName("Latin1") == "windows-1252")
        #expect(Charset.canonicalName("CP1252") == "windows-1252")
        #expect(Charset.canonicalName("UTF8") == "utf-8")
        #expect(Charset.canonicalName("koi8-r") == "koi8-r")
        #expect(Charset.canonicalName("klingon") == nil)
        #expect(Charset.transcode([0x41, 0xFF], from: "utf-8") == .failure(Charset.DecodingError(offset: 1, message: "invalid utf-8")))
    }

    @Test("an empty or blank file fails as an empty article")
    func emptyArticle() throws {
        let directory = try TemporaryFolder()
        let empty = try directory.write("a.txt", "")
        let blank = try directory.write("b.txt", " \n\u{00A0}\t\n")
        let errors = decode(try InputFiles(paths: [empty, blank])).map { result -> String? in
            if case .failure(let failure) = result { failure.error } else { nil }
        }
        #expect(errors == ["empty article", "empty article"])
    }

    @Test("a file that cannot be read fails with the system's reason")
    func unreadableFile() {
        let item = InputItem.file(path: "/nonexistent/x.txt", byteCount: 0, decoder: TextDecoder())
        #expect(throws: ArticleFailure(id: "x", source: "/nonexistent/x.txt", step: "input",
                                       error: "cannot read '/nonexistent/x.txt': No such file or directory")) {
            try item.decode()[0].get()
        }
    }

    @Test("a missing path, an empty folder or a glob without match is an error naming each of them")
    func missingPaths() throws {
        let directory = try TemporaryFolder()
        _ = try directory.write("sub/.hidden", "x")
        #expect(throws: InputFiles.InputError.self) { try InputFiles(paths: [directory.path + "/*.md"]) }
        do {
            _ = try InputFiles(paths: [directory.path + "/nope.txt", directory.path + "/*.md", directory.path + "/sub"])
            Issue.record("paths that name no file should be refused")
        } catch {
            #expect("\(error)" == """
                no such file or directory: '\(directory.path)/nope.txt'
                no file matches '\(directory.path)/*.md'
                no file in '\(directory.path)/sub'
                """)
        }
    }

    @Test("format: --input-format, else the extension, else the fallback (the pipeline's input.format), else text")
    func formatPrecedence() throws {
        let directory = try TemporaryFolder()
        let jsonl = try directory.write("corpus.jsonl", #"{"id": "a", "text": "Un."}"# + "\n" + #"{"id": "b", "text": "Deux."}"# + "\n")
        let bare = try directory.write("README", #"{"id": "c", "text": "Trois."}"# + "\n")
        let text = try directory.write("note.txt", "Quatre.")
        func read(_ paths: [String], format: InputFormat? = nil, fallback: InputFormat? = nil) throws -> [String] {
            try InputFiles(paths: paths, format: format, fallbackFormat: fallback).flatMap { $0.decode() }
                .map { try "\($0.get().id):\($0.get().source?.format ?? "")" }
        }
        #expect(try read([jsonl, bare, text], fallback: .text) == ["a:jsonl", "b:jsonl", "README:text", "note:text"])
        #expect(try read([jsonl, bare, text], fallback: .jsonl) == ["a:jsonl", "b:jsonl", "c:jsonl", "note:text"])
        #expect(try read([jsonl, bare], format: .text, fallback: .jsonl) == ["corpus:text", "README:text"])
        #expect(try read([bare]) == ["README:text"])
    }

    @Test("JSONL: one article per line; a bad line fails with path:line and the rest goes on")
    func jsonLines() throws {
        let directory = try TemporaryFolder()
        let path = try directory.write("in.jsonl", """
            {"id": "a", "text": "Premier."}

            {"id": "b", "text": "Second.", "language": "en"}
            {"id": "c", "text": }
            {"id": "d"}
            {"id": "e", "text": "Dernier."}
            """)
        let results = decode(try InputFiles(paths: [path]))
        #expect(results.count == 5)
        #expect(try results[0].get().source == Source(path: path, format: "jsonl", line: 1))
        #expect(try results[1].get().language == "en")
        guard case .failure(let bad) = results[2], case .failure(let missing) = results[3] else {
            Issue.record("lines 4 and 5 should fail")
            return
        }
        #expect(bad.id == "in:4")
        #expect(bad.source == "\(path):4")
        #expect(bad.error.hasPrefix("invalid JSON"))
        #expect(missing.source == "\(path):5")
        #expect(missing.error == "missing field 'text'")
        #expect(try results[4].get().id == "e")
    }

    @Test("a large JSONL input is streamed in pieces and keeps its line numbers")
    func jsonLinesPieces() throws {
        let directory = try TemporaryFolder()
        let lines = (1...50).map { #"{"id": "n\#($0)", "text": "Texte \#($0)."}"# }
        let path = try directory.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let files = try InputFiles(paths: [path], pieceSize: 100)
        let items = Array(files)
        #expect(items.count > 5)
        let articles = try items.flatMap { $0.decode() }.map { try $0.get() }
        #expect(articles.map(\.id) == (1...50).map { "n\($0)" })
        #expect(articles.map { $0.source?.line } == (1...50).map { $0 })
    }

    @Test("directories are read recursively in sorted order, hidden files skipped; globs match ** and ?")
    func pathsAndGlobs() throws {
        let directory = try TemporaryFolder()
        for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt", "sub/x.md"] {
            try directory.write(name, "texte \(name)")
        }
        let root = directory.path
        func ids(_ paths: [String]) throws -> [String] {
            try InputFiles(paths: paths).flatMap { $0.decode() }.map { try $0.get().id }
        }
        #expect(try ids([root]) == ["a", "b", "c", "d", "x"])
        #expect(try ids([root + "/**/*.txt"]) == ["a", "b", "c", "d"])
        #expect(try ids([root + "/?.txt", root + "/sub/*"]) == ["a", "b", "c", "d", "x"])
        #expect(try ids([root + "/b.txt", root]) == ["b", "a", "c", "d", "x"])
        #expect(try InputFiles(paths: [root]).totalBytes == 11 + 11 + 15 + 22 + 14)
    }

    @Test("format comes from the extension unless given; an unknown format is refused")
    func formats() throws {
        let registry = ArticleDecoderRegistry.builtIn
        #expect(type(of: try #require(registry.decoder(forExtensionOf: "a/b.JSONL"))).format == .jsonl)
        #expect(type(of: try #require(registry.decoder(forExtensionOf: "a/b.txt"))).format == .text)
        #expect(registry.decoder(forExtensionOf: "a/README") == nil)
        #expect(registry.decoder(forExtensionOf: "a/b.dat") == nil)
        #expect(throws: InputFiles.InputError.self) { try InputFiles(paths: ["x"], format: "pdf") }
    }
}
