import Foundation

/// The value of a top-level article field, as every serialisation sees it.
public protocol ArticleFieldValue: JSONWritable, Codable, Equatable {
    /// Whether outputs leave the value out: nil, an empty list or mapping (false by default).
    var isAbsent: Bool { get }
}

extension ArticleFieldValue {
    public var isAbsent: Bool { false }
}

extension String: ArticleFieldValue {}
extension LanguageCode: ArticleFieldValue {}
extension Source: ArticleFieldValue {}
extension Summary: ArticleFieldValue {}
extension Alignment: ArticleFieldValue {}

extension Optional: ArticleFieldValue where Wrapped: ArticleFieldValue {
    public var isAbsent: Bool { self == nil }
}

extension Array: ArticleFieldValue where Element: JSONWritable & Codable & Equatable {
    public var isAbsent: Bool { isEmpty }
}

extension Dictionary: ArticleFieldValue where Key == String, Value: JSONWritable & Codable & Equatable {
    public var isAbsent: Bool { isEmpty }
}

/// What a top-level field of ``Article`` holds and how each part of TextMine treats it: written to
/// output, read from input and from `Codable`, sent to and patched by plugins, remapped when a
/// stage edits the text, checked for spans. Built from the field's key path and value type by
/// ``ArticleField/definition``, the one table of fields.
public struct ArticleFieldDefinition: Sendable {
    /// How an out-of-process stage sees the field.
    public enum PluginAccess: Sendable {
        /// Sent with every article (`id`, `language`, `text`).
        case always
        /// Sent when the stage asks for it in its `ready` message (`receives`).
        case onRequest
        /// Never sent (the host's own bookkeeping).
        case never
    }

    /// The field.
    public let field: ArticleField
    /// The capability a stage that fills the field produces, if any (``Capability/sentences``…).
    public let capability: Capability?
    /// Whether an article with blank text shows the capability without a value (no sentences in
    /// no text).
    public let isEmptyOnBlankText: Bool
    /// How plugins see the field.
    public let pluginAccess: PluginAccess
    /// How the field's values are named one by one in messages (`sentence`, `entity`).
    public let itemName: String
    /// Whether every article has the field (`id`, `text`); `Codable` requires them.
    package let isRequired: Bool

    package let hasValue: @Sendable (Article) -> Bool
    package let write: @Sendable (Article, inout ArticleJSONWriter) throws -> Void
    package let read: @Sendable (JSONValue, inout Article) throws -> Bool
    package let decode: @Sendable (KeyedDecodingContainer<ArticleField>, inout Article) throws -> Void
    package let encode: @Sendable (Article, inout KeyedEncodingContainer<ArticleField>) throws -> Void
    package let equal: @Sendable (Article, Article) -> Bool
    /// Visits the field's spans; nil for a field without spans.
    package private(set) var forEachSpan: (@Sendable (Article, (Span, SpanTarget) -> Void) -> Void)?
    package private(set) var forEachQuote: (@Sendable (Article, (String, Span, SpanTarget) -> Void) -> Void)?
    package private(set) var shapeProblem: (@Sendable (Article) -> String?)?
    /// Remaps the field's spans after an edit; nil for a field whose spans do not follow the text.
    package private(set) var remap: (@Sendable (inout Article, (Span) -> Span?) -> Void)?

    /// A field whose value holds no span.
    static func field<Value: ArticleFieldValue & SendableMetatype>(
        _ field: ArticleField, _ keyPath: any WritableKeyPath<Article, Value> & Sendable, itemName: String? = nil,
        capability: Capability? = nil, isEmptyOnBlankText: Bool = false, plugin: PluginAccess = .never,
        isRequired: Bool = false, dropsInvalidValue: Bool = false,
        write: (@Sendable (Article, inout ArticleJSONWriter) throws -> Void)? = nil
    ) -> Self {
        Self(field, keyPath, itemName: itemName, capability: capability, isEmptyOnBlankText: isEmptyOnBlankText,
             plugin: plugin, isRequired: isRequired, dropsInvalidValue: dropsInvalidValue, write: write)
    }

    /// A field whose spans point into the original text or are rebuilt on edit (removals,
    /// metadata sources, the alignment): checked, never remapped.
    static func field<Value: ArticleFieldValue & SpanCarrying & SendableMetatype>(
        _ field: ArticleField, _ keyPath: any WritableKeyPath<Article, Value> & Sendable, itemName: String? = nil,
        capability: Capability? = nil, isEmptyOnBlankText: Bool = false, plugin: PluginAccess = .never
    ) -> Self {
        spanned(field, keyPath, itemName: itemName, capability: capability,
                isEmptyOnBlankText: isEmptyOnBlankText, plugin: plugin)
    }

    /// A field whose spans point into the current text and follow it when a stage edits it.
    static func field<Value: ArticleFieldValue & TextAnchored & SendableMetatype>(
        _ field: ArticleField, _ keyPath: any WritableKeyPath<Article, Value> & Sendable, itemName: String? = nil,
        capability: Capability? = nil, isEmptyOnBlankText: Bool = false, plugin: PluginAccess = .never
    ) -> Self {
        var definition = spanned(field, keyPath, itemName: itemName, capability: capability,
                                 isEmptyOnBlankText: isEmptyOnBlankText, plugin: plugin)
        definition.remap = { article, map in
            // An absent value (most fields, in the early steps that edit) is not written back.
            let value = article[keyPath: keyPath]
            guard !value.isAbsent, let moved = value.remapped(map) else { return }
            article[keyPath: keyPath] = moved
        }
        return definition
    }

    /// The span checks shared by both kinds of span-carrying fields.
    private static func spanned<Value: ArticleFieldValue & SpanCarrying & SendableMetatype>(
        _ field: ArticleField, _ keyPath: any WritableKeyPath<Article, Value> & Sendable, itemName: String?,
        capability: Capability?, isEmptyOnBlankText: Bool, plugin: PluginAccess
    ) -> Self {
        var definition = Self(field, keyPath, itemName: itemName, capability: capability,
                              isEmptyOnBlankText: isEmptyOnBlankText, plugin: plugin)
        definition.forEachSpan = { article, visit in article[keyPath: keyPath].forEachSpan(visit) }
        definition.forEachQuote = { article, visit in article[keyPath: keyPath].forEachQuote(visit) }
        definition.shapeProblem = { $0[keyPath: keyPath].shapeProblem }
        return definition
    }

    private init<Value: ArticleFieldValue & SendableMetatype>(
        _ field: ArticleField, _ keyPath: any WritableKeyPath<Article, Value> & Sendable, itemName: String?,
        capability: Capability?, isEmptyOnBlankText: Bool, plugin: PluginAccess,
        isRequired: Bool = false, dropsInvalidValue: Bool = false,
        write: (@Sendable (Article, inout ArticleJSONWriter) throws -> Void)? = nil
    ) {
        self.field = field
        self.capability = capability
        self.isEmptyOnBlankText = isEmptyOnBlankText
        self.pluginAccess = plugin
        self.itemName = itemName ?? field.rawValue
        self.isRequired = isRequired
        hasValue = { !$0[keyPath: keyPath].isAbsent }
        self.write = write ?? { article, writer in try article[keyPath: keyPath].writeJSON(to: &writer) }
        read = { json, article in
            guard let value = try JSONValueReading.decode(Value.self, from: json) else { return false }
            article[keyPath: keyPath] = value
            return true
        }
        let key = field
        decode = { container, article in
            if dropsInvalidValue {
                if let value = try? container.decodeIfPresent(Value.self, forKey: key) { article[keyPath: keyPath] = value }
            } else if let value = try container.decodeIfPresent(Value.self, forKey: key) {
                article[keyPath: keyPath] = value
            }
        }
        encode = { article, container in try container.encode(article[keyPath: keyPath], forKey: key) }
        equal = { $0[keyPath: keyPath] == $1[keyPath: keyPath] }
    }
}
