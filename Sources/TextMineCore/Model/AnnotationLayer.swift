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
public protocol AnnotationLayer: Codable, Sendable {
    /// The key under which the layer is stored; prefix it with your package name to avoid clashes.
    static var layerName: String { get }
}

extension Article {
    /// Reads or writes a typed annotation layer; reading gives nil when the layer is missing or does
    /// not decode as `Layer`. The layer is converted to and from its ``JSONValue`` directly
    /// (``JSONValueEncoder``, ``JSONValueDecoder``), with no JSON text in between.
    public subscript<Layer: AnnotationLayer>(layer type: Layer.Type) -> Layer? {
        get {
            guard let value = layers[Layer.layerName] else { return nil }
            return try? JSONValueDecoder().decode(Layer.self, from: value)
        }
        set {
            guard let newValue else {
                layers[Layer.layerName] = nil
                return
            }
            // Encoding a Codable value into JSONValue cannot fail for well-formed Codable types.
            if let value = try? JSONValueEncoder().encode(newValue) {
                layers[Layer.layerName] = value
            }
        }
    }
}
