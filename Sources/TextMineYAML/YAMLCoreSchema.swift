/// The standard tags of the YAML core schema, as libyaml reports them after resolving `!!` shorthands.
public enum YAMLTag {
    /// `!!null`
    public static let null = "tag:yaml.org,2002:null"
    /// `!!bool`
    public static let bool = "tag:yaml.org,2002:bool"
    /// `!!int`
    public static let int = "tag:yaml.org,2002:int"
    /// `!!float`
    public static let float = "tag:yaml.org,2002:float"
    /// `!!str`
    public static let str = "tag:yaml.org,2002:str"
}

/// How the YAML 1.2 core schema types the text of a plain scalar.
///
/// `null`, `~` and the empty string are null; `true`/`false` (in three casings) are booleans;
/// `12`, `-3`, `0x1F`, `0o17` are integers; `1.5`, `1e3`, `.inf`, `.nan` are floats; everything else
/// (including YAML 1.1's `yes`/`no`) is a string.
public enum YAMLCoreSchema: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string

    /// The type and value of a plain scalar's text.
    public static func resolve(_ text: String) -> YAMLCoreSchema {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let scalars = Array(text.utf8)
        if let value = integer(scalars) { return value }
        if isFloat(scalars), let d = Double(text) { return .float(d) }
        return .string
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; decimal integers too big for `Int` are floats.
    private static func integer(_ bytes: [UInt8]) -> YAMLCoreSchema? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            if bytes[1] == UInt8(ascii: "x"), let i = Int(digits, radix: 16), !digits.hasPrefix("+"), !digits.hasPrefix("-") {
                return .int(i)
            }
            if bytes[1] == UInt8(ascii: "o"), let i = Int(digits, radix: 8), !digits.hasPrefix("+"), !digits.hasPrefix("-") {
                return .int(i)
            }
        }
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if let i = Int(text) { return .int(i) }
        return Double(text).map { .float($0) }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        let whole = digits()
        var fraction = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == bytes.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
