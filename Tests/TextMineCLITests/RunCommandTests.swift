import Foundation
import Testing
import TextMineCore
import TextMineTesting

@Suite("textmine run", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct RunCommandTests {
    private func articles(_ jsonl: String) throws -> [Article] {
        try jsonl.split(separator: "\n").map { try JSONDecoder().decode(Article.self, from: Data($0.utf8)) }
    }

    @Test("runs the minimal pipeline on the seeds: one JSON line per seed, in order, and a summary")
    func minimalOnSeeds() throws {
        let result = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds"])
        #expect(result.status == 0)
        let output = try articles(result.stdout)
        #expect(output.map(\.id) == ["000_b0f18a854f7ce6e7", "001_763ac30657c09442", "002_e6f55f34cf21a18b",
                                     "003_d3e9b9fc978b86e1", "004_e027eeafa6d019cc"])
        #expect(output.allSatisfy { $0.trace.map(\.step) == ["pass"] })
        #expect(output[0].source == Source(path: "seeds/000_b0f18a854f7ce6e7.txt", format: "text"))
        #expect(result.stderr.hasPrefix("5 articles: 5 ok, 0 emptied, 0 failed ("))
    }

    @Test("the output does not depend on --jobs")
    func jobsDoNotChangeOutput() throws {
        func run(_ jobs: String) throws -> [Article] {
            try articles(TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds", "seeds/*.txt", "--jobs", jobs]).stdout)
                .map { var article = $0; article.trace = []; return article }
        }
        #expect(try run("1") == run("4"))
    }

    @Test("without timings, two runs give the same bytes and traces keep only the stage names")
    func reproducibleOutput() throws {
        let first = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--no-timings", "--quiet"])
        let second = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--no-timings", "--quiet"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.contains(#""seconds""#))
        #expect(try articles(first.stdout)[0].trace.map(\.step).prefix(3) == ["clean", "metadata", "boilerplate"])

        let folder = try TemporaryFolder()
        let pipeline = try folder.write("p.yaml", "output:\n  timings: false\nstages:\n  - use: pass\n")
        let fromFile = try TextMineProcess.run(["run", pipeline, "seeds/000_b0f18a854f7ce6e7.txt", "--quiet"])
        #expect(try articles(fromFile.stdout)[0].trace == [StepTrace(step: "pass", seconds: nil)])
        let timed = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds/000_b0f18a854f7ce6e7.txt", "--quiet"])
        #expect(try articles(timed.stdout)[0].trace.allSatisfy { $0.seconds != nil })
    }

    @Test("the French news pipeline writes readable fields first and leaves tokens and alignment out unless asked")
    func readableFields() throws {
        let result = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--no-timings", "--quiet"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            #expect(topLevelKeys(line) == ["id", "source", "language", "metadata", "text", "summary", "keywords", "entities",
                                           "removals", "original", "sentences", "blocks", "trace"])
        }
        let chosen = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds/000_b0f18a854f7ce6e7.txt",
                                              "--fields", "summary,entities,text", "--quiet"])
        #expect(topLevelKeys(chosen.stdout) == ["id", "text", "summary", "entities"])
        let everything = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds/000_b0f18a854f7ce6e7.txt",
                                                  "--exclude", "", "--quiet"])
        #expect(topLevelKeys(everything.stdout).contains("tokens") && topLevelKeys(everything.stdout).contains("alignment"))
        let yaml = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds/000_b0f18a854f7ce6e7.txt",
                                            "--fields", "id,language,source", "--format", "yaml", "--quiet"])
        #expect(yaml.stdout.hasPrefix("- id: \"000_b0f18a854f7ce6e7\"\n  source:\n"))
        #expect(yaml.stdout.contains("\n  language: fr\n"))
        let typo = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--exclude", "tokns"])
        #expect(typo.status == 64)
        #expect(typo.stdout.isEmpty)
        #expect(typo.stderr.contains("error: unknown field 'tokns' in --fields or --exclude; did you mean 'tokens'?"))
    }

    @Test("csv and tsv: a table per entity mention or per article, read back by a CSV reader")
    func tables() throws {
        let entities = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--format", "csv",
                                                "--rows", "entities", "--quiet"])
        #expect(entities.status == 0)
        let lines = entities.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,text,label,start,end,canonical,confidence")
        #expect(lines.count > 50)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasPrefix("00") && $0.split(separator: ",").count >= 7 })
        let articles = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--format", "tsv",
                                                "--fields", "language,summary", "--quiet"])
        #expect(articles.stdout.hasPrefix("id\tlanguage\tsummary\r\n000_b0f18a854f7ce6e7\tfr\t"))
        #expect(articles.stdout.components(separatedBy: "\r\n").count == 7)
    }

    @Test("lint errors stop the run with file:line:col and the usage status")
    func lintErrors() throws {
        let folder = try TemporaryFolder()
        let pipeline = try folder.write("p.yaml", "stages:\n  - use: pas\n")
        let result = try TextMineProcess.run(["run", pipeline, "seeds"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(pipeline):2:10: error: unknown stage 'pas'"))
    }

    @Test("bad inputs are reported and written to --errors; the rest is processed; the status says some failed")
    func deadLetters() throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.path
        try Data([0xC3, 0xA9, 0xFF]).write(to: URL(fileURLWithPath: directory + "/bad.txt"))
        let result = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds/000_b0f18a854f7ce6e7.txt",
                                              directory + "/bad.txt", "--errors", directory + "/errors.jsonl",
                                              "-o", directory + "/out.json", "--format", "json"])
        #expect(result.status == 2)
        let output = try JSONDecoder().decode([Article].self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/out.json")))
        #expect(output.map(\.id) == ["000_b0f18a854f7ce6e7"])
        let errors = try String(contentsOfFile: directory + "/errors.jsonl", encoding: .utf8)
        #expect(errors == #"{"error":"invalid UTF-8 at byte 2: looks like UTF-8 mixed with Windows-1252; use --input-encoding cp1252 to read all of it as Windows-1252","id":"bad","source":"\#(directory)/bad.txt","stage":"input"}"# + "\n")
        #expect(result.stderr.contains("2 articles: 1 ok, 0 emptied, 1 failed"))
    }

    @Test("on-error: fail stops with the article and the step, and a non-zero status")
    func failPolicy() throws {
        let folder = try TemporaryFolder()
        let pipeline = try folder.write("p.yaml", "on-error: fail\nstages:\n  - use: pass\n")
        let empty = try folder.write("empty.txt", "")
        let result = try TextMineProcess.run(["run", pipeline, "seeds/000_b0f18a854f7ce6e7.txt", empty])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "error: run stopped (on-error: fail): article 'empty' (\(empty)): input failed: empty article"))
    }

    @Test("a .jsonl file is read as JSON lines even when the pipeline says format: text")
    func extensionBeatsPipelineFormat() throws {
        let folder = try TemporaryFolder()
        let corpus = try folder.write("corpus.jsonl", """
            {"id": "a", "text": "Le président Emmanuel Macron a parlé à Paris mardi devant les députés réunis."}
            {"id": "b", "text": "La ministre a répondu aux questions des journalistes sur la réforme des retraites."}

            """)
        let result = try TextMineProcess.run(["run", "pipelines/french-news.yaml", corpus, "--no-timings"])
        let output = try articles(result.stdout)
        #expect(output.map(\.id) == ["a", "b"])
        #expect(output.allSatisfy { $0.source?.format == "jsonl" && !$0.text.isEmpty })
        #expect(result.stderr.contains("2 articles: 2 ok, 0 emptied, 0 failed"))
        // --input-format still forces a format on every input.
        let forced = try TextMineProcess.run(["run", "pipelines/minimal.yaml", corpus, "--input-format", "text", "--quiet"])
        #expect(try articles(forced.stdout).map(\.id) == ["corpus"])
    }

    @Test("the pipeline's input.format reads its own input.paths and files without a known extension")
    func pipelineFormatForItsPathsAndBareFiles() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("data/dump.txt", #"{"id": "x", "text": "Un."}"# + "\n" + #"{"id": "y", "text": "Deux."}"# + "\n")
        let bare = try folder.write("bare", #"{"id": "z", "text": "Trois."}"# + "\n")
        let pipeline = try folder.write("p.yaml", "input:\n  paths: [data]\n  format: jsonl\nstages:\n  - use: pass\n")
        let own = try TextMineProcess.run(["run", pipeline, "--quiet"])
        #expect(try articles(own.stdout).map(\.id) == ["x", "y"])
        let given = try TextMineProcess.run(["run", pipeline, bare, folder.url.path + "/data/dump.txt", "--quiet"])
        #expect(try articles(given.stdout).map(\.id) == ["z", "dump"])
    }

    @Test("a text article that looks like JSON lines is named in a warning")
    func textLooksLikeJSONLines() throws {
        let folder = try TemporaryFolder()
        let dump = try folder.write("dump.txt", #"{"id": "a", "text": "Un."}"# + "\n" + #"{"id": "b", "text": "Deux."}"# + "\n")
        let result = try TextMineProcess.run(["run", "pipelines/minimal.yaml", dump])
        #expect(result.stderr.hasPrefix("warning: article 'dump' (\(dump)): read as one text article, but it looks like "
            + "JSON lines; name the file .jsonl or use --input-format jsonl\n1 article: 1 ok, 0 emptied, 0 failed ("))
        #expect(result.status == 0)
    }

    @Test("articles with the same id in one run get a warning")
    func duplicateIDs() throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("a/note.txt", "Un.")
        let second = try folder.write("b/note.txt", "Deux.")
        let result = try TextMineProcess.run(["run", "pipelines/minimal.yaml", first, second])
        #expect(result.stderr.hasPrefix("warning: article 'note' (\(second)): another article of this run has the same id\n"))
        #expect(try articles(result.stdout).map(\.id) == ["note", "note"])
    }

    @Test("an article left empty is counted apart, named, and kept, skipped or failed as on-empty says; the status says so")
    func emptiedArticles() throws {
        let folder = try TemporaryFolder()
        let share = try folder.write("share.txt", "Partager sur Facebook\nPartager sur Twitter\n")
        let seed = "seeds/000_b0f18a854f7ce6e7.txt"
        let kept = try TextMineProcess.run(["run", "pipelines/french-news.yaml", seed, share, "--no-timings"])
        #expect(kept.status == 2)
        #expect(try articles(kept.stdout).map(\.id) == ["000_b0f18a854f7ce6e7", "share"])
        #expect(kept.stderr.hasPrefix("""
            warning: article 'share' (\(share)): emptied: nothing is left of its text after step 'boilerplate' (on-empty: keep)
            2 articles: 1 ok, 1 emptied, 0 failed (
            """))

        let base = try String(contentsOfFile: TextMineProcess.packageRoot + "/pipelines/french-news.yaml", encoding: .utf8)
            .replacingOccurrences(of: "paths: [../seeds]", with: "paths: []")
        let skipping = try folder.write("skip.yaml", base.replacingOccurrences(of: "on-error: skip", with: "on-error: skip\non-empty: skip"))
        let skipped = try TextMineProcess.run(["run", skipping, seed, share, "--no-timings"])
        #expect(skipped.status == 2)
        #expect(try articles(skipped.stdout).map(\.id) == ["000_b0f18a854f7ce6e7"])
        #expect(skipped.stderr.contains("2 articles: 1 ok, 1 emptied, 0 failed ("))

        let failing = try folder.write("fail.yaml", base.replacingOccurrences(of: "on-error: skip", with: "on-error: skip\non-empty: fail"))
        let errors = folder.url.path + "/errors.jsonl"
        let failed = try TextMineProcess.run(["run", failing, seed, share, "--no-timings", "--errors", errors])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("2 articles: 1 ok, 0 emptied, 1 failed ("))
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == #"{"error":"nothing is left of its text (on-empty: fail)","id":"share","source":"\#(share)","stage":"boilerplate"}"# + "\n")
    }

    @Test("run --help documents the exit statuses")
    func helpDocumentsExitStatuses() throws {
        let help = try TextMineProcess.run(["run", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Exit status: 0 every article came through; 2 the run completed but some articles failed or were emptied; "
            + "1 the run stopped (on-error: fail) or could not write its output or read any article; 64 usage errors"))
    }

    @Test("a Latin-1 file is decoded and says so; --input-encoding forces an encoding; an unknown one is a usage error")
    func encodings() throws {
        let folder = try TemporaryFolder()
        let latin = try folder.write("latin.txt", Array("Le caf".utf8) + [0xE9, 0x20, 0xE0, 0x20, 0x92, 0x80, 0x0A])
        let detected = try TextMineProcess.run(["run", "pipelines/minimal.yaml", latin, "--quiet"])
        let article = try #require(try articles(detected.stdout).first)
        #expect(article.text == "Le café à ’€\n")
        #expect(article.source?.encoding == "windows-1252")
        #expect(detected.stdout.contains(#""source":{"encoding":"windows-1252","format":"text","#))

        let forced = try TextMineProcess.run(["run", "pipelines/minimal.yaml", latin, "--input-encoding", "utf-8"])
        #expect(forced.status == 1)
        #expect(forced.stderr.hasPrefix(
            "warning: article 'latin' (\(latin)): input failed: invalid UTF-8 at byte 6: looks like Windows-1252; use --input-encoding cp1252\n"))
        let iso = try TextMineProcess.run(["run", "pipelines/minimal.yaml", latin, "--input-encoding", "iso-8859-15", "--quiet"])
        #expect(try articles(iso.stdout).first?.source?.encoding == "iso-8859-15")

        let unknown = try TextMineProcess.run(["run", "pipelines/minimal.yaml", latin, "--input-encoding", "klingon"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: unknown encoding 'klingon' in --input-encoding"))
    }

    @Test("a glob that matches nothing is an error naming the pattern, not an article")
    func globWithoutMatch() throws {
        let result = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "seeds/*.jsonl"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: no file matches 'seeds/*.jsonl'\n")
    }

    @Test("standard input as JSON lines, written as text")
    func standardInput() throws {
        let result = try TextMineProcess.run(
            ["run", "pipelines/minimal.yaml", "-", "--input-format", "jsonl", "--format", "text", "--quiet"],
            stdin: #"{"id": "x", "text": "Bonjour."}"# + "\n")
        #expect(result.status == 0)
        #expect(result.stdout == "=== x ===\nBonjour.\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("nothing readable is an error")
    func nothingRead() throws {
        let folder = try TemporaryFolder()
        let blank = try folder.write("blank.txt", " \n")
        let result = try TextMineProcess.run(["run", "pipelines/minimal.yaml", blank])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no article could be read"))
        let missing = try TextMineProcess.run(["run", "pipelines/minimal.yaml", "does-not-exist"])
        #expect(missing.status == 64)
        #expect(missing.stderr == "error: no such file or directory: 'does-not-exist'\n")
    }
}
