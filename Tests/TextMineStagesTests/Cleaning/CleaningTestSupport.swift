import Foundation
import TextMineCore
import TextMineStages

/// Builds a stage of type `S` from raw option values, as a pipeline would.
func makeStage<S: Stage>(_ type: S.Type, _ options: [String: JSONValue] = [:]) throws -> S {
    try S(options: StageOptions.validated(options, for: S.self))
}

/// Runs stages in order on a text and returns the article.
func process(_ text: String, through stages: [any Stage], id: String = "test") throws -> Article {
    var article = Article(id: id, text: text)
    for stage in stages { try stage.process(&article, context: StageContext(stageName: type(of: stage).description.id.rawValue)) }
    return article
}

/// The clean → metadata chain with default options.
func metadataChain() throws -> [any Stage] {
    [try makeStage(CleanStage.self), try makeStage(MetadataStage.self)]
}

/// The clean → metadata → boilerplate chain with default options.
func cleaningChain() throws -> [any Stage] {
    [try makeStage(CleanStage.self), try makeStage(MetadataStage.self), try makeStage(BoilerplateStage.self)]
}

extension Article {
    /// The string value of a metadata field.
    func field(_ name: String) -> String? { metadata[name]?.value.stringValue }
}
