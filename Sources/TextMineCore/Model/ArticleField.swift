import Foundation

/// The top-level fields of an article in output, in the order every output format writes them:
/// what a reader looks for first (`id`, where it came from, its language and metadata, the text,
/// then what stages found in it), the bulky layers last.
///
/// This order is the one source of truth for JSON, JSON Lines, YAML, CSV and HTML output.
public enum ArticleField: String, CaseIterable, Sendable, Hashable, Codable {
    case id, source, language, metadata, text, summary, keywords, entities
    case removals, original, sentences, blocks, tokens, alignment, trace, layers

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
    private let included: Set<ArticleField>

    /// The fields of `only` (every field when nil) minus those of `excluding`, plus `id`.
    public init(only: [ArticleField]? = nil, excluding: [ArticleField] = []) {
        var set = Set(only ?? ArticleField.allCases).subtracting(excluding)
        set.insert(.id)
        included = set
        fields = ArticleField.allCases.filter(set.contains)
    }

    /// Every field.
    public static let all = FieldSelection()

    /// Whether `field` is written.
    public func contains(_ field: ArticleField) -> Bool { included.contains(field) }

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
