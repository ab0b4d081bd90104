import Foundation
import Testing
import TextMineCLI
import TextMineCore
import TextMineTesting

/// `textmine report` end to end, and the page in a real browser (Debian's `chromium`, headless).
///
/// Without chromium the browser test is skipped, unless `TEXTMINE_REQUIRE_BROWSER=1` (set by
/// `.ci/run`, which installs chromium) says it must run: then a missing browser fails it.
@Suite("textmine report", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct ReportCommandTests {
    static let hostileID = "evil</script><img src=x onerror=alert(1)>"
    static let browserRequired = ProcessInfo.processInfo.environment["TEXTMINE_REQUIRE_BROWSER"] == "1"
    static let browser: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs the French news pipeline on the seeds, a hostile article and an empty one, then makes the report.
    private func makeReport(in folder: TemporaryFolder) throws -> (path: String, html: String) {
        let hostile = try folder.write("hostile.jsonl", try String(decoding: JSONEncoder().encode(
            ["id": Self.hostileID, "text": "Le ministre \"Jean Dupont\" a dit </script><script>alert('x')</script> & <b>rien</b> à Paris."]),
            as: UTF8.self) + "\n")
        let empty = try folder.write("empty.txt", "")
        let out = folder.url.path + "/out.jsonl", errors = folder.url.path + "/errors.jsonl", report = folder.url.path + "/report.html"
        let run = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", hostile, empty, "-o", out,
                                           "--errors", errors, "--quiet"])
        #expect(run.status == 2, "one article failed")
        let made = try TextMineProcess.run(["report", out, "--errors", errors, "-o", report])
        #expect(made.status == 0)
        #expect(made.stderr.isEmpty)
        return (report, try String(contentsOfFile: report, encoding: .utf8))
    }

    @Test("one self-contained page: no link out, the hostile text only as escaped JSON")
    func selfContained() throws {
        let folder = try TemporaryFolder()
        let (_, html) = try makeReport(in: folder)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("<script src"))
        #expect(html.components(separatedBy: "<script").count == 4, "two JSON records and the page's script")
        #expect(!html.contains("<img"))
        #expect(html.contains(#"evil\u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e"#))
        #expect(html.contains(#""error":"empty article""#))
    }

    @Test("output format html: the same page written during the run, with the run's own stage timing")
    func duringRun() throws {
        let folder = try TemporaryFolder()
        let page = folder.url.path + "/run.html"
        let result = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--format", "html", "-o", page, "--quiet"])
        #expect(result.status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains(#"{"failures":[],"stages":[{"name":"input","calls":5,"#))
        #expect(html.contains(#"{"name":"entities","calls":5,"#))
    }

    @Test("textmine --version prints the version")
    func version() throws {
        let result = try TextMineProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == TextMineVersion.string + "\n")
    }

    @Test("a bad line is an error with file:line")
    func badLine() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("bad.jsonl", #"{"id": "a", "text": "x"}"# + "\n" + "{oops\n")
        let result = try TextMineProcess.run(["report", input, "-o", folder.url.path + "/r.html"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(input):2: not a TextMine article (invalid JSON)"))
    }

    @Test("headless chromium renders marks, escapes hostile text, and takes desktop and phone screenshots",
          .enabled(if: browser != nil || browserRequired,
                   "chromium is not installed (apt install chromium; TEXTMINE_REQUIRE_BROWSER=1 makes this a failure)"))
    func inBrowser() throws {
        guard let browser = Self.browser else {
            Issue.record("TEXTMINE_REQUIRE_BROWSER=1 but chromium is not installed (apt install chromium)")
            return
        }
        let folder = try TemporaryFolder()
        let (report, _) = try makeReport(in: folder)
        let url = URL(fileURLWithPath: report).absoluteString

        let first = try Self.chromium(browser, ["--dump-dom", url], folder: folder)
        #expect(first.contains(#"<mark class="ent lab-"#), "entities highlighted")
        #expect(first.contains(#"<span class="el">LOC</span></mark>"#), "the label as text, not only a colour")
        #expect(first.contains(#"<del class="rm" title="removed by "#), "removed text struck in place")
        #expect(first.contains(#"<span class="why">"#), "with its reason")
        #expect(first.contains(#"class="sum sum-start""#), "summary sentences marked")
        #expect(first.components(separatedBy: "<li><a href=\"#").count - 1 == 6, "six articles in the index")
        #expect(first.contains("6 articles · "))
        #expect(first.contains("1 failed · 1 emptied"))
        #expect(first.contains("<td>empty article</td>"))

        let hostile = try Self.chromium(browser, ["--dump-dom", url + "#" + Self.hostileID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!],
                                        folder: folder)
        #expect(hostile.contains("<h2>evil&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</h2>"))
        #expect(hostile.contains("&lt;/script&gt;&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;rien&lt;/b&gt;"))
        #expect(!hostile.contains("<img") && !hostile.contains("<b>rien"))

        for (name, size) in [("desktop", "1280,900"), ("phone", "390,844")] {
            let shot = folder.url.path + "/\(name).png"
            _ = try Self.chromium(browser, ["--screenshot=\(shot)", "--window-size=\(size)", "--hide-scrollbars", url], folder: folder)
            let png = try Data(contentsOf: URL(fileURLWithPath: shot))
            #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(name): a PNG")
            #expect(png.count > 20_000, "\(name): \(png.count) bytes, more than a blank page")
        }
    }

    /// Runs headless chromium and returns its standard output; fails after two minutes.
    static func chromium(_ browser: String, _ arguments: [String], folder: TemporaryFolder) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(folder.url.path)/chromium-profile", "--virtual-time-budget=5000"] + arguments
        let output = folder.url.path + "/chromium-\(UUID().uuidString).out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("chromium did not finish in two minutes")
        }
        process.waitUntilExit()
        return try String(contentsOfFile: output, encoding: .utf8)
    }
}
