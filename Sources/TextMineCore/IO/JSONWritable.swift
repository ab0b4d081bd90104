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
        for member in SortedMembers.sorted(self) {
            writer.key(member)
            try member.value.writeJSON(to: &writer)
        }
        writer.endObject()
    }
}

/// Sorts a mapping's members by key as `String` orders them. ASCII keys (feature names, metadata
/// names) are compared by their first sixteen bytes as two integers, falling back to the strings
/// only on a tie: for ASCII, byte order is `String` order. A short key that needs no escape keeps
/// those bytes for the writer, which copies them in two stores.
enum SortedMembers {
    /// A member and its key's first sixteen bytes, big-endian, zero-padded.
    struct Member<Value> {
        var high: UInt64
        var low: UInt64
        /// The key's length when those bytes are the whole key and need no escape in JSON, else -1.
        var plainLength: Int
        var key: String
        var value: Value
    }

    static func sorted<Value>(_ members: [String: Value]) -> [Member<Value>] {
        var sorted: [Member<Value>] = []
        sorted.reserveCapacity(members.count)
        var ascii = true
        for (key, value) in members {
            var bytes = key
            let member = bytes.withUTF8 { utf8 -> Member<Value> in
                var high: UInt64 = 0
                var low: UInt64 = 0
                var plain = utf8.count <= 16
                var index = 0
                while index < utf8.count {
                    let byte = utf8[index]
                    if byte >= 0x80 {
                        ascii = false
                        break
                    }
                    if byte < 0x20 || byte == 0x22 || byte == 0x5C { plain = false }
                    if index < 8 {
                        high |= UInt64(byte) << (56 - 8 * index)
                    } else if index < 16 {
                        low |= UInt64(byte) << (56 - 8 * (index - 8))
                    }
                    index += 1
                }
                return Member(high: high, low: low, plainLength: plain ? utf8.count : -1, key: key, value: value)
            }
            guard ascii else { break }
            sorted.append(member)
        }
        guard ascii else {
            return members.sorted { $0.key < $1.key }.map { Member(high: 0, low: 0, plainLength: -1, key: $0.key, value: $0.value) }
        }
        sorted.sort {
            if $0.high != $1.high { return $0.high < $1.high }
            if $0.low != $1.low { return $0.low < $1.low }
            return $0.key < $1.key
        }
        return sorted
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
        writer.key("scores"); try scores.writeJSON(to: &writer)
        writer.key("selected"); try selected.writeJSON(to: &writer)
        writer.key("text"); writer.string(text)
        writer.endObject()
    }
}

extension ScoredSentence: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        if let features { writer.key("features"); try features.writeJSON(to: &writer) }
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
