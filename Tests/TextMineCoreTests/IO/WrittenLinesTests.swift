import Foundation
import Testing
@testable import TextMineCore
import TextMineTesting

@Suite("WrittenLines (--resume)")
struct WrittenLinesTests {
    @Test("reads the ids of complete lines and cuts a partial last line")
    func cutsPartialLine() throws {
        let directory = try TemporaryFolder()
        let path = try directory.write("out.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":7}\n{\"id\":\"c\",\"te")
        let written = try WrittenLines(path: path)
        #expect(written.ids == ["a", "7"])
        #expect(written.lines == 3)
        #expect(written.cutBytes == 13)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":7}\n")
        // A file that ends on a newline is left as it is.
        #expect(try WrittenLines(path: path).cutBytes == 0)
    }

    @Test("a missing file has no ids; a damaged complete line is an error naming path:line")
    func missingAndDamaged() throws {
        let directory = try TemporaryFolder()
        #expect(try WrittenLines(path: directory.path + "/none.jsonl").ids.isEmpty)
        let damaged = try directory.write("bad.jsonl", "{\"id\":\"a\"}\n{\"id\":\n{\"id\":\"c\"}\n")
        #expect(throws: WrittenLines.ResumeError.self) { try WrittenLines(path: damaged) }
        do { _ = try WrittenLines(path: damaged) } catch {
            #expect("\(error)" == "\(damaged):2: not a JSON line; cannot resume from this file")
        }
        let noID = try directory.write("noid.jsonl", "{\"text\":\"a\"}\n")
        do { _ = try WrittenLines(path: noID) } catch {
            #expect("\(error)" == "\(noID):1: a line without an id; cannot resume from this file")
        }
    }

    @Test("lines longer than a read are put together")
    func longLines() throws {
        let directory = try TemporaryFolder()
        let long = String(repeating: "é", count: 1 << 20)
        let path = try directory.write("out.jsonl", "{\"id\":\"long\",\"text\":\"\(long)\"}\n{\"id\":\"b\"}\n")
        #expect(try WrittenLines(path: path).ids == ["long", "b"])
    }
}
