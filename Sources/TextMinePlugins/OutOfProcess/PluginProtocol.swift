import Foundation
import TextMineCore

/// The out-of-process stage protocol: JSON Lines over the program's standard input and output.
/// `docs/plugin-protocol.md` is the contract for plugin authors; this file is its implementation.
///
/// 1. host → stage `{"type":"hello","protocol":1,"stage":ID,"options":{…}}`
/// 2. stage → host `{"type":"ready","protocol":1,"receives":["sentences",…]}` or `{"type":"error","message":…}`
/// 3. host → stage `{"type":"article","seq":N,"article":{"id":…,"language":…,"text":…, received fields}}`
/// 4. stage → host `{"type":"result","seq":N, patch fields…}` or `{"type":"error","seq":N,"message":…}`
///
/// The host closes standard input when the run ends; the stage then exits.
public enum PluginProtocol {
    /// The protocol version this host speaks.
    public static let version = 1

    /// Article fields a stage may ask to receive besides `id`, `language` and `text`.
    public enum Field: String, CaseIterable, Codable, Sendable {
        case source, original, metadata, blocks, sentences, tokens, entities, summary, keywords, layers
    }

    /// The `hello` line.
    static func hello(stage: StageID, options: [String: JSONValue]) -> [UInt8] {
        var line = JSONLine()
        line.raw(#"{"type":"hello","protocol":\#(version),"stage":"#)
        line.string(stage.rawValue)
        line.raw(#","options":"#)
        line.encoded(JSONValue.object(options))
        line.raw("}\n")
        return line.bytes
    }

    /// The `article` line: the article's id, language and text, plus the fields the stage asked for.
    static func article(_ article: Article, seq: Int, fields: Set<Field>) -> [UInt8] {
        var line = JSONLine(capacity: article.text.utf8.count + 128)
        line.raw(#"{"type":"article","seq":\#(seq),"article":{"id":"#)
        line.string(article.id)
        if let language = article.language {
            line.raw(#","language":"#)
            line.string(language.code)
        }
        line.raw(#","text":"#)
        line.string(article.text)
        for field in Field.allCases where fields.contains(field) {
            line.raw(",\"\(field.rawValue)\":")
            switch field {
            case .source: line.encoded(article.source)
            case .original: line.encoded(article.original)
            case .metadata: line.encoded(article.metadata)
            case .blocks: line.encoded(article.blocks)
            case .sentences: line.encoded(article.sentences)
            case .tokens: line.encoded(article.tokens)
            case .entities: line.encoded(article.entities)
            case .summary: line.encoded(article.summary)
            case .keywords: line.encoded(article.keywords)
            case .layers: line.encoded(article.layers)
            }
        }
        line.raw("}}\n")
        return line.bytes
    }

    /// Reads the handshake reply: the fields the stage wants, or the error it reported (bad options).
    static func handshake(_ line: ArraySlice<UInt8>) throws -> Set<Field> {
        struct Ready: Decodable {
            var type: String
            var `protocol`: Int?
            var receives: [String]?
            var message: String?
        }
        let ready = try decode(Ready.self, line)
        if ready.type == "error" { throw StageError(ready.message ?? "the stage refused to start") }
        guard ready.type == "ready" else {
            throw PluginFailure.protocolViolation("expected a 'ready' message, got \(excerpt(line))")
        }
        guard ready.protocol == version else {
            throw StageError("the stage speaks protocol version \(ready.protocol.map(String.init) ?? "(none)"); "
                + "this textmine speaks version \(version)")
        }
        var fields: Set<Field> = []
        for name in ready.receives ?? [] {
            guard let field = Field(rawValue: name) else {
                throw StageError("the stage asked to receive '\(name)', which is not an article field; "
                    + "fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            fields.insert(field)
        }
        return fields
    }

    /// Reads the reply to article `seq`: its patch, or the error the stage reported for the article.
    static func result(_ line: ArraySlice<UInt8>, seq: Int) throws -> ArticlePatch {
        if isEmptyResult(line, seq: seq) { return ArticlePatch() }
        struct Result: Decodable {
            var type: String
            var seq: Int?
            var message: String?
            var patch: ArticlePatch?
            private enum CodingKeys: String, CodingKey { case type, seq, message }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                type = try c.decode(String.self, forKey: .type)
                seq = try c.decodeIfPresent(Int.self, forKey: .seq)
                message = try c.decodeIfPresent(String.self, forKey: .message)
                patch = type == "result" ? try ArticlePatch(from: decoder) : nil
            }
        }
        let result = try decode(Result.self, line)
        guard result.seq == seq else {
            throw PluginFailure.protocolViolation("expected the reply to article \(seq), got \(excerpt(line))")
        }
        switch (result.type, result.patch) {
        case ("result", let patch?): return patch
        case ("error", _): throw StageError(result.message ?? "the stage failed without a message")
        default: throw PluginFailure.protocolViolation("expected a 'result' or 'error' message, got \(excerpt(line))")
        }
    }

    /// Whether the line is `{"type":"result","seq":N}` (spaces allowed), the answer of a stage that
    /// changed nothing; checked without a JSON decoder, as it is the most frequent answer.
    static func isEmptyResult(_ line: ArraySlice<UInt8>, seq: Int) -> Bool {
        let compact = line.filter { $0 != UInt8(ascii: " ") }
        let expected = #"{"type":"result","seq":\#(seq)}"#.utf8
        return compact.count == expected.count && compact.elementsEqual(expected)
    }

    /// Decodes a line, or reports it as a protocol violation.
    private static func decode<T: Decodable>(_ type: T.Type, _ line: ArraySlice<UInt8>) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(line))
        } catch let error as SpanError {
            // A well-formed message with a bad span: that article fails, the program goes on.
            throw StageError("the stage returned an invalid \(error)")
        } catch {
            throw PluginFailure.protocolViolation("printed a line that is not a valid protocol message: \(excerpt(line))")
        }
    }

    /// The start of a line, for messages.
    static func excerpt(_ line: ArraySlice<UInt8>) -> String {
        let text = String(decoding: line.prefix(120), as: UTF8.self)
        return "'\(text)\(line.count > 120 ? "…" : "")'"
    }
}

/// Builds one JSON line as UTF-8 bytes; strings are escaped by hand on bytes, which is several
/// times faster than `JSONEncoder` for long article texts.
struct JSONLine {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: utf8[runStart..<index])
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                runStart = index + 1
            }
            bytes.append(contentsOf: utf8[runStart...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a value through `JSONEncoder` (for the small annotation fields); `null` if it fails.
    mutating func encoded<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        if let data = try? encoder.encode(value) { bytes.append(contentsOf: data) } else { raw("null") }
    }
}
