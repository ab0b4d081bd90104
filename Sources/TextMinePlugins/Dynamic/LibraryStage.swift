import TextMineCore

/// A stage from a plugin library, as the host runs it: it calls the closures the library exported
/// (see ``StagePluginABI/export(_:)``). Instances are built through the stage's ``StageDescriptor``.
struct LibraryStage: Stage {
    static let description = StageDescription(id: "library-stage", abstract: "A stage from a plugin library.")
    let functions: ExportedStage.Functions

    init(options: StageOptions) throws {
        throw StageError("stages from plugin libraries are built through their descriptor")
    }

    init(_ functions: ExportedStage.Functions) { self.functions = functions }

    func process(_ article: inout Article, context: StageContext) throws {
        try functions.process(&article, context)
    }
}

/// A corpus stage from a plugin library.
struct LibraryCorpusStage: CorpusStage {
    static let description = StageDescription(
        id: "library-corpus-stage", abstract: "A corpus stage from a plugin library.")
    let functions: ExportedStage.Functions

    init(options: StageOptions) throws {
        throw StageError("stages from plugin libraries are built through their descriptor")
    }

    init(_ functions: ExportedStage.Functions) { self.functions = functions }

    mutating func prepare(corpus: [Article]) throws { try functions.prepare(corpus) }

    func process(_ article: inout Article, context: StageContext) throws {
        try functions.process(&article, context)
    }
}

extension StageDescriptor {
    /// Describes a stage a plugin library at `path` exported.
    init(_ exported: ExportedStage, library path: String) {
        self.init(exported.type.description, origin: .library(path: path)) { options in
            let functions = try exported.make(options)
            return exported.isCorpusStage ? LibraryCorpusStage(functions) : LibraryStage(functions)
        }
    }
}
