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
        try SortedMembers.forEach(self) { member in
            writer.key(member)
            try member.value.writeJSON(to: &writer)
        }
        writer.endObject()
    }
}

/// Visits a mapping's members by key as `String` orders them. ASCII keys (feature names, metadata
/// names) are compared by their first sixteen bytes as two integers, falling back to the strings
/// only on a tie: for ASCII, byte order is `String` order. A key of up to sixteen bytes is read
/// with one copy and checked eight bytes at a time; when it needs no escape, the writer copies
/// those bytes in two stores. The order is sorted as indices on the stack: no allocation.
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

    /// Calls `body` with each member, keys in `String` order.
    static func forEach<Value>(_ members: [String: Value], _ body: (Member<Value>) throws -> Void) rethrows {
        let count = members.count
        guard count > 0 else { return }
        try withUnsafeTemporaryAllocation(of: Member<Value>.self, capacity: count) { entries in
            var initialized = 0
            defer { entries.baseAddress!.deinitialize(count: initialized) }
            var ascii = true
            for (key, value) in members {
                guard let member = Self.member(key, value) else {
                    ascii = false
                    break
                }
                (entries.baseAddress! + initialized).initialize(to: member)
                initialized += 1
            }
            guard ascii else {
                for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                    try body(Member(high: 0, low: 0, plainLength: -1, key: key, value: value))
                }
                return
            }
            try withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
                // Insertion sort of the indices: mappings written here have a few dozen members.
                for index in 0..<count {
                    var position = index
                    while position > 0, Self.precedes(entries[index], entries[order[position - 1]]) {
                        order[position] = order[position - 1]
                        position -= 1
                    }
                    order[position] = index
                }
                for index in order { try body(entries[index]) }
            }
        }
    }

    /// The member of an ASCII key, nil for a key with other characters.
    @inline(__always)
    private static func member<Value>(_ key: String, _ value: Value) -> Member<Value>? {
        var bytes = key
        return bytes.withUTF8 { utf8 -> Member<Value>? in
            let count = utf8.count
            if count <= 16 {
                // The key in two little-endian words, padded with zeros; the padding counts as
                // `A` in the escape checks.
                var words: (UInt64, UInt64) = (0, 0)
                if count > 0 { withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(utf8)) } }
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highBits: UInt64 = 0x8080_8080_8080_8080
                guard (words.0 | words.1) & highBits == 0 else { return nil }
                let all = UInt64.max
                let firstPadding: UInt64 = count >= 8 ? 0 : all << (8 * count)
                let secondPadding: UInt64 = count >= 16 ? 0 : count <= 8 ? all : all << (8 * (count - 8))
                /// Whether a word has a byte below 0x20, a quote or a backslash (all bytes are ASCII).
                func needsEscape(_ word: UInt64, padding: UInt64) -> Bool {
                    let checked = word | (padding & (0x41 &* ones))
                    let control = (checked &- 0x20 &* ones) & ~checked
                    let quote = checked ^ (0x22 &* ones), backslash = checked ^ (0x5C &* ones)
                    return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highBits != 0
                }
                let plain = !needsEscape(words.0, padding: firstPadding) && !needsEscape(words.1, padding: secondPadding)
                return Member(high: UInt64(bigEndian: words.0), low: UInt64(bigEndian: words.1), plainLength: plain ? count : -1,
                              key: key, value: value)
            }
            var high: UInt64 = 0
            var low: UInt64 = 0
            for index in 0..<count {
                let byte = utf8[index]
                guard byte < 0x80 else { return nil }
                if index < 8 {
                    high |= UInt64(byte) << (56 - 8 * index)
                } else if index < 16 {
                    low |= UInt64(byte) << (56 - 8 * (index - 8))
                }
            }
            return Member(high: high, low: low, plainLength: -1, key: key, value: value)
        }
    }

    @inline(__always)
    private static func precedes<Value>(_ a: Member<Value>, _ b: Member<Value>) -> Bool {
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        return a.key < b.key
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
        writer.key("cuts"); try cuts.writeJSON(to: &writer)
        writer.key("method"); writer.string(method)
        writer.key("scores"); try scores.writeJSON(to: &writer)
        writer.key("selected"); try selected.writeJSON(to: &writer)
        writer.key("text"); writer.string(text)
        writer.endObject()
    }
}

extension SummaryCut: JSONWritable {
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        writer.key("reason"); writer.string(reason)
        writer.key("span"); writer.span(span)
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

extension FeatureValues: JSONWritable {
    /// An object with the names as keys, in `String` order (each key's bytes made once per names).
    public func writeJSON(to writer: inout ArticleJSONWriter) throws {
        writer.beginObject()
        try names.forEachSortedKey { key, position in
            writer.key(json: key)
            try writer.number(values[position])
        }
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
        writer.beginToken(kind: kind)  // `{"kind":…,"span":`
        writer.span(span)
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
