/// Typed values from parsed JSON (``JSONValue``): how input and plugin fields become model types.
enum JSONValueReading {
    /// Decodes a value through its `Codable` form; nil when the JSON does not have the type's shape.
    /// A span that is not a range (`{"start": 5, "end": 2}`) throws its ``SpanError`` instead.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T? {
        do {
            return try JSONValueDecoder().decode(type, from: value)
        } catch let error as SpanError {
            throw error
        } catch {
            return nil
        }
    }
}
