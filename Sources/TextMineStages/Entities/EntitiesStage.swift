import Foundation
import Synchronization
import TextMineCore

/// The `entities` stage: tags PER, ORG, LOC and MISC mentions with a statistical tagger, corrects
/// it with rules and gazetteers, and links the mentions of one entity to one canonical name.
public struct EntitiesStage: Stage {
    static let model = StageOption<String?>.path("model",
        doc: "A model file trained with `textmine train ner`, used for every article; default: the built-in model of each article's language.")
    static let gazetteers = StageOption<[String]>.paths("gazetteers",
        doc: "More gazetteer files (`name<TAB>CATEGORY` a line; PER, LOC, ORG, MISC, FIRST, TITLE, ORG-KEY, LOC-KEY), added to the built-in ones.")
    static let language = LanguageSetting.option
    static let minConfidence = StageOption<Double>("min-confidence", in: 0...1, default: 0,
        doc: "Mentions the tagger is less sure of are dropped.")
    static let link = StageOption<Bool>("link", default: true,
        doc: "Link mentions of one entity to one canonical name; when false, each mention is its own canonical name.")

    public static let description = StageDescription(
        id: "entities",
        abstract: "Tags PER, ORG, LOC and MISC mentions and links mentions of one entity to a canonical name.",
        documentation: """
            Tags named entities with an averaged-perceptron sequence tagger over hashed features (word, \
            shape, affixes, capitalisation, neighbours, gazetteer membership, trigger words such as \
            `président` or `M.`). The built-in models (French, English) need no configuration: each \
            article is tagged by the model of its language; an article in a language without a model \
            gets no entities and a warning. `model:` selects one model for every article (see \
            `textmine train ner`). Rules keep it precise: no sentence-initial function \
            words (`Alors`, `Les`), nothing in all-caps, foreign-language, link or credit lines; titles \
            are left out of person names (`M. Lavrov` → `Lavrov`); confident gazetteer names fix the \
            tagger's label (`Kremlin` ORG). Mentions of one entity share a `canonical` name: surnames \
            (`Poutine` → `Vladimir Poutine`), acronyms (`OTAN`), spelling variants (`Etats-Unis`) and \
            typos (`Bliken` → `Blinken`). Each entity has a `confidence` and the step's name as `stage`. \
            See docs/stages/entities.md.
            """,
        options: [model, gazetteers, language, minConfidence, link],
        requires: [.sentences, .tokens],
        produces: [.entities],
        languages: LanguageSupport(EntityTagger.languages, others: .skipped))

    /// The tagger of `model:`, for every article; nil when each article's language picks its built-in model.
    private let fixed: EntityTagger?
    /// The built-in models' taggers by language, loaded when first needed.
    private let builtIn: BuiltInTaggers
    private let language: LanguageSetting
    private let minConfidence: Double
    private let linking: Bool

    public init(options: StageOptions) throws {
        language = options[Self.language]
        let gazetteers = options[Self.gazetteers]
        builtIn = BuiltInTaggers(gazetteers: gazetteers)
        do {
            if let path = options[Self.model] {
                fixed = EntityTagger(model: try NERModel.load(contentsOf: path, gazetteers: gazetteers))
            } else {
                fixed = nil
                _ = try builtIn.tagger(for: language.fallback ?? "fr")  // a missing default model fails the pipeline at once
            }
        } catch let error as Diagnostic {
            let option = error.file.hasSuffix(".tmner") || options[Self.model] == error.file ? "model" : "gazetteers"
            throw StageError(error.description, option: option)
        } catch let error as StageError {
            throw StageError(error.message, option: "model")
        }
        minConfidence = options[Self.minConfidence]
        linking = options[Self.link]
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let text = article.scalarText
        let language = language.language(of: article) ?? fixed.flatMap { LanguageCode($0.model.header.language) } ?? "fr"
        guard let tagger = fixed ?? (try? builtIn.tagger(for: language)) else {
            article.entities = []
            article.warn("no built-in entity model for language '\(language)': entities left out")
            return
        }
        guard tagger.hasRules(for: language) else {
            article.entities = []
            article.warn("no entity rules for language '\(language)': entities left out")
            return
        }
        let found = try tagger.mentions(in: article, language: language, text: text, context: context).filter { $0.confidence >= minConfidence }
        let links: [EntityLinker.Link]
        if linking {
            links = tagger.linker.link(found.map { EntityLinker.Mention(text: $0.text, label: $0.label, confidence: $0.confidence) })
        } else {
            links = found.map { EntityLinker.Link(canonical: $0.text, label: $0.label) }
        }
        article.entities = zip(found, links).map { mention, link in
            Entity(span: mention.span, text: mention.text, label: link.label, canonical: link.canonical,
                   confidence: (mention.confidence * 1000).rounded() / 1000, step: context.step)
        }
    }
}

/// The taggers of the built-in models, by language, each loaded when an article first needs it.
final class BuiltInTaggers: Sendable {
    /// The taggers loaded (or failed) so far; the lock is held while one loads, so each loads once.
    private let taggers = Mutex<[LanguageCode: Result<EntityTagger, any Error>]>([:])
    private let gazetteers: [String]

    init(gazetteers: [String]) { self.gazetteers = gazetteers }

    /// The tagger of the built-in model of `language`.
    /// - Throws: when the language has no built-in model or it does not load (tried once per language).
    func tagger(for language: LanguageCode) throws -> EntityTagger {
        try taggers.withLock { taggers in
            if let known = taggers[language] { return try known.get() }
            let result = Result { () throws -> EntityTagger in
                let path = try NERModel.builtInPath(language: language)
                return EntityTagger(model: try NERModel.load(contentsOf: path, gazetteers: gazetteers))
            }
            taggers[language] = result
            return try result.get()
        }
    }
}
