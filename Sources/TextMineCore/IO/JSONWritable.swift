/// A value ``ArticleJSONWriter`` writes straight into its bytes: compact JSON with the keys of each
/// object sorted, byte for byte what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// makes of the value's `Codable` form (the writer's tests compare both on every model type).
///
/// The model types conform here, side by side, so that each one's members can be read against its
/// `Codable` declaration in one place.
public protocol JSONWritable {
    /// Appends the value's JSON.
    func writeJSON(to writer: inout ArticleJSONWriter) throws
}

// MARK: - Standard types

extension String: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) { writer.string(self) }
}

extension Int: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) { writer.integer(self) }
}

extension Double: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws { try writer.number(self) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    /// The wrapped value, or `null`.
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        if let self { try self.writeJSON(to: &writer) } else { writer.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        try writer.array(self) { try $1.writeJSON(to: &$0) }
    }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    /// An object with its keys sorted (the members sorted once, no lookups).
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        for (name, value) in SortedMembers.sorted(self) {
            writer.key(dynamic: name)
            try value.writeJSON(to: &writer)
        }
        writer.endObject()
    }
}

/// Sorts a mapping's members by key as `String` orders them. ASCII keys (feature names, metadata
/// names) are compared by their first eight bytes as one integer, falling back to the strings only
/// on a tie: for ASCII, byte order is `String` order.
enum SortedMembers {
    static func sorted<Value>(_ members: [String: Value]) -> [(key: String, value: Value)] {
        guard members.count > 1 else { return members.map { ($0.key, $0.value) } }
        var keyed: [(prefix: UInt64, key: String, value: Value)] = []
        keyed.reserveCapacity(members.count)
        for (key, value) in members {
            var bytes = key
            let prefix = bytes.withUTF8 { utf8 -> UInt64? in
                var prefix: UInt64 = 0
                for index in 0..<utf8.count {
                    guard utf8[index] < 0x80 else { return nil }
                    if index < 8 { prefix |= UInt64(utf8[index]) << (56 - 8 * index) }
                }
                return prefix
            }
            guard let prefix else { return members.sorted { $0.key < $1.key } }
            keyed.append((prefix, key, value))
        }
        keyed.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : $0.key < $1.key }
        return keyed.map { ($0.key, $0.value) }
    }
}

extension JSONValue: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.boolean(b)
        case .int(let i): writer.integer(i)
        case .double(let d): try writer.number(d)
        case .string(let s): writer.string(s)
        case .array(let elements): try elements.writeJSON(to: &writer)
        case .object(let members): try members.writeJSON(to: &writer)
        }
    }
}

// MARK: - Model types

extension Span: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) { writer.span(self) }
}

extension LanguageCode: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) { writer.string(code) }
}

extension Source: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) {
        writer.beginObject()
        if let encoding { writer.key("encoding"); writer.string(encoding) }
        writer.key("format"); writer.string(format)
        if let line { writer.key("line"); writer.integer(line) }
        writer.key("path"); writer.string(path)
        writer.endObject()
    }
}

extension MetadataField: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        writer.key("rule"); writer.string(rule)
        if let source { writer.key("source"); writer.span(source) }
        writer.key("stage"); writer.string(step)
        writer.key("value"); try value.writeJSON(to: &writer)
        writer.endObject()
    }
}

extension Summary: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        writer.key("method"); writer.string(method)
        writer.key("scores")
        // Every sentence of a learned summary has the same feature names: they are sorted once.
        let order = scores.first?.features.map { SortedMembers.sorted($0).map(\.key) }
        try writer.array(scores) { try $1.writeJSON(to: &$0, featureOrder: order) }
        writer.key("selected"); try selected.writeJSON(to: &writer)
        writer.key("text"); writer.string(text)
        writer.endObject()
    }
}

extension ScoredSentence: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        try writeJSON(to: &writer, featureOrder: nil)
    }

    /// Writes the sentence, its features in `featureOrder` (their names sorted) when they are
    /// exactly those names.
    func writeJSON(to writer: inout ArticleJSONWriter, featureOrder: [String]?) throws {
        writer.beginObject()
        if let features {
            writer.key("features")
            if let featureOrder, featureOrder.count == features.count, featureOrder.allSatisfy({ features[$0] != nil }) {
                writer.beginObject()
                for name in featureOrder {
                    writer.key(dynamic: name)
                    try writer.number(features[name]!)
                }
                writer.endObject()
            } else {
                try features.writeJSON(to: &writer)
            }
        }
        if let ineligible { writer.key("ineligible"); writer.string(ineligible) }
        writer.key("rank"); writer.integer(rank)
        writer.key("score"); try writer.number(score)
        writer.key("span"); writer.span(span)
        writer.endObject()
    }
}

extension Keyword: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        writer.key("phrase"); writer.string(phrase)
        writer.key("score"); try writer.number(score)
        writer.key("spans"); try spans.writeJSON(to: &writer)
        writer.endObject()
    }
}

extension Entity: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        writer.key("canonical"); writer.string(canonical)
        writer.key("confidence"); try writer.number(confidence)
        writer.key("label"); writer.string(label)
        writer.key("span"); writer.span(span)
        writer.key("stage"); writer.string(step)
        writer.key("text"); writer.string(text)
        writer.endObject()
    }
}

extension Removal: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) {
        writer.beginObject()
        writer.key("original"); writer.span(original)
        writer.key("reason"); writer.string(reason)
        writer.key("stage"); writer.string(step)
        writer.key("text"); writer.string(text)
        writer.endObject()
    }
}

extension Sentence: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) {
        writer.beginObject()
        writer.key("span"); writer.span(span)
        writer.endObject()
    }
}

extension Block: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        writer.key("role"); writer.string(role.rawValue)
        if let score { writer.key("score"); try writer.number(score) }
        writer.key("span"); writer.span(span)
        writer.endObject()
    }
}

extension Token: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) {
        writer.beginObject()
        if let kind { writer.key("kind"); writer.string(kind) }
        writer.key("span"); writer.span(span)
        writer.endObject()
    }
}

extension Alignment: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) {
        writer.beginObject()
        writer.key("regions")
        writer.array(regions) { writer, region in
            writer.beginObject()
            writer.key("current"); writer.span(region.current)
            writer.key("original"); writer.span(region.original)
            writer.endObject()
        }
        writer.endObject()
    }
}

extension StepTrace: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        if let seconds { writer.key("seconds"); try writer.number(seconds) }
        writer.key("stage"); writer.string(step)
        if !warnings.isEmpty { writer.key("warnings"); try warnings.writeJSON(to: &writer) }
        writer.endObject()
    }
}
