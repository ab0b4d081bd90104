/// An entity as a range of token indices with its type: what entity-level scoring compares.
package struct EntityChunk: Hashable, Sendable {
    /// The entity type (`PER`).
    package var type: String
    /// The tokens it covers.
    package var tokens: Range<Int>

    package init(type: String, tokens: Range<Int>) {
        self.type = type
        self.tokens = tokens
    }

    /// The entities of an IOB2 tag sequence, read as seqeval does: `B-X` starts an entity, `I-X`
    /// continues an `X` entity or else starts one, anything else ends it.
    package static func chunks(of tags: [String]) -> [EntityChunk] {
        var chunks: [EntityChunk] = []
        var current: (type: Substring, start: Int)?
        for (i, tag) in tags.enumerated() {
            let prefix = tag.first
            let type = tag.count > 2 ? tag.dropFirst(2) : ""
            if let open = current, prefix != "I" || type != open.type {
                chunks.append(EntityChunk(type: String(open.type), tokens: open.start..<i))
                current = nil
            }
            if (prefix == "B" || prefix == "I") && current == nil { current = (type, i) }
        }
        if let open = current { chunks.append(EntityChunk(type: String(open.type), tokens: open.start..<tags.count)) }
        return chunks
    }
}
