import Foundation

/// The top-level fields of an article in output, in the order every output format writes them:
/// what a reader looks for first (`id`, where it came from, its language and metadata, the text,
/// then what stages found in it), the bulky layers last.
///
/// This order is the one source of truth for JSON, JSON Lines, YAML, CSV and HTML output.
///
/// Each field's ``definition`` says what it holds and how it is treated. An annotation layer is
/// added in two places: its stored property on ``Article`` (with its default value) and its case
/// here with its line in ``definition``, which the compiler requires. Output, input, `Codable`, the
/// plugin protocol and patches, remapping on edit and span checks follow from that line.
public enum ArticleField: String, CaseIterable, Sendable, Hashable, Codable, CodingKey {
    case id, source, language, metadata, text, summary, keywords, entities
    case removals, original, sentences, blocks, tokens, alignment, trace, layers

    /// What the field holds and how it is treated: the one table of the article's fields.
    private static func define(_ field: ArticleField) -> ArticleFieldDefinition {
        switch field {
        case .id: return .field(.id, \.id, plugin: .always, isRequired: true)
        case .source: return .field(.source, \.source, plugin: .onRequest)
        case .language: return .field(.language, \.language, plugin: .always, dropsInvalidValue: true)
        case .metadata:
            return .field(.metadata, \.metadata, itemName: "metadata source", capability: .metadata, plugin: .onRequest)
        case .text:
            return .field(.text, \.text, plugin: .always, isRequired: true,
                          write: { article, writer in writer.text(of: article) })
        case .summary:
            return .field(.summary, \.summary, itemName: "summary sentence", capability: .summary, plugin: .onRequest)
        case .keywords: return .field(.keywords, \.keywords, itemName: "keyword", capability: .keywords, plugin: .onRequest)
        case .entities: return .field(.entities, \.entities, itemName: "entity", capability: .entities, plugin: .onRequest)
        case .removals: return .field(.removals, \.removals, itemName: "removal")
        case .original: return .field(.original, \.original, plugin: .onRequest)
        case .sentences:
            return .field(.sentences, \.sentences, itemName: "sentence", capability: .sentences, isEmptyOnBlankText: true,
                          plugin: .onRequest)
        case .blocks: return .field(.blocks, \.blocks, itemName: "block", capability: .blocks, plugin: .onRequest)
        case .tokens:
            return .field(.tokens, \.tokens, itemName: "token", capability: .tokens, isEmptyOnBlankText: true,
                          plugin: .onRequest)
        case .alignment: return .field(.alignment, \.alignment, itemName: "alignment region")
        case .trace: return .field(.trace, \.trace)
        case .layers: return .field(.layers, \.layers, plugin: .onRequest)
        }
    }

    /// Every field's definition, in output order.
    public static let definitions: [ArticleFieldDefinition] = allCases.map(define)
    private static let definitionsByField = Dictionary(uniqueKeysWithValues: definitions.map { ($0.field, $0) })

    /// What the field holds and how it is treated.
    public var definition: ArticleFieldDefinition { Self.definitionsByField[self]! }

    /// The field a capability names, if a field holds what stages that produce it make.
    public static func field(holding capability: Capability) -> ArticleField? {
        definitions.first { $0.capability == capability }?.field
    }

    /// Fields the shipped pipelines leave out unless asked (`output: exclude:`): together more than
    /// half the bytes of a typical article, and rarely read.
    public static let bulky: [ArticleField] = [.tokens, .alignment]

    /// Every field's name, in output order (for messages and docs).
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// Which top-level fields an output writes (`output: fields:` / `exclude:`, `--fields` /
/// `--exclude`). `id` is always written; the order is always ``ArticleField``'s.
public struct FieldSelection: Sendable, Hashable {
    /// The written fields, in output order.
    public let fields: [ArticleField]
    /// Their definitions, in the same order.
    let definitions: [ArticleFieldDefinition]
    private let included: Set<ArticleField>

    /// The fields of `only` (every field when nil) minus those of `excluding`, plus `id`.
    public init(only: [ArticleField]? = nil, excluding: [ArticleField] = []) {
        var set = Set(only ?? ArticleField.allCases).subtracting(excluding)
        set.insert(.id)
        included = set
        fields = ArticleField.allCases.filter(set.contains)
        definitions = fields.map(\.definition)
    }

    /// Every field.
    public static let all = FieldSelection()

    /// Whether `field` is written.
    public func contains(_ field: ArticleField) -> Bool { included.contains(field) }

    public static func == (lhs: FieldSelection, rhs: FieldSelection) -> Bool { lhs.fields == rhs.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    /// Reads a list of field names; an unknown name throws an error with the closest known name.
    public static func parse(_ names: [String]) throws(UnknownFieldError) -> [ArticleField] {
        var fields: [ArticleField] = []
        for name in names {
            guard let field = ArticleField(rawValue: name) else { throw UnknownFieldError(name: name) }
            fields.append(field)
        }
        return fields
    }

    /// Reads a comma-separated list of field names (`id,text,entities`); an empty text is no field.
    public static func parse(list: String) throws(UnknownFieldError) -> [ArticleField] {
        try parse(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}

/// A field name that is not one of ``ArticleField``.
public struct UnknownFieldError: Error, CustomStringConvertible, Sendable {
    /// The name as written.
    public var name: String

    /// The closest known field name, if the name looks like a typo of one.
    public var suggestion: String? { Suggestion.closest(to: name, in: ArticleField.names) }

    /// `unknown field 'tokns'`.
    public var message: String { "unknown field '\(name)'" }

    /// `did you mean 'tokens'?`, or the list of fields.
    public var hint: String {
        suggestion.map { "did you mean '\($0)'?" } ?? "fields: \(ArticleField.names.joined(separator: ", "))"
    }

    public var description: String { "\(message); \(hint)" }
}
