import Foundation
import Testing
import TextMineCore

/// `JSONValueEncoder` gives the value `JSONEncoder` would write, for every kind of member.
@Suite("JSONValueEncoder")
struct JSONValueEncoderTests {
    struct Inner: Codable, Equatable {
        var span: Span
        var note: String?
    }

    struct Everything: Codable, Equatable {
        var text = "é \"quoted\""
        var int = -7
        var double = 0.25
        var bool = true
        var float: Float = 1.5
        var int8: Int8 = -8
        var int64: Int64 = 1 << 40
        var uint8: UInt8 = 200
        var uint64: UInt64 = 1 << 62
        var url = URL(string: "https://example.org/a?b=1")!
        var missing: String? = nil
        var present: Int? = 3
        var ints = [1, 2, 3]
        var nested = [Inner(span: Span(start: 1, end: 2), note: nil), Inner(span: Span(start: 3, end: 5), note: "x")]
        var matrix = [[1], [], [2, 3]]
        var table = ["b": 2, "a": 1]
        var json: JSONValue = ["k": [1, "two", .null]]
        var empty: [String: Int] = [:]
    }

    /// A type that encodes twice under one key (the last write wins, as in JSONEncoder) and through
    /// a single-value container.
    struct Rewritten: Encodable {
        enum Keys: String, CodingKey { case value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(Inner(span: Span(start: 0, end: 1), note: "first"), forKey: .value)
            try container.encode("second", forKey: .value)
        }
    }

    struct Wrapper: Encodable {
        var name: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }

    func viaJSONEncoder<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test("scalars, optionals, arrays, nested types, dictionaries and JSON values encode as JSONEncoder writes them")
    func sameAsJSONEncoder() throws {
        #expect(try JSONValueEncoder().encode(Everything()) == viaJSONEncoder(Everything()))
        #expect(try JSONValueEncoder().encode(Rewritten()) == viaJSONEncoder(Rewritten()))
        #expect(try JSONValueEncoder().encode([Wrapper(name: "a"), Wrapper(name: "b")]) == ["a", "b"])
        #expect(try JSONValueEncoder().encode("top") == "top")
        #expect(try JSONValueEncoder().decodeRoundTrip(Everything()) == Everything())
    }
}

extension JSONValueEncoder {
    /// Encodes then decodes with ``JSONValueDecoder``.
    func decodeRoundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONValueDecoder().decode(T.self, from: encode(value))
    }
}
