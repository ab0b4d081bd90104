import Foundation
import Testing
import TextMineCore

#if canImport(Glibc)
import Glibc
import TextMineTesting
#endif

@Suite("textmine run: streaming standard input and --resume",
       .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct StreamingResumeTests {
    /// `count` JSON lines made of the seeds under new ids, with an invalid line at `badLine` and an
    /// article of nothing but boilerplate (emptied) at `emptiedLine` (1-based; 0 for none).
    private func corpus(count: Int, badLine: Int, emptiedLine: Int = 0) throws -> [String] {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TextMineProcess.packageRoot + "/seeds")
            .filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOfFile: TextMineProcess.packageRoot + "/seeds/" + $0, encoding: .utf8) }
        return (1...count).map { index in
            if index == badLine { return #"{"id": "broken", "text": "#  }
            if index == emptiedLine { return #"{"id": "emptied", "text": "Partager sur Facebook\nPartager sur Twitter"}"# }
            let text = seeds[index % seeds.count]
            let json = try! JSONSerialization.data(withJSONObject: ["id": "article-\(index)", "text": text], options: [.sortedKeys])
            return String(decoding: json, as: UTF8.self)
        }
    }

    /// Waits (up to `seconds`) until `condition` holds, checking every 20 ms.
    private func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @Test("standard input is processed as it arrives: each article comes out while the input is still open")
    func streamsStandardInput() throws {
        let lines = try corpus(count: 2, badLine: 0)
        let running = try TextMineProcess.start(["run", "pipelines/french-news.yaml", "-", "--input-format", "jsonl",
                                                 "--no-timings", "--quiet"])
        var received = Data()
        for (index, line) in lines.enumerated() {
            running.send([line])
            // Generous bound: this checks that the article is not held until the input closes, not a speed.
            let arrived = waitUntil(seconds: 120) {
                received.append(running.output.availableDataIfReady())
                return received.count(of: 0x0A) == index + 1
            }
            #expect(arrived, "article \(index + 1) did not come out while standard input was open")
            if !arrived { break }
        }
        #expect(try running.finish() == 0)
        received.append(running.output.readDataToEndOfFile())
        let ids = try String(decoding: received, as: UTF8.self).split(separator: "\n")
            .map { try JSONDecoder().decode(Article.self, from: Data($0.utf8)).id }
        #expect(ids == ["article-1", "article-2"])
    }

    /// The counts of a summary line (`24 articles: 22 ok, 1 emptied, 1 failed`), without what follows.
    private func counts(_ stderr: String) -> String? {
        guard let line = stderr.split(separator: "\n").last(where: { $0.contains(" articles: ") }) else { return nil }
        return line.prefix { $0 != "(" }.split(separator: ",").prefix(3).joined(separator: ",")
            .trimmingCharacters(in: .whitespaces)
    }

    @Test("a run killed midway, then resumed, writes the same output and dead letters as an uninterrupted run, with the same counts and exit status")
    func killedThenResumed() throws {
        let folder = try TemporaryFolder()
        let lines = try corpus(count: 24, badLine: 3, emptiedLine: 2)
        let all = lines.map { $0 + "\n" }.joined()
        let base = ["run", "pipelines/french-news.yaml", "-", "--input-format", "jsonl", "--no-timings", "--quiet", "--jobs", "2"]

        let whole = folder.url.appendingPathComponent("whole.jsonl").path
        let wholeErrors = folder.url.appendingPathComponent("whole-errors.jsonl").path
        let uninterrupted = try TextMineProcess.run(base.filter { $0 != "--quiet" } + ["-o", whole, "--errors", wholeErrors],
                                                    stdin: all)
        #expect(uninterrupted.status == 2) // the invalid line and the blank article
        #expect(counts(uninterrupted.stderr) == "24 articles: 22 ok, 1 emptied, 1 failed")

        // The first run gets the first ten lines and is killed once the failed and the emptied
        // articles are on disk, so that only the earlier run saw them.
        let output = folder.url.appendingPathComponent("out.jsonl").path
        let errors = folder.url.appendingPathComponent("errors.jsonl").path
        let running = try TextMineProcess.start(base + ["-o", output, "--errors", errors])
        running.send(Array(lines.prefix(10)))
        let wrote = waitUntil(seconds: 120) {
            ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains(#""id":"emptied""#)
                && ((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "").contains("\n")
        }
        #expect(wrote, "the killed run did not write the emptied and the broken articles while its input was open")
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        // What a kill in the middle of a write (or an older version) could leave behind.
        let handle = try #require(FileHandle(forWritingAtPath: output))
        try handle.seekToEnd()
        handle.write(Data(#"{"blocks":[{"role":"bo"#.utf8))
        try handle.close()
        let before = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count - 1
        #expect(before >= 1 && before < 23)

        let resumed = try TextMineProcess.run(base.filter { $0 != "--quiet" } + ["-o", output, "--errors", errors, "--resume"],
                                              stdin: all)
        // The earlier run's failed and emptied articles count: same status and counts as uninterrupted.
        #expect(resumed.status == 2)
        #expect(counts(resumed.stderr) == "24 articles: 22 ok, 1 emptied, 1 failed")
        // At least the 22 bytes appended above: the kill may also have cut the run's own last write.
        let cut = resumed.stderr.split(separator: "\n").first { $0.contains("out.jsonl: cut a partial last line (") }
        let cutBytes = cut.flatMap { $0.split(separator: "(").last?.split(separator: " ").first }.flatMap { Int($0) }
        #expect(cut?.hasSuffix("bytes) left by the interrupted run") == true, "\(resumed.stderr)")
        #expect((cutBytes ?? 0) >= 22)
        #expect(resumed.stderr.contains(" already written "))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == String(contentsOfFile: whole, encoding: .utf8))
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == String(contentsOfFile: wholeErrors, encoding: .utf8))
        #expect(try String(contentsOfFile: whole, encoding: .utf8).split(separator: "\n").count == 23)

        // Resuming a finished run writes nothing more and tells the same outcome.
        let again = try TextMineProcess.run(base + ["-o", output, "--errors", errors, "--resume"], stdin: all)
        #expect(again.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == String(contentsOfFile: whole, encoding: .utf8))
    }

    @Test("--resume needs a JSON-lines output file")
    func resumeNeedsAFile() throws {
        let toStdout = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds", "--resume"])
        #expect(toStdout.status != 0)
        #expect(toStdout.stderr.contains("--resume needs an output file (-o PATH)"))
        let folder = try TemporaryFolder()
        let yaml = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds", "--resume", "--format", "yaml",
                                            "-o", folder.url.appendingPathComponent("out.yaml").path])
        #expect(yaml.stderr.contains("--resume needs the jsonl output format (got yaml)"))
    }
}

private extension FileHandle {
    /// The bytes that can be read without waiting (none when nothing is there yet).
    func availableDataIfReady() -> Data {
        var request = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) > 0 else { return Data() }
        return availableData
    }
}

private extension Data {
    func count(of byte: UInt8) -> Int { reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
}
