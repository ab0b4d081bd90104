import Foundation
import TextMineCore

/// Stages with options and capabilities for command tests.
enum CLITestStages {
    struct Split: Stage {
        static let maxLength = StageOption<Int>("max-length", in: 1...1000, default: 400,
            doc: "The longest sentence, in words.")
        static let description = StageDescription(
            id: "split", abstract: "Splits sentences.",
            documentation: "Splits the text into sentences.\n",
            options: [maxLength, OptionSpec("rules", .path, default: nil, doc: "A rule file.")],
            produces: [.sentences])
        init(options: StageOptions) throws {}
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    struct Pick: Stage {
        static let count = StageOption<Int>("count", in: 1...10, default: 3,
            doc: "How many.")
        static let description = StageDescription(
            id: "pick", abstract: "Picks sentences.",
            options: [count, OptionSpec("method", .choice(["lead", "news"]), default: "news", doc: "How.")],
            requires: [.sentences],
            produces: [.summary])
        init(options: StageOptions) throws {}
        func process(_ article: inout Article, context: StageContext) throws {}
    }

    static let registry = StageRegistry([Split.self, Pick.self])
    static let loader = PipelineLoader(registry: registry, environment: [:])
}
