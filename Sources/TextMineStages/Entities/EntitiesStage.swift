import Foundation
import TextMineCore

/// The `entities` stage: tags PER, ORG, LOC and MISC mentions with a statistical tagger, corrects
/// it with rules and gazetteers, and links the mentions of one entity to one canonical name.
public struct EntitiesStage: Stage {
    static let model = StageOption<String?>.path("model",
        doc: "A model file trained with `textmine train ner`; default: the built-in model of `language`.")
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
            `président` or `M.`). The built-in French model needs no configuration; `model:` selects \
            another (see `textmine train ner`). Rules keep it precise: no sentence-initial function \
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

    private let tagger: EntityTagger
    private let minConfidence: Double
    private let linking: Bool

    public init(options: StageOptions) throws {
        let language = options[Self.language]
        let gazetteers = options[Self.gazetteers]
        let model: NERModel
        do {
            let path = try options[Self.model] ?? NERModel.builtInPath(language: language)
            model = try NERModel.load(contentsOf: path, gazetteers: gazetteers)
        } catch let error as Diagnostic {
            let option = error.file.hasSuffix(".tmner") || options[Self.model] == error.file ? "model" : "gazetteers"
            throw StageError(error.description, option: option)
        } catch let error as StageError {
            throw StageError(error.message, option: "model")
        }
        tagger = EntityTagger(model: model, defaultLanguage: language)
        minConfidence = options[Self.minConfidence]
        linking = options[Self.link]
    }

    public func process(_ article: inout Article, context: StageContext) throws {
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
