import ArgumentParser
import Foundation
import TextMineCore
import TextMineStages

/// `textmine eval language`: accuracy of the language identifier per language, on full texts and on
/// their first 40 and 20 characters, and its speed.
struct EvalLanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Score the language identifier on {lang, text} JSON Lines: accuracy per language on full texts, 40 and 20 characters, and speed.",
        discussion: """
            A text counts as right when the identified language is its `lang`; `und` counts as wrong \
            for a language of the model. Texts in languages the model does not know are right when \
            they come out `und` (their own row). Speed is MB of full texts per CPU second of one thread.
            """
    )

    @Option(help: "The model file (.tmlid); default: the built-in model.")
    var model: String?

    @Option(help: "Write 'lang<TAB>cut<TAB>predicted<TAB>best<TAB>confidence<TAB>surprise<TAB>features<TAB>runner-up<TAB>margin<TAB>other-margin<TAB>text' for each wrong answer to this file.")
    var errors: String?

    @Option(help: "Write the same line for every answer, right or wrong, to this file.")
    var predictions: String?

    @Option(help: "The confidence from which a label counts as sure (the language stage's min-confidence).")
    var minConfidence = 0.8

    @Argument(help: "Gold files ({lang, text} JSONL), each optionally FILE#every-N, FILE#except-every-N.")
    var gold: [String]

    /// The cuts scored: the full text, then its first 40 and 20 characters.
    static let cuts: [(name: String, length: Int?)] = [("full", nil), ("40", 40), ("20", 20)]

    func run() throws {
        do {
            let identifier = try model.map { try LanguageModel(contentsOf: $0) } ?? LanguageModel.builtIn()
            let examples = try LanguageTrainer.examples(selections: gold)
            print("model \(model ?? "built-in") (\(identifier.languages.map(\.code).joined(separator: " ")))")
            print(Self.report(identifier, examples, minConfidence: minConfidence, errors: errors, predictions: predictions))
        } catch let error as StageError {
            throw ValidationError(error.message)
        } catch let error as CorpusSelectionError {
            throw ValidationError(error.description)
        }
    }

    private static func add(_ row: (count: Int, right: [Int], sure: [Int], sureWrong: [Int]),
                            to total: inout (count: Int, right: [Int], sure: [Int], sureWrong: [Int])) {
        total.count += row.count
        for index in 0..<3 {
            total.right[index] += row.right[index]
            total.sure[index] += row.sure[index]
            total.sureWrong[index] += row.sureWrong[index]
        }
    }

    /// The table of accuracies and the speed line.
    static func report(_ identifier: LanguageModel, _ examples: [LanguageTrainer.Example], minConfidence: Double = 0.8,
                       errors: String?, predictions: String?) -> String {
        let known = Set(identifier.languages)
        var rows: [LanguageCode: (count: Int, right: [Int], sure: [Int], sureWrong: [Int])] = [:]
        var log = ""
        var all = ""
        for example in examples {
            let gold = LanguageCode(example.lang) ?? .undetermined
            let expected = known.contains(gold) ? gold : .undetermined
            var row = rows[gold] ?? (0, [0, 0, 0], [0, 0, 0], [0, 0, 0])
            row.count += 1
            for (index, cut) in cuts.enumerated() {
                let text = cut.length.map { String(String.UnicodeScalarView(example.text.unicodeScalars.prefix($0))) } ?? example.text
                let found = identifier.identify(text)
                let line = errors == nil && predictions == nil ? "" : [
                    gold.code, cut.name, found.language.code, found.best?.code ?? "-", String(format: "%.3f", found.confidence),
                    String(format: "%.3f", found.surprise), String(found.features), found.runnerUp?.code ?? "-", String(format: "%.4f", found.margin), String(format: "%.4f", found.otherMargin), text,
                ].joined(separator: "\t") + "\n"
                if predictions != nil { all += line }
                if found.language == expected {
                    row.right[index] += 1
                    if expected.isUndetermined || found.confidence >= minConfidence { row.sure[index] += 1 }
                } else {
                    if !found.language.isUndetermined, found.confidence >= minConfidence { row.sureWrong[index] += 1 }
                    if errors != nil { log += line }
                }
            }
            rows[gold] = row
        }
        if let errors { _ = FileManager.default.createFile(atPath: errors, contents: Data(log.utf8)) }
        if let predictions { _ = FileManager.default.createFile(atPath: predictions, contents: Data(all.utf8)) }

        func cell(_ right: Int, _ count: Int) -> String { count == 0 ? "-" : String(format: "%.4f", Double(right) / Double(count)) }
        func line(_ label: String, _ row: (count: Int, right: [Int], sure: [Int], sureWrong: [Int])) -> String {
            label.padding(toLength: 6, withPad: " ", startingAt: 0) + String(row.count).leftPadded(9)
                + row.right.map { cell($0, row.count).leftPadded(8) }.joined() + "  "
                + row.sure.map { cell($0, row.count).leftPadded(8) }.joined() + "  "
                + row.sureWrong.map { cell($0, row.count).leftPadded(8) }.joined()
        }
        var lines = ["lang      texts    full      40      20  sure-right: full, 40, 20   sure-wrong: full, 40, 20"]
        var total = (count: 0, right: [0, 0, 0], sure: [0, 0, 0], sureWrong: [0, 0, 0])
        var others = total
        for language in rows.keys.sorted() {
            let row = rows[language]!
            lines.append(line(known.contains(language) ? language.code : "\(language.code)*", row))
            if known.contains(language) { Self.add(row, to: &total) } else { Self.add(row, to: &others) }
        }
        lines.append(line("all", total))
        if others.count > 0 {
            lines.append(line("other*", others))
            lines.append(String(format: "(* not a language of the model: right when und; sure-right: right with confidence >= %.2f (und: always); sure-wrong: another label with confidence >= %.2f)", minConfidence, minConfidence))
        }

        // Speed: full texts as UTF-8 (as a stage reads them), repeated until one CPU second has passed.
        let texts = examples.map { Array($0.text.utf8) }
        let roundBytes = texts.reduce(0) { $0 + $1.count }
        var bytes = 0
        var rounds = 0
        var sink = 0
        let start = SystemClock.threadCPUSeconds
        repeat {
            for text in texts { sink &+= text.withUnsafeBufferPointer { identifier.identify($0).letters } }
            bytes += roundBytes
            rounds += 1
        } while SystemClock.threadCPUSeconds - start < 1 && !examples.isEmpty
        let seconds = max(SystemClock.threadCPUSeconds - start, 1e-9)
        lines.append(String(format: "speed: %.1f MB per CPU second (%d rounds of %d texts, %.1f MB; %d letters)",
                            Double(bytes) / seconds / 1e6, rounds, examples.count, Double(bytes) / 1e6, sink))
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
