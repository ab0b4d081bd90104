import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// Builds a stage of type `S` from raw option values, as a pipeline would, in a ``StageHarness``:
/// every run through it checks the stage contract.
func makeStage<S: Stage>(_ type: S.Type, _ options: [String: JSONValue] = [:]) throws -> StageHarness {
    try StageHarness(type, options: options)
}

/// Runs stages in order on an article, checking each one's contract, and returns the article.
func process(_ article: Article, through stages: [StageHarness],
             sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
    var article = article
    for stage in stages { article = try stage.run(article, sourceLocation: sourceLocation) }
    return article
}

/// Runs stages in order on a text, checking each one's contract, and returns the article.
func process(_ text: String, through stages: [StageHarness], id: String = "test",
             sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
    try process(Article(id: id, text: text), through: stages, sourceLocation: sourceLocation)
}

/// The clean → metadata chain with default options.
func metadataChain() throws -> [StageHarness] {
    [try makeStage(CleanStage.self), try makeStage(MetadataStage.self)]
}

/// The clean → metadata → boilerplate chain with default options.
func cleaningChain() throws -> [StageHarness] {
    [try makeStage(CleanStage.self), try makeStage(MetadataStage.self), try makeStage(BoilerplateStage.self)]
}

extension Article {
    /// The string value of a metadata field.
    func field(_ name: String) -> String? { metadata[name]?.value.stringValue }
}
