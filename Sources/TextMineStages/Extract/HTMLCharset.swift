import TextMineCore

/// Decodes the bytes of a web page to text: the declared charset (`<meta charset>`,
/// `http-equiv` content type, XML declaration) or a sniffed one (byte-order mark, UTF-8 validity,
/// else windows-1252), with wrong declarations caught: bytes declared as a legacy charset that
/// are valid UTF-8 with non-ASCII characters are read as UTF-8. The encodings themselves are
/// TextMineCore's ``Charset``, which text files share.
package enum HTMLCharset {
    /// Decoded text, the charset used, and the rule that chose it (`bom`, `meta-charset`,
    /// `sniffed-utf-8`, `utf-8-despite-declaration`, `fallback-windows-1252`…).
    package struct Decoded: Sendable {
        package var text: String
        package var charset: String
        package var rule: String
    }

    /// Decodes a page.
    package static func decode(_ bytes: [UInt8]) -> Decoded {
        if let mark = Charset.byteOrderMark(bytes), case .success(let text) = Charset.decode(bytes[mark.length...], as: mark.charset) {
            return Decoded(text: text, charset: mark.charset, rule: "bom")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), charset: "utf-8", rule: "bom")
        }
        let utf8 = String(validating: bytes, as: UTF8.self)
        let declared = declaredCharset(bytes)
        switch declared {
        case nil:
            if let utf8 { return Decoded(text: utf8, charset: "utf-8", rule: "sniffed-utf-8") }
            return Decoded(text: Charset.windows1252(bytes), charset: "windows-1252", rule: "fallback-windows-1252")
        case "utf-8"?, "utf8"?:
            if let utf8 { return Decoded(text: utf8, charset: "utf-8", rule: "meta-charset") }
            return Decoded(text: Charset.windows1252(bytes), charset: "windows-1252", rule: "invalid-utf-8-fallback-windows-1252")
        case let name?:
            if let utf8, bytes.contains(where: { $0 >= 0x80 }) {
                return Decoded(text: utf8, charset: "utf-8", rule: "utf-8-despite-declared-\(name)")
            }
            if Charset.canonicalName(name) == "windows-1252" {
                return Decoded(text: Charset.windows1252(bytes), charset: "windows-1252", rule: "meta-charset")
            }
            if case .success(let text) = Charset.transcode(bytes, from: name) {
                return Decoded(text: text, charset: name, rule: "meta-charset")
            }
            if let utf8 { return Decoded(text: utf8, charset: "utf-8", rule: "unknown-charset-\(name)-sniffed-utf-8") }
            return Decoded(text: Charset.windows1252(bytes), charset: "windows-1252", rule: "unknown-charset-\(name)-fallback-windows-1252")
        }
    }

    /// The charset a page declares in its first 4 KB (`charset=…` or an XML `encoding="…"`),
    /// lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for key in [Array("charset=".utf8), Array("encoding=".utf8)] {
            var index = 0
            while index + key.count <= head.count {
                if head[index] == key[0] && Array(head[index..<(index + key.count)]) == key {
                    var cursor = index + key.count
                    while cursor < head.count, head[cursor] == 0x22 || head[cursor] == 0x27 || head[cursor] == 0x20 {
                        cursor += 1
                    }
                    var name: [UInt8] = []
                    while cursor < head.count, name.count < 40,
                        (head[cursor] >= 0x61 && head[cursor] <= 0x7A) || (head[cursor] >= 0x30 && head[cursor] <= 0x39)
                            || head[cursor] == 0x2D || head[cursor] == 0x5F || head[cursor] == 0x2E || head[cursor] == 0x3A
                    {
                        name.append(head[cursor])
                        cursor += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                index += 1
            }
        }
        return nil
    }
}
