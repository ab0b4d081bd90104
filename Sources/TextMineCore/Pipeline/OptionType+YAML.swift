import TextMineYAML

extension OptionType {
    /// The value of a YAML node for an option of this type.
    ///
    /// Plain scalars are read as the type asks (`3` is a string for a string option, `yes` a
    /// boolean for a boolean option, as on the command line); quoted and block scalars are always
    /// strings; a plain `null`, `~` or empty value is null (the loader then uses the default). A scalar given to a list option is a one-item list. What the
    /// type does not accept is returned as the YAML core schema reads it, for the type check to
    /// report.
    public func value(of node: YAMLNode) -> JSONValue {
        switch (self, node.kind) {
        case (.list(let element), .sequence(let items)):
            return .array(items.map { element.value(of: $0) })
        case (.list(let element), .scalar):
            return node.isNull ? .null : .array([element.value(of: node)])
        case (.map(let element), .mapping(let pairs)):
            var object: [String: JSONValue] = [:]
            for pair in pairs {
                object[pair.key.scalar ?? JSONValue(yaml: pair.key).yamlString] = element.value(of: pair.value)
            }
            return .object(object)
        case (_, .scalar(let text, _, _)) where node.isPlainScalar:
            return node.isNull ? .null : value(fromScalar: text)
        default:
            return JSONValue(yaml: node)
        }
    }

    /// Where in `node` a value of this type goes wrong: the first bad item of a list or entry of a
    /// mapping (recursively), else the node itself.
    public func faultyPart(of node: YAMLNode) -> YAMLMark {
        switch (self, node.kind) {
        case (.list(let element), .sequence(let items)):
            let bad = items.first { element.problem(with: element.value(of: $0)) != nil }
            return bad.map { element.faultyPart(of: $0) } ?? node.mark
        case (.map(let element), .mapping(let pairs)):
            let bad = pairs.first { element.problem(with: element.value(of: $0.value)) != nil }
            return bad.map { element.faultyPart(of: $0.value) } ?? node.mark
        default:
            return node.mark
        }
    }
}
