/// Collects the entries of a mapping as the parser reads them: rejects duplicate keys and applies
/// merge keys (`<<`).
struct MappingBuilder {
    /// Where the mapping starts.
    let mark: YAMLMark
    private var entries: [Entry] = []
    private var pendingKey: YAMLNode?
    private var pendingKeyIsAlias = false
    /// First position of each scalar key.
    private var seen: [String: YAMLMark] = [:]

    /// An entry: a pair, or the place of a `<<` whose mappings are merged there.
    private enum Entry {
        case pair(YAMLNode.Pair)
        case merge([YAMLNode.Pair])
    }

    /// A problem found while adding a node.
    struct Problem {
        var mark: YAMLMark
        var message: String
        var hint: String?
    }

    init(mark: YAMLMark) { self.mark = mark }

    /// Adds the next node (a key, then its value); returns the problem it causes, if any.
    mutating func add(_ node: YAMLNode, isAlias: Bool) -> Problem? {
        guard let key = pendingKey else {
            pendingKey = node
            pendingKeyIsAlias = isAlias
            return nil
        }
        pendingKey = nil
        if key.isPlainScalar, key.scalar == "<<", !pendingKeyIsAlias {
            return merge(node)
        }
        if let text = key.scalar {
            if let first = seen[text] {
                return Problem(mark: key.mark, message: "duplicate key '\(text)' (first defined at \(first))",
                               hint: "a key may appear only once in a mapping; remove or rename one of them")
            }
            seen[text] = key.mark
        }
        entries.append(.pair(YAMLNode.Pair(key: key, value: node)))
        return nil
    }

    private mutating func merge(_ value: YAMLNode) -> Problem? {
        let sources = value.sequence ?? [value]
        var merged: [YAMLNode.Pair] = []
        for source in sources {
            guard let pairs = source.mapping else {
                return Problem(mark: source.mark, message: "merge key '<<' expects a mapping or a list of mappings",
                               hint: "write '<<: *anchor' where '&anchor' names a mapping")
            }
            // Earlier sources win over later ones, as the merge-key spec says.
            merged += pairs.filter { pair in !merged.contains { $0.key == pair.key } }
        }
        entries.append(.merge(merged))
        return nil
    }

    /// The entries in order, merged ones in place of their `<<` unless the mapping sets the key.
    func pairs() -> [YAMLNode.Pair] {
        let explicitKeys = Set(entries.compactMap { entry -> YAMLNode? in
            if case .pair(let pair) = entry { return pair.key }
            return nil
        })
        var result: [YAMLNode.Pair] = []
        var mergedKeys: Set<YAMLNode> = []
        for entry in entries {
            switch entry {
            case .pair(let pair):
                result.append(pair)
            case .merge(let pairs):
                for pair in pairs where !explicitKeys.contains(pair.key) && !mergedKeys.contains(pair.key) {
                    mergedKeys.insert(pair.key)
                    result.append(pair)
                }
            }
        }
        return result
    }
}
