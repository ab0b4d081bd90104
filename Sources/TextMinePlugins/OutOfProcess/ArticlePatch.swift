import TextMineCore

/// What an out-of-process stage sends back for one article: edits to the text it received, then
/// fields to set. The host applies it with ``apply(to:step:)``, so removals, the alignment and the
/// provenance are recorded exactly as for a Swift stage.
///
/// Every field is optional. Edit spans are offsets into the text the stage received; the spans of
/// all other fields are offsets into the text after the edits, except metadata `source` spans,
/// which point into the text as received (where the value was found). A returned `entities` or
/// `keywords` list is appended to the article's, unless the stage declares that it replaces it
/// (``AppendableField``); the other list fields replace the article's; `metadata` and `layers` are
/// merged key by key.
public struct ArticlePatch: Codable, Sendable, Equatable {
    /// Changes to the text; an edit with a `reason` is recorded as a removal.
    public var edits: [Edit]?
    /// The article's language, normalised (a value that is no language code is a protocol error).
    public var language: LanguageCode?
    public var metadata: [String: MetadataValue]?
    public var blocks: [Block]?
    public var sentences: [Sentence]?
    public var tokens: [Token]?
    public var entities: [EntityMention]?
    public var summary: Summary?
    public var keywords: [Keyword]?
    public var layers: [String: JSONValue]?

    public init() {}

    /// One text edit, as in ``TextEdit``.
    public struct Edit: Codable, Sendable, Equatable {
        public var span: Span
        public var replacement: String?
        public var reason: String?
    }

    /// A metadata value and the rule that found it; the host records the stage.
    public struct MetadataValue: Codable, Sendable, Equatable {
        public var value: JSONValue
        public var rule: String?
        public var source: Span?
    }

    /// An entity mention; the host fills in its text and stage.
    public struct EntityMention: Codable, Sendable, Equatable {
        public var span: Span
        public var label: String
        public var canonical: String?
        public var confidence: Double?
    }

    /// Whether the patch changes nothing.
    public var isEmpty: Bool { self == ArticlePatch() }

    /// The list fields several stages add to: a returned list is appended to the article's unless
    /// the stage's manifest lists the field under `replaces:`.
    public enum AppendableField: String, CaseIterable, Sendable, Hashable {
        case entities, keywords

        /// The fields of a `replaces:` value (a list of field names, already validated).
        static func set(_ value: JSONValue?) -> Set<Self> {
            Set((value?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(Self.init(rawValue:)) })
        }
    }
}

extension ArticlePatch {
    /// Applies the patch to the article the stage received, recording `step` (the step's name) as the provenance.
    /// Returned lists of the fields in `replacing` replace the article's; other returned `entities`
    /// and `keywords` are appended.
    ///
    /// - Throws: ``StageError`` when a span is not a range inside the text (nothing is applied then).
    public func apply(to article: inout Article, step: String, replacing: Set<AppendableField> = []) throws {
        guard !isEmpty else { return }
        let receivedLength = ScalarLength(article.text)
        try Self.check(edits?.map(\.span) ?? [], length: receivedLength, what: "edit")
        try Self.check(metadata?.values.compactMap(\.source) ?? [], length: receivedLength, what: "metadata source")
        let previousAlignment = article.alignment ?? Alignment()
        var edited = article
        try edited.applyEdits((edits ?? []).map { TextEdit(span: $0.span, replacement: $0.replacement ?? "", reason: $0.reason) },
                              step: step)
        let length = ScalarLength(edited.text)
        try Self.check(blocks?.map(\.span) ?? [], length: length, what: "block")
        try Self.check(sentences?.map(\.span) ?? [], length: length, what: "sentence")
        try Self.check(tokens?.map(\.span) ?? [], length: length, what: "token")
        try Self.check(entities?.map(\.span) ?? [], length: length, what: "entity")
        try Self.check(keywords?.flatMap(\.spans) ?? [], length: length, what: "keyword")
        try Self.check(summary?.scores.map(\.span) ?? [], length: length, what: "summary sentence")
        try Self.check(summary?.cuts.map(\.span) ?? [], length: length, what: "summary cut")
        if let problem = summary?.shapeProblem { throw StageError("the stage returned a summary that is not consistent: \(problem)") }

        if let language { edited.language = language }
        for (name, field) in metadata ?? [:] {
            edited.metadata[name] = MetadataField(value: field.value, step: step, rule: field.rule ?? step,
                                                  source: field.source.map(previousAlignment.originalSpan(of:)))
        }
        if let blocks { edited.blocks = blocks }
        if let sentences { edited.sentences = sentences }
        if let tokens { edited.tokens = tokens }
        if let entities {
            let text = ScalarSlicer(edited.text)
            let returned = entities.map {
                let mention = text[$0.span]
                return Entity(span: $0.span, text: mention, label: $0.label, canonical: $0.canonical ?? mention,
                              confidence: $0.confidence ?? 1, step: step)
            }
            edited.entities = replacing.contains(.entities) ? returned : edited.entities + returned
        }
        if let summary { edited.summary = summary }
        if let keywords { edited.keywords = replacing.contains(.keywords) ? keywords : edited.keywords + keywords }
        for (name, value) in layers ?? [:] { edited.layers[name] = value }
        article = edited
    }

    /// Checks that every span is a range inside the text: `0 ≤ start ≤ end ≤ length`.
    private static func check(_ spans: [Span], length: ScalarLength, what: String) throws {
        guard !spans.isEmpty else { return }
        if let bad = spans.first(where: { $0.start < 0 || $0.start > $0.end }) {
            throw StageError("the stage returned a \(what) span \(SpanError(start: bad.start, end: bad.end))")
        }
        if let bad = spans.first(where: { $0.end > length.value }) {
            throw StageError("the stage returned a \(what) span \(bad) outside the text (\(length.value) scalars)")
        }
    }
}

extension ArticlePatch {
    /// The patch that turns `before` into `after`, for a Swift stage served out of process: its
    /// edits come from the alignment and removals `applyEdits` recorded, its fields from what changed.
    /// `before` is the article as the stage received it (its text not edited yet).
    public init(from before: Article, to after: Article) {
        self.init()
        if let alignment = after.alignment, after.original != nil {
            edits = Self.edits(alignment: alignment, removals: after.removals.dropFirst(before.removals.count),
                               text: ScalarSlicer(after.text))
        }
        if after.language != before.language { language = after.language }
        let changedMetadata = after.metadata.filter { before.metadata[$0.key] != $0.value }
        if !changedMetadata.isEmpty {
            metadata = changedMetadata.mapValues { MetadataValue(value: $0.value, rule: $0.rule, source: $0.source) }
        }
        if after.blocks != before.blocks { blocks = after.blocks }
        if after.sentences != before.sentences { sentences = after.sentences }
        if after.tokens != before.tokens { tokens = after.tokens }
        // Lists the host appends to carry only what the stage added after the received list (all of
        // the list when the stage changed received items: its manifest must then say `replaces:`).
        if after.entities != before.entities {
            entities = Self.added(after.entities, to: before.entities).map {
                EntityMention(span: $0.span, label: $0.label, canonical: $0.canonical, confidence: $0.confidence)
            }
        }
        if after.summary != before.summary { summary = after.summary }
        if after.keywords != before.keywords { keywords = Self.added(after.keywords, to: before.keywords) }
        let changedLayers = after.layers.filter { before.layers[$0.key] != $0.value }
        if !changedLayers.isEmpty { layers = changedLayers }
    }

    /// The items of `after` past `before` when `after` starts with `before`, else all of `after`.
    private static func added<Item: Equatable>(_ after: [Item], to before: [Item]) -> [Item] {
        after.starts(with: before) ? Array(after.dropFirst(before.count)) : after
    }

    /// One edit per edited region of the alignment; a region made of removals only is split back
    /// into those removals so that each keeps its reason.
    private static func edits(alignment: Alignment, removals: ArraySlice<Removal>, text: ScalarSlicer) -> [Edit] {
        var edits: [Edit] = []
        for region in alignment.regions {
            let replacement = text[region.current]
            let inside = removals.filter { region.original.contains($0.original) }.sorted { $0.original < $1.original }
            let tiles = !inside.isEmpty && replacement.isEmpty
                && inside.first!.original.start == region.original.start && inside.last!.original.end == region.original.end
                && zip(inside, inside.dropFirst()).allSatisfy { $0.original.end == $1.original.start }
            if tiles {
                edits += inside.map { Edit(span: $0.original, replacement: "", reason: $0.reason) }
            } else {
                let reason = inside.isEmpty ? nil : inside.map(\.reason).joined(separator: "; ")
                edits.append(Edit(span: region.original, replacement: replacement, reason: reason))
            }
        }
        return edits
    }
}

/// A text's length in scalars, counted only when a span needs checking (most results have none).
private final class ScalarLength {
    private let text: String
    private lazy var count = text.unicodeScalars.count
    init(_ text: String) { self.text = text }
    var value: Int { count }
}

/// Slices a string by scalar offsets in O(1) per slice.
struct ScalarSlicer {
    private let scalars: [Unicode.Scalar]
    init(_ text: String) { scalars = Array(text.unicodeScalars) }
    subscript(span: Span) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.range])
        return String(view)
    }
}
