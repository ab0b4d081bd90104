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

    private static func writeString(_ s: String, to text: inout String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
