/// The keys of a JSON object's top level, in the order they are written: for tests of the field
/// order of an output (`id` first, then the fields in the documented order). Reads any JSON text
/// of one object without checking it.
public func topLevelKeys(_ json: some Collection<UInt8>) -> [String] {
    let bytes = Array(json)
    var keys: [String] = []
    var depth = 0
    var index = 0
    while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
        case UInt8(ascii: "\""):
            var end = index + 1
            while bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
            if depth == 1, bytes[end + 1] == UInt8(ascii: ":") { keys.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) }
            index = end
        default: break
        }
        index += 1
    }
    return keys
}

/// The keys of a JSON object's top level, in the order they are written.
public func topLevelKeys(_ json: some StringProtocol) -> [String] { topLevelKeys(json.utf8) }
