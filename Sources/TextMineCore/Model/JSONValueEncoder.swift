import Foundation

/// Encodes an `Encodable` value straight into a ``JSONValue``, as `JSONEncoder` would write it
/// (nil optionals left out, a URL as its string), without writing and parsing JSON text: how
/// typed annotation layers are stored in ``Article/layers``.
///
/// Built for stages that store a layer per article: scalars go straight into their object or
/// array (no container per value), types are told apart by comparing metatypes, and coding paths
/// are only built when a value asks for one.
public struct JSONValueEncoder {
    public init() {}

    /// The JSON value of `value`; throws `EncodingError` for a value that encodes nothing.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let scalar = Slot.scalar(value) { return scalar }
        let root = Slot(parent: nil, key: nil)
        try value.encode(to: ValueEncoder(slot: root))
        guard let result = root.kind == .single ? root.value : root.resolved else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(T.self) encoded no value"))
        }
        return result
    }
}

/// A value under construction. Objects and arrays hold their scalar members directly; a member that
/// is itself a container is its own slot, filled in when the value is resolved.
private final class Slot {
    var value: JSONValue?
    var members: [String: JSONValue] = [:]
    /// Members that are containers, by key, resolved at the end.
    var nestedMembers: [(key: String, slot: Slot)] = []
    var elements: [JSONValue] = []
    /// Elements that are containers, by index, resolved at the end.
    var nestedElements: [(index: Int, slot: Slot)] = []
    enum Kind { case single, object, array }
    var kind = Kind.single
    /// Where the slot sits, for coding paths.
    let parent: Slot?
    let key: (any CodingKey)?

    init(parent: Slot?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    /// The coding path of the slot, built on request.
    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var slot: Slot? = self
        while let current = slot {
            if let key = current.key { path.append(key) }
            slot = current.parent
        }
        return path.reversed()
    }

    /// The finished value.
    var resolved: JSONValue {
        switch kind {
        case .single:
            return value ?? .object([:])
        case .object:
            for (key, slot) in nestedMembers { members[key] = slot.resolved }
            nestedMembers = []
            return .object(members)
        case .array:
            for (index, slot) in nestedElements { elements[index] = slot.resolved }
            nestedElements = []
            return .array(elements)
        }
    }

    /// Sets a member; a scalar goes in directly, another value into a nested slot.
    func setMember<T: Encodable>(_ value: T, key: any CodingKey) throws {
        let name = key.stringValue
        if !nestedMembers.isEmpty { nestedMembers.removeAll { $0.key == name } }
        if let scalar = Self.scalar(value) {
            members[name] = scalar
            return
        }
        let member = nestedMember(key)
        try value.encode(to: ValueEncoder(slot: member))
    }

    func setMember(_ scalar: JSONValue, key: any CodingKey) {
        let name = key.stringValue
        if !nestedMembers.isEmpty { nestedMembers.removeAll { $0.key == name } }
        members[name] = scalar
    }

    /// A new nested slot for a member.
    func nestedMember(_ key: any CodingKey) -> Slot {
        let member = Slot(parent: self, key: key)
        nestedMembers.append((key.stringValue, member))
        return member
    }

    /// Appends an element; a scalar goes in directly, another value into a nested slot.
    func appendElement<T: Encodable>(_ value: T) throws {
        if let scalar = Self.scalar(value) {
            elements.append(scalar)
            return
        }
        try value.encode(to: ValueEncoder(slot: nestedElement()))
    }

    /// A new nested slot for the next element.
    func nestedElement() -> Slot {
        let element = Slot(parent: self, key: nil)
        nestedElements.append((elements.count, element))
        elements.append(.null)
        return element
    }

    /// The JSON value of a scalar type, told apart by comparing metatypes (a dynamic cast to each
    /// scalar type would cost a protocol-conformance lookup per value); nil for any other type.
    @inline(__always)
    static func scalar<T: Encodable>(_ value: T) -> JSONValue? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if T.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == JSONValue.self { return unsafeBitCast(value, to: JSONValue.self) }
        return otherScalar(value)
    }

    /// The rarer scalar types, also by metatype.
    private static func otherScalar<T: Encodable>(_ value: T) -> JSONValue? {
        if T.self == Float.self { return .double(Double(unsafeBitCast(value, to: Float.self))) }
        if T.self == Int64.self { return .int(Int(unsafeBitCast(value, to: Int64.self))) }
        if T.self == Int32.self { return .int(Int(unsafeBitCast(value, to: Int32.self))) }
        if T.self == Int16.self { return .int(Int(unsafeBitCast(value, to: Int16.self))) }
        if T.self == Int8.self { return .int(Int(unsafeBitCast(value, to: Int8.self))) }
        if T.self == UInt8.self { return .int(Int(unsafeBitCast(value, to: UInt8.self))) }
        if T.self == UInt16.self { return .int(Int(unsafeBitCast(value, to: UInt16.self))) }
        if T.self == UInt32.self { return .int(Int(unsafeBitCast(value, to: UInt32.self))) }
        if T.self == UInt.self {
            let value = unsafeBitCast(value, to: UInt.self)
            return Int(exactly: value).map(JSONValue.int) ?? .double(Double(value))
        }
        if T.self == UInt64.self {
            let value = unsafeBitCast(value, to: UInt64.self)
            return Int(exactly: value).map(JSONValue.int) ?? .double(Double(value))
        }
        if T.self == URL.self { return .string(unsafeBitCast(value, to: URL.self).absoluteString) }
        return nil
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { slot.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.kind != .object {
            slot.kind = .object
            // Most encoded types have a handful of members: one allocation instead of a table that grows.
            slot.members = Dictionary(minimumCapacity: 6)
            slot.nestedMembers = []
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.kind != .array {
            slot.kind = .array
            slot.elements = []
            slot.nestedElements = []
        }
        return UnkeyedContainer(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey] { slot.codingPath }

    mutating func encodeNil(forKey key: Key) throws { slot.setMember(.null, key: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot.setMember(.string(value), key: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.setMember(.int(value), key: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot.setMember(.double(value), key: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.setMember(.bool(value), key: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try slot.setMember(value, key: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.nestedMember(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.nestedMember(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(slot: slot.nestedMember(SuperKey()))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: slot.nestedMember(key)) }
}

/// The key of `superEncoder()`.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { slot.codingPath }

    var count: Int { slot.elements.count }

    mutating func encodeNil() throws { slot.elements.append(.null) }
    mutating func encode(_ value: String) throws { slot.elements.append(.string(value)) }
    mutating func encode(_ value: Int) throws { slot.elements.append(.int(value)) }
    mutating func encode(_ value: Double) throws { slot.elements.append(.double(value)) }
    mutating func encode(_ value: Bool) throws { slot.elements.append(.bool(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws { try slot.appendElement(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.nestedElement()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.nestedElement()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: slot.nestedElement()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { slot.codingPath }

    mutating func encodeNil() throws { slot.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let scalar = Slot.scalar(value) {
            slot.value = scalar
            return
        }
        try value.encode(to: ValueEncoder(slot: slot))
    }
}
