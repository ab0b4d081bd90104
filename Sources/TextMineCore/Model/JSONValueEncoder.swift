import Foundation

/// Encodes an `Encodable` value straight into a ``JSONValue``, as `JSONEncoder` would write it
/// (nil optionals left out, a URL as its string), without writing and parsing JSON text: how
/// typed annotation layers are stored in ``Article/layers``.
public struct JSONValueEncoder {
    public init() {}

    /// The JSON value of `value`; throws `EncodingError` for a value that encodes nothing.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let value = value as? JSONValue { return value }
        let root = Slot()
        try Box.encode(value, into: root, codingPath: [])
        guard let result = root.kind == .single ? root.value : root.resolved else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(T.self) encoded no value"))
        }
        return result
    }
}

/// A value under construction: containers write into their slot, nested containers into their own.
private final class Slot {
    var value: JSONValue?
    var members: [String: Slot] = [:]
    var elements: [Slot] = []
    enum Kind { case single, object, array }
    var kind = Kind.single

    /// The finished value.
    var resolved: JSONValue {
        switch kind {
        case .single: return value ?? .object([:])
        case .object: return .object(members.mapValues(\.resolved))
        case .array: return .array(elements.map(\.resolved))
        }
    }
}

private enum Box {
    /// Encodes a value into a slot: scalars directly, others through their `encode(to:)`.
    static func encode<T: Encodable>(_ value: T, into slot: Slot, codingPath: [any CodingKey]) throws {
        if let scalar = scalar(value) {
            slot.value = scalar
            return
        }
        try value.encode(to: ValueEncoder(slot: slot, codingPath: codingPath))
    }

    static func scalar<T: Encodable>(_ value: T) -> JSONValue? {
        switch value {
        case let value as JSONValue: return value
        case let value as String: return .string(value)
        case let value as Int: return .int(value)
        case let value as Double: return .double(value)
        case let value as Bool: return .bool(value)
        case let value as Float: return .double(Double(value))
        case let value as Int64: return .int(Int(value))
        case let value as Int32: return .int(Int(value))
        case let value as Int16: return .int(Int(value))
        case let value as Int8: return .int(Int(value))
        case let value as UInt8: return .int(Int(value))
        case let value as UInt16: return .int(Int(value))
        case let value as UInt32: return .int(Int(value))
        case let value as UInt: return Int(exactly: value).map(JSONValue.int) ?? .double(Double(value))
        case let value as UInt64: return Int(exactly: value).map(JSONValue.int) ?? .double(Double(value))
        case let value as URL: return .string(value.absoluteString)
        default: return nil
        }
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.kind != .object {
            slot.kind = .object
            slot.members = [:]
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.kind != .array {
            slot.kind = .array
            slot.elements = []
        }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot, codingPath: codingPath) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    private func member(_ key: Key) -> Slot {
        let member = Slot()
        slot.members[key.stringValue] = member
        return member
    }

    mutating func encodeNil(forKey key: Key) throws { member(key).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try Box.encode(value, into: member(key), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: member(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let member = Slot()
        slot.members["super"] = member
        return ValueEncoder(slot: member, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: member(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    var count: Int { slot.elements.count }

    private func next() -> Slot {
        let element = Slot()
        slot.elements.append(element)
        return element
    }

    mutating func encodeNil() throws { next().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try Box.encode(value, into: next(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: next(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try Box.encode(value, into: slot, codingPath: codingPath)
    }
}
