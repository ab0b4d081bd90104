import Foundation
import TextMineCore

/// Serves Swift stages over the out-of-process protocol, so that any stage can run in its own
/// process (for isolation, or to use it from a TextMine built without it).
///
/// `textmine serve-stage` runs it with the command line's registry; a pipeline then declares
/// ```yaml
/// - use: external
///   with: {command: [textmine-example, serve-stage], options: {prefix: "Photo"}}
/// ```
/// The `hello` message names the stage; the server asks for the article fields its `requires`
/// imply and answers each article with the patch between the article before and after `process`.
public struct StageServer {
    private let registry: StageRegistry

    public init(registry: StageRegistry) {
        self.registry = registry
    }

    /// Serves one stage on standard input and output until standard input ends.
    public func run() throws {
        guard let helloLine = readLine(strippingNewline: true) else { return }
        let stage: any Stage
        let step: String
        do {
            let hello = try JSONDecoder().decode(Hello.self, from: Data(helloLine.utf8))
            guard let descriptor = registry[hello.stage] else {
                let hint = registry.suggestion(for: hello.stage.rawValue).map { "; did you mean '\($0)'?" } ?? ""
                throw StageError("this program has no stage '\(hello.stage)'\(hint)")
            }
            let options = try StageOptions.validated(hello.options ?? [:], schema: descriptor.options)
            stage = try descriptor.make(options: options)
            step = descriptor.id.rawValue
            let fields = Self.fields(for: descriptor.requires).map { "\"\($0.rawValue)\"" }.joined(separator: ",")
            try write(#"{"type":"ready","protocol":\#(PluginProtocol.version),"receives":[\#(fields)]}"#)
        } catch {
            try write(message(type: "error", seq: nil, text: "\(error)"))
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        while let line = readLine(strippingNewline: true) {
            let request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
            var article = request.article
            do {
                try stage.process(&article, context: StageContext(step: step))
                let patch = try encoder.encode(ArticlePatch(from: request.article, to: article))
                var reply = Array(#"{"type":"result","seq":\#(request.seq)"#.utf8)
                if patch.count > 2 { reply.append(UInt8(ascii: ",")) }
                reply.append(contentsOf: patch.dropFirst())
                try write(String(decoding: reply, as: UTF8.self))
            } catch {
                try write(message(type: "error", seq: request.seq, text: "\(error)"))
            }
        }
    }

    /// The article fields a stage needs to receive, from the capabilities it requires.
    /// Metadata always; the field holding each required capability (``ArticleField``'s table);
    /// blocks for `boilerplate-removed`; layers for a capability no field holds (a plugin's own).
    static func fields(for requires: Set<Capability>) -> [ArticleField] {
        var fields: Set<ArticleField> = [.metadata]
        for capability in requires {
            if let field = ArticleField.field(holding: capability) {
                fields.insert(field)
            } else if capability == .boilerplateRemoved {
                fields.insert(.blocks)
            } else if capability != .cleanText {
                fields.insert(.layers)
            }
        }
        return PluginProtocol.requestableFields.filter(fields.contains)
    }

    private func message(type: String, seq: Int?, text: String) -> String {
        var line = ArticleJSONWriter()
        line.raw(#"{"type":"\#(type)""#.utf8)
        if let seq { line.raw(#","seq":\#(seq)"#.utf8) }
        line.raw(#","message":"#.utf8)
        line.string(text)
        line.raw("}".utf8)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    private func write(_ line: String) throws {
        try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    }

    private struct Hello: Decodable {
        var stage: StageID
        var options: [String: JSONValue]?
    }

    private struct Request: Decodable {
        var seq: Int
        var article: Article
    }
}
