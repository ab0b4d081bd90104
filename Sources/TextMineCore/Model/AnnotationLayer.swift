/// A typed annotation layer a plugin attaches to an article.
///
/// Layers are stored as JSON in ``Article/layers`` under ``layerName``, so they survive JSON round
/// trips and pass through stages (and TextMine versions) that do not know their type. Spans inside a
/// layer are not remapped when a later stage edits the text: produce layers after text-editing stages.
///
/// ```swift
/// struct Sentiment: AnnotationLayer {
///     static let layerName = "sentiment"
///     var polarity: Double
/// }
/// article[layer: Sentiment.self] = Sentiment(polarity: 0.4)
/// ```
///
/// The layer goes to and from its JSON through its `Codable` form (``JSONValueEncoder``,
/// ``JSONValueDecoder``), at about 2 K instructions per encoded object. A layer stored for every
/// article with many objects (the `extract` layer, a hundred or more per page) can build its
/// ``JSONValue`` directly instead, by implementing ``jsonValue()``.
public protocol AnnotationLayer: Codable, Sendable {
    /// The key under which the layer is stored; prefix it with your package name to avoid clashes.
    static var layerName: String { get }

    /// The layer as stored in ``Article/layers``: by default its `Codable` form. A layer that
    /// implements this writes the same JSON in `encode(to:)` (encode the value this returns), so
    /// that the layer has one written form.
    func jsonValue() throws -> JSONValue

    /// Reads the layer from its stored JSON: by default through its `Codable` form.
    init(jsonValue: JSONValue) throws
}

extension AnnotationLayer {
    public func jsonValue() throws -> JSONValue { try JSONValueEncoder().encode(self) }

    public init(jsonValue: JSONValue) throws { self = try JSONValueDecoder().decode(Self.self, from: jsonValue) }
}

extension Article {
    /// Reads or writes a typed annotation layer; reading gives nil when the layer is missing or does
    /// not decode as `Layer`. The layer is converted to and from its ``JSONValue`` directly
    /// (``AnnotationLayer/jsonValue()``, ``AnnotationLayer/init(jsonValue:)``), with no JSON text in
    /// between.
    public subscript<Layer: AnnotationLayer>(layer type: Layer.Type) -> Layer? {
        get {
            guard let value = layers[Layer.layerName] else { return nil }
            return try? Layer(jsonValue: value)
        }
        set {
            guard let newValue else {
                layers[Layer.layerName] = nil
                return
            }
            // Encoding a Codable value into JSONValue cannot fail for well-formed Codable types.
            if let value = try? newValue.jsonValue() {
                layers[Layer.layerName] = value
            }
        }
    }
}
