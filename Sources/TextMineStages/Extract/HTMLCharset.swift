import Foundation

/// Decodes the bytes of a web page to text: the declared charset (`<meta charset>`,
/// `http-equiv` content type, XML declaration) or a sniffed one (byte-order mark, UTF-8 validity,
/// else windows-1252), with wrong declarations caught: bytes declared as a legacy charset that
/// are valid UTF-8 with non-ASCII characters are read as UTF-8.
public enum HTMLCharset {
    /// Decoded text, the charset used, and the rule that chose it (`bom`, `meta-charset`,
    /// `sniffed-utf-8`, `utf-8-despite-declaration`, `fallback-windows-1252`…).
    public struct Decoded: Sendable {
        public var text: String
        public var charset: String
        public var rule: String
    }

    /// Decodes a page.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), charset: "utf-8", rule: "bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let charset = bytes[0] == 0xFF ? "utf-16le" : "utf-16be"
            if let text = transcode(Array(bytes.dropFirst(2)), from: charset) {
                return Decoded(text: text, charset: charset, rule: "bom")
            }
        }
        let utf8 = String(validating: bytes, as: UTF8.self)
        let declared = declaredCharset(bytes)
        switch declared {
        case nil:
            if let utf8 { return Decoded(text: utf8, charset: "utf-8", rule: "sniffed-utf-8") }
            return Decoded(text: windows1252(bytes), charset: "windows-1252", rule: "fallback-windows-1252")
        case "utf-8"?, "utf8"?:
            if let utf8 { return Decoded(text: utf8, charset: "utf-8", rule: "meta-charset") }
            return Decoded(text: windows1252(bytes), charset: "windows-1252", rule: "invalid-utf-8-fallback-windows-1252")
        case let name?:
            if let utf8, bytes.contains(where: { $0 >= 0x80 }) {
                return Decoded(text: utf8, charset: "utf-8", rule: "utf-8-despite-declared-\(name)")
            }
            if ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"].contains(name) {
                return Decoded(text: windows1252(bytes), charset: "windows-1252", rule: "meta-charset")
            }
            if let text = transcode(bytes, from: name) {
                return Decoded(text: text, charset: name, rule: "meta-charset")
            }
            if let utf8 { return Decoded(text: utf8, charset: "utf-8", rule: "unknown-charset-\(name)-sniffed-utf-8") }
            return Decoded(text: windows1252(bytes), charset: "windows-1252", rule: "unknown-charset-\(name)-fallback-windows-1252")
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

    /// Windows-1252 (which browsers also use for ISO-8859-1): bytes 0x80–0x9F are typographic
    /// characters, the rest map to the same code point.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let scalar = Unicode.Scalar(cp1252High[Int(byte - 0x80)]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Converts bytes of another charset to text with the system's iconv; nil when iconv does not
    /// know the charset or the bytes are not valid in it.
    static func transcode(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(validating: output[..<converted], as: UTF8.self)
    }
}
