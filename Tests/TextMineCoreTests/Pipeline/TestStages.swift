import Foundation
import TextMineCore

/// Small stages that exercise the loader: capabilities, option types, and construction errors.
enum TestStages {
    struct Tokens: Stage {
        static let id: StageID = "tokens"
        static let summary = "Test: produces tokens."
        static let produces: Set<Capability> = [.tokens]
        init(options: StageOptions) throws {}
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    struct Entities: Stage {
        static let id: StageID = "entities"
        static let summary = "Test: requires tokens and sentences, produces entities."
        static let requires: Set<Capability> = [.tokens, .sentences]
        static let produces: Set<Capability> = [.entities]
        init(options: StageOptions) throws {}
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    struct Sentences: Stage {
        static let id: StageID = "sentences"
        static let summary = "Test: produces sentences."
        static let produces: Set<Capability> = [.sentences]
        init(options: StageOptions) throws {}
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    struct Summarize: Stage {
        static let id: StageID = "summarize"
        static let summary = "Test: options of several types."
        static let options: OptionSchema = [
            OptionSpec("sentences", .integer(1...10), default: 3, doc: "How many sentences."),
            OptionSpec("method", .choice(["lead", "news"]), default: "lead", doc: "The method."),
            OptionSpec("lowercase", .bool, default: false, doc: "Lower-case first."),
            OptionSpec("words", .list(.string), default: [], doc: "Extra words."),
            OptionSpec("label", .string, default: "summary", doc: "A label."),
        ]
        let sentences: Int
        init(options: StageOptions) throws { sentences = options.int("sentences") }
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    /// Reads a pattern file: a line `bad` is reported at its own position in that file.
    struct Patterns: Stage {
        static let id: StageID = "patterns"
        static let summary = "Test: a required path option read at construction."
        static let options: OptionSchema = [OptionSpec("file", .path, default: nil, doc: "The pattern file.")]
        init(options: StageOptions) throws {
            let path = options.path("file")!
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw StageError("cannot read '\(path)'", option: "file")
            }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.hasPrefix("bad") {
                throw Diagnostic(file: path, line: index + 1, column: 1, message: "bad pattern '\(line)'")
            }
        }
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    struct Broken: Stage {
        static let id: StageID = "broken"
        static let summary = "Test: fails to build."
        init(options: StageOptions) throws { throw StageError("the model is corrupt") }
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    static let registry = StageRegistry([Tokens.self, Entities.self, Sentences.self, Summarize.self, Patterns.self,
                                         Broken.self])
}
