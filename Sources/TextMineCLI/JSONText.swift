import TextMineCore

extension JSONValue {
    /// The value as JSON text with sorted keys: compact on one line, or indented by two spaces.
    func jsonText(pretty: Bool = false) -> String {
        var text = ""
        write(to: &text, indent: pretty ? 0 : nil)
        return text
    }

    private func write(to text: inout String, indent: Int?) {
        let newline = indent.map { "\n" + String(repeating: " ", count: $0 + 2) } ?? ""
        let close = indent.map { "\n" + String(repeating: " ", count: $0) } ?? ""
        switch self {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .int(let i): text += String(i)
        case .double(let d): text += d.isFinite ? String(d) : "null"
        case .string(let s): Self.writeString(s, to: &text)
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                text += newline
                item.write(to: &text, indent: indent.map { $0 + 2 })
            }
            text += close + "]"
        case .object(let object):
            guard !object.isEmpty else { text += "{}"; return }
            text += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                text += newline
                Self.writeString(key, to: &text)
                text += indent == nil ? ":" : ": "
                object[key]!.write(to: &text, indent: indent.map { $0 + 2 })
            }
            text += close + "}"
        }
    }

    /// Strings are escaped by the runtime's JSON writer, so every JSON TextMine prints escapes alike.
    private static func writeString(_ s: String, to text: inout String) {
        var writer = ArticleJSONWriter()
        writer.string(s)
        text += String(decoding: writer.bytes, as: UTF8.self)
    }
}
