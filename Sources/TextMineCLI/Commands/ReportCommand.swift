import ArgumentParser
import Foundation
import TextMineCore

/// `textmine report OUTPUT.jsonl -o report.html`: an HTML page of what a run did.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make one self-contained HTML page of a run's output.",
        discussion: """
            Reads the articles a run wrote (JSON lines, or a JSON array with --format json) and \
            writes one HTML file that needs nothing else: per article the text with entities \
            highlighted by label, removed text struck through in place with its reason, summary \
            sentences marked, keywords, metadata with where each field came from; an index with \
            counts, filters by entity label and removal reason and search by id; with --errors, the \
            run's failed and emptied articles. Removed text sits exactly where it was when the \
            output has the alignment (--exclude ''), else where the removals alone place it. \
            `output: format: html` in a pipeline writes the same page during the run.
            """
    )

    @Argument(help: "The run's output (JSON lines; - for standard input).")
    var input: String

    @Option(name: [.short, .long], help: "The HTML file to write (default: standard output).")
    var output: String?

    @Option(help: "The run's dead letters (its --errors file), to list failed and emptied articles.")
    var errors: String?

    @Option(help: "The page title (default: TextMine report: INPUT).")
    var title: String?

    func run() throws {
        let console = Console(quiet: false)
        do {
            let encoder = HTMLReportEncoder(title: title ?? "TextMine report: \((input as NSString).lastPathComponent)")
            var failures: [ArticleFailure] = []
            if let errors {
                for line in try Self.lines(of: errors) {
                    failures.append(try Self.decode(ArticleFailure.self, line.text, file: errors, line: line.number))
                }
            }
            let file = try OutputFile(path: output)
            try file.write(encoder.header)
            var count = 0
            for line in try Self.lines(of: input) {
                let article = try Self.decode(Article.self, line.text, file: input, line: line.number)
                if count > 0 { try file.write(encoder.separator) }
                try file.write(try encoder.encode(article))
                count += 1
            }
            try file.write(try encoder.footer(after: RunOutcome(failures: failures)))
            try file.flush()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw console.fail("\(error)")
        }
    }

    /// The non-empty lines of a file (or standard input), numbered from 1.
    private static func lines(of path: String) throws -> [(number: Int, text: Substring)] {
        let bytes: Data
        if path == "-" {
            bytes = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let data = FileManager.default.contents(atPath: path) else { throw RunError("cannot read '\(path)'") }
            bytes = data
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (number: $0.offset + 1, text: $0.element) }
            .filter { !$0.text.allSatisfy(\.isWhitespace) }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ line: Substring, file: String, line number: Int) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(line.utf8))
        } catch {
            throw RunError("\(file):\(number): not a TextMine \(T.self == Article.self ? "article" : "dead letter") (\(Self.reason(error)))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "no '\(key.stringValue)'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted?: return "invalid JSON"
        default: return "\(error)"
        }
    }
}
