import Foundation
import TextMineCore

/// Reads IOB2 corpora in the CoNLL-like TSV form: `token<TAB>tag` one token a line, a blank line
/// between sentences, tags `O`, `B-TYPE`, `I-TYPE`.
///
/// Problems are reported as ``Diagnostic``s with the file and line: a line without exactly two
/// tab-separated fields, an empty token, a tag that is not IOB2. An `I-TYPE` that does not continue
/// a `TYPE` entity starts a new one, as seqeval reads it.
package enum IOB2Reader {
    /// Reads a corpus file.
    package static func read(contentsOf path: String) throws -> [TaggedSentence] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(file: path, message: "cannot read corpus: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: path, message: "corpus is not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    /// Parses corpus text; `file` names it in errors.
    package static func parse(_ text: String, file: String) throws -> [TaggedSentence] {
        var sentences: [TaggedSentence] = []
        var tokens: [String] = []
        var tags: [String] = []
        var firstLine = 1
        var lineNumber = 0
        func flush() {
            if !tokens.isEmpty { sentences.append(TaggedSentence(tokens: tokens, tags: tags, line: firstLine)) }
            tokens.removeAll()
            tags.removeAll()
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                continue
            }
            if line.hasPrefix("-DOCSTART-") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                let hint = fields.count == 1 && line.contains(" ")
                    ? "separate the token and its tag with a tab, not spaces"
                    : "each line is 'token<TAB>tag'; a blank line ends a sentence"
                throw Diagnostic(file: file, line: lineNumber, message: "expected 2 tab-separated fields, found \(fields.count)", hint: hint)
            }
            guard !fields[0].isEmpty else {
                throw Diagnostic(file: file, line: lineNumber, column: 1, message: "empty token")
            }
            let tag = fields[1]
            guard isIOB2(tag) else {
                throw Diagnostic(file: file, line: lineNumber, column: fields[0].unicodeScalars.count + 2,
                                 message: "'\(tag)' is not an IOB2 tag", hint: "use O, B-TYPE or I-TYPE (e.g. B-PER)")
            }
            if tokens.isEmpty { firstLine = lineNumber }
            tokens.append(String(fields[0]))
            tags.append(String(tag))
        }
        flush()
        return sentences
    }

    private static func isIOB2(_ tag: Substring) -> Bool {
        if tag == "O" { return true }
        guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-") else { return false }
        return !tag.dropFirst(2).contains(where: \.isWhitespace)
    }
}
