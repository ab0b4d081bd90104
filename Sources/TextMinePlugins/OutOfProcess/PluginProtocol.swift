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

    /// Article fields a stage may ask to receive besides `id`, `language` and `text`: those
    /// ``ArticleField``'s table sends on request, in output order.
    public static let requestableFields: [ArticleField] =
        ArticleField.definitions.filter { $0.pluginAccess == .onRequest }.map(\.field)

    /// The `hello` line.
    static func hello(stage: StageID, options: [String: JSONValue]) -> [UInt8] {
        var line = ArticleJSONWriter()
        line.raw(#"{"type":"hello","protocol":\#(version),"stage":"#.utf8)
        line.string(stage.rawValue)
        line.raw(#","options":"#.utf8)
        if (try? line.json(.object(options))) == nil { line.null() }
        line.raw("}\n".utf8)
        return line.bytes
    }

    /// The `article` line: the article's id, language and text, plus the fields the stage asked for
    /// (written even when empty), each as in output.
    static func article(_ article: Article, seq: Int, fields: Set<ArticleField>) -> [UInt8] {
        var line = ArticleJSONWriter(capacity: article.scalarText.utf8.count + 128)
        line.raw(#"{"type":"article","seq":\#(seq),"article":"#.utf8)
        line.beginObject()
        for definition in ArticleField.definitions {
            switch definition.pluginAccess {
            case .always: guard definition.hasValue(article) else { continue }
            case .onRequest: guard fields.contains(definition.field) else { continue }
            case .never: continue
            }
            line.key(dynamic: definition.field.rawValue)
            // Only a non-finite number, which no built-in stage stores, cannot be written.
            if (try? definition.write(article, &line)) == nil { line.null() }
        }
        line.endObject()
        line.raw("}\n".utf8)
        return line.bytes
    }

    /// Reads the handshake reply: the fields the stage wants, or the error it reported (bad options).
    static func handshake(_ line: ArraySlice<UInt8>) throws -> Set<ArticleField> {
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
        var fields: Set<ArticleField> = []
        for name in ready.receives ?? [] {
            guard let field = ArticleField(rawValue: name), requestableFields.contains(field) else {
                throw StageError("the stage asked to receive '\(name)', which is not an article field; "
                    + "fields: \(requestableFields.map(\.rawValue).joined(separator: ", "))")
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
