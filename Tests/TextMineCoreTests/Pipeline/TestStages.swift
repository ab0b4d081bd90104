import Foundation
import TextMineCore

/// Small stages that exercise the loader: capabilities, option types, and construction errors.
enum TestStages {
    /// A stage that is only its description (what it requires and produces): it does nothing.
    protocol DeclarationOnly: Stage { init() }

    struct Tokens: DeclarationOnly {
        static let description = StageDescription(
            id: "tokens", abstract: "Test: produces tokens.",
            produces: [.tokens])
    }

    struct Entities: DeclarationOnly {
        static let description = StageDescription(
            id: "entities", abstract: "Test: requires tokens and sentences, produces entities.",
            requires: [.tokens, .sentences],
            produces: [.entities])
    }

    struct Sentences: DeclarationOnly {
        static let description = StageDescription(
            id: "sentences", abstract: "Test: produces sentences.",
            produces: [.sentences])
    }

    struct Summarize: Stage {
        static let sentences = StageOption<Int>("sentences", in: 1...10, default: 3,
            doc: "How many sentences.")
        static let lowercase = StageOption<Bool>("lowercase", default: false,
            doc: "Lower-case first.")
        static let words = StageOption<[String]>("words", default: [],
            doc: "Extra words.")
        static let label = StageOption<String>("label", default: "summary",
            doc: "A label.")
        static let description = StageDescription(
            id: "summarize", abstract: "Test: options of several types.",
            options: [sentences, OptionSpec("method", .choice(["lead", "news"]), default: "lead", doc: "The method."), lowercase, words, label])
        let sentences: Int
        init(options: StageOptions) throws { sentences = options[Self.sentences] }
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    /// Reads a pattern file: a line `bad` is reported at its own position in that file.
    struct Patterns: Stage {
        static let description = StageDescription(
            id: "patterns", abstract: "Test: a required path option read at construction.",
            options: [OptionSpec("file", .path, default: nil, doc: "The pattern file.")])
        init(options: StageOptions) throws {
            let path = options.resolve(options["file"]?.stringValue ?? "")
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
        static let description = StageDescription(
            id: "broken", abstract: "Test: fails to build.")
        init(options: StageOptions) throws { throw StageError("the model is corrupt") }
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    static let registry = StageRegistry([Tokens.self, Entities.self, Sentences.self, Summarize.self, Patterns.self,
                                         Broken.self])
}

extension TestStages.DeclarationOnly {
    init(options: StageOptions) throws { self.init() }
    func process(_ article: inout Article, context: StageContext) throws {}
}
