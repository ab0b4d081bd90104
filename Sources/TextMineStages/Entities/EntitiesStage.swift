import Foundation
import TextMineCore

/// The `entities` stage: tags PER, ORG, LOC and MISC mentions with a statistical tagger, corrects
/// it with rules and gazetteers, and links the mentions of one entity to one canonical name.
public struct EntitiesStage: Stage {
    static let model = StageOption<String?>.path("model",
        doc: "A model file trained with `textmine train ner`, used for every article; default: the built-in model of each article's language.")
    static let gazetteers = StageOption<[String]>.paths("gazetteers",
        doc: "More gazetteer files (`name<TAB>CATEGORY` a line; PER, LOC, ORG, MISC, FIRST, TITLE, ORG-KEY, LOC-KEY), added to the built-in ones.")
    static let language = StageOption<String>("language", default: "fr",
        doc: "The language of articles that do not say theirs; it selects the rules (and the built-in model when `model` is not set).")
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
            article is tagged by the model of its language (`language` when it has none); an article \
            in a language without a model gets no entities. `model:` selects one model for every \
            article (see `textmine train ner`). Rules keep it precise: no sentence-initial function \
            words (`Alors`, `Les`), nothing in all-caps, foreign-language, link or credit lines; titles \
            are left out of person names (`M. Lavrov` → `Lavrov`); confident gazetteer names fix the \
            tagger's label (`Kremlin` ORG). Mentions of one entity share a `canonical` name: surnames \
            (`Poutine` → `Vladimir Poutine`), acronyms (`OTAN`), spelling variants (`Etats-Unis`) and \
            typos (`Bliken` → `Blinken`). Each entity has a `confidence` and the step's name as `stage`. \
            See docs/stages/entities.md.
            """,
        options: [model, gazetteers, language, minConfidence, link],
        requires: [.sentences, .tokens],
        produces: [.entities])

    /// The tagger of `model:`, for every article; nil when each article's language picks a built-in model.
    private let fixed: EntityTagger?
    /// The built-in models' taggers by language (the default language's loaded at once).
    private let builtIn: BuiltInTaggers
    private let defaultLanguage: String
    private let minConfidence: Double
    private let linking: Bool

    public init(options: StageOptions) throws {
        let language = Self.baseLanguage(options[Self.language]) ?? "fr"
        let gazetteers = options[Self.gazetteers]
        builtIn = BuiltInTaggers(gazetteers: gazetteers)
        defaultLanguage = language
        do {
            if let path = options[Self.model] {
                fixed = EntityTagger(model: try NERModel.load(contentsOf: path, gazetteers: gazetteers), defaultLanguage: language)
            } else {
                fixed = nil
                _ = try builtIn.load(language: language)
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

    /// The primary subtag of a language code, lowercased (`fr-FR`, `fr_FR`, `FR` → `fr`); nil
    /// for an empty or undetermined (`und`) code.
    static func baseLanguage(_ code: String?) -> String? {
        guard let code, let base = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first?.lowercased(),
              !base.isEmpty, base != "und" else { return nil }
        return base
    }

    /// The tagger for an article: `model:`'s, or the built-in model of the article's language (the
    /// default language when it has none); nil when its language has no built-in model.
    private func tagger(for article: Article) -> EntityTagger? {
        if let fixed { return fixed }
        return try? builtIn.load(language: Self.baseLanguage(article.language) ?? defaultLanguage)
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        guard let tagger = tagger(for: article) else {
            article.entities = []
            return
        }
        let text = article.scalarText
        let found = tagger.mentions(in: article, text: text).filter { $0.confidence >= minConfidence }
        let links: [EntityLinker.Link]
        if linking {
            links = tagger.linker.link(found.map { EntityLinker.Mention(text: $0.text, label: $0.label, confidence: $0.confidence) })
        } else {
            links = found.map { EntityLinker.Link(canonical: $0.text, label: $0.label) }
        }
        article.entities = zip(found, links).map { mention, link in
            Entity(span: mention.span, text: mention.text, label: link.label, canonical: link.canonical,
                   confidence: (mention.confidence * 1000).rounded() / 1000, stage: context.stageName)
        }
    }
}

/// The taggers of the built-in models, by language, each loaded when an article first needs it.
final class BuiltInTaggers: @unchecked Sendable {
    private let lock = NSLock()
    private var taggers: [String: Result<EntityTagger, any Error>] = [:]
    private let gazetteers: [String]

    init(gazetteers: [String]) { self.gazetteers = gazetteers }

    /// The tagger of the built-in model of `language`.
    /// - Throws: when the language has no built-in model or it does not load (once per language).
    func load(language: String) throws -> EntityTagger {
        lock.lock()
        defer { lock.unlock() }
        if let known = taggers[language] { return try known.get() }
        let result = Result { () throws -> EntityTagger in
            let model = try NERModel.load(contentsOf: try NERModel.builtInPath(language: language), gazetteers: gazetteers)
            return EntityTagger(model: model, defaultLanguage: language)
        }
        taggers[language] = result
        return try result.get()
    }
}
