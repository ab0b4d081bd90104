import TextMineCore

/// The `extract` annotation layer: where each extracted block came from in the HTML, which
/// strategies were tried, and which paragraphs were dropped and why.
///
/// Spans are scalar offsets into the text as `extract` left it (later text-editing stages do not
/// remap layers; map through `article.alignment` to reach the HTML in `original`).
public struct ExtractLayer: AnnotationLayer, Equatable {
    public static let layerName = "extract"

    /// One extracted block and its source.
    public struct SourceBlock: Codable, Sendable, Equatable {
        /// The block's span in the extracted text.
        public var span: Span
        /// `heading`, `body`, `list-item` or `quote`.
        public var role: String
        /// An XPath-like path to the element holding the text (`/html/body/div[2]/p[3]`).
        public var node: String
        /// The 1-based line of that element's start tag in the HTML.
        public var line: Int
        /// The block's text in the HTML: UTF-8 byte offsets `[start, end)`.
        public var bytes: [Int]
    }

    /// A paragraph that was left out, and why.
    public struct DroppedBlock: Codable, Sendable, Equatable {
        /// `navigation`, `comments`, `share`, `related`, `cookie-banner`, `advertising`,
        /// `outside-article`, `short`, `links`…
        public var reason: String
        public var node: String
        public var line: Int
        /// The paragraph's text (whitespace collapsed), cut to 200 characters.
        public var text: String
    }

    /// One strategy tried, in order.
    public struct Attempt: Codable, Sendable, Equatable {
        public var strategy: String
        /// Unicode scalars of text the strategy gave.
        public var length: Int
        /// Whether its result was kept.
        public var accepted: Bool
        /// The path of the article container it chose, if any.
        public var container: String?
    }

    /// The strategy whose result became the text (the last tried when none reached the minimum).
    public var strategy: String
    public var attempts: [Attempt]
    public var blocks: [SourceBlock]
    public var dropped: [DroppedBlock]
    /// Whether the page was cut at `max-bytes` before parsing.
    public var truncated: Bool
}

extension ExtractLayer {
    /// The layer's JSON, built directly: the stage stores one per page, with a hundred or more
    /// dropped paragraphs, where the `Codable` default (``JSONValueEncoder``) costs about 1.5 M
    /// instructions more per page (3.6 % of the `web-news` pipeline).
    public func jsonValue() -> JSONValue {
        [
            "strategy": .string(strategy),
            "attempts": .array(attempts.map { attempt in
                var object: [String: JSONValue] = [
                    "strategy": .string(attempt.strategy), "length": .int(attempt.length),
                    "accepted": .bool(attempt.accepted),
                ]
                if let container = attempt.container { object["container"] = .string(container) }
                return .object(object)
            }),
            "blocks": .array(blocks.map { block in
                [
                    "span": ["start": .int(block.span.start), "end": .int(block.span.end)],
                    "role": .string(block.role), "node": .string(block.node), "line": .int(block.line),
                    "bytes": .array(block.bytes.map(JSONValue.int)),
                ]
            }),
            "dropped": .array(dropped.map { block in
                ["reason": .string(block.reason), "node": .string(block.node), "line": .int(block.line),
                 "text": .string(block.text)]
            }),
            "truncated": .bool(truncated),
        ]
    }

    /// Encodes ``jsonValue()``: one written form, whatever the encoder (reading stays `Codable`'s).
    public func encode(to encoder: any Encoder) throws { try jsonValue().encode(to: encoder) }
}
