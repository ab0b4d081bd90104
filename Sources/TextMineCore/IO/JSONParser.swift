/// A small, fast JSON parser from UTF-8 bytes to ``JSONValue``: the one JSON reader of inputs
/// (JSONL articles, JSONL web pages, resumed output).
///
/// Strict RFC 8259 (no comments, no trailing commas); integers that fit `Int` become `.int`, other
/// numbers `.double`; a repeated key keeps its last value; nesting deeper than ``maximumDepth`` is
/// refused rather than overflowing the stack.
package struct JSONParser {
    /// Why a text is not JSON, with the byte offset where parsing stopped.
    package struct SyntaxError: Error, Equatable, CustomStringConvertible {
        package var message: String
        /// 0-based byte offset into the parsed bytes.
        package var offset: Int
        package var description: String { "\(message) at column \(offset + 1)" }
    }

    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    /// Parses one JSON value that makes up all of `bytes` (white space around it allowed).
    package static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws -> JSONValue {
        if let value = try bytes.withContiguousStorageIfAvailable({ try parse(buffer: $0) }) { return value }
        return try Array(bytes).withUnsafeBufferPointer { try parse(buffer: $0) }
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes: buffer)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == buffer.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character '\(Unicode.Scalar(bytes[index]))'")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func object() throws -> JSONValue {
        var members: [String: JSONValue] = [:]
        try forEachMember(closedBy: UInt8(ascii: "}"), in: "an object") { parser in
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                throw parser.error("expected a string key")
            }
            let key = try parser.string()
            parser.skipSpace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
                throw parser.error("expected ':' after a key")
            }
            parser.index += 1
            parser.skipSpace()
            members[key] = try parser.value()
        }
        return .object(members)
    }

    private mutating func array() throws -> JSONValue {
        var elements: [JSONValue] = []
        try forEachMember(closedBy: UInt8(ascii: "]"), in: "an array") { parser in elements.append(try parser.value()) }
        return .array(elements)
    }

    /// Reads an object's or an array's members, separated by commas, from its opening byte to
    /// `close`: `member` reads each one (white space around it is skipped here).
    private mutating func forEachMember(closedBy close: UInt8, in container: String,
                                        _ member: (inout JSONParser) throws -> Void) throws {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return
        }
        while true {
            skipSpace()
            try member(&self)
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end of input in \(container)") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == close { index += 1; return }
            throw error("expected ',' or '\(Unicode.Scalar(close))' in \(container)")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard index + count <= bytes.count, bytes[index..<(index + count)].elementsEqual(expected)
        else { throw error("invalid literal") }
        index += count
    }

    private mutating func number() throws -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let double = Double(text) else { throw SyntaxError(message: "invalid number", offset: start) }
        return .double(double)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A string starting at the opening quote: runs without escapes are found eight bytes at a
    /// time and copied as they are (after UTF-8 validation).
    private mutating func string() throws -> String {
        index += 1
        let start = index
        var unescaped: [UInt8]?  // made at the first escape
        var runStart = index
        while true {
            index = JSONBytes.nextSpecialByte(bytes.baseAddress!, from: index, count: bytes.count)
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte < 0x20 { throw error("unescaped control character in a string") }
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard var unescaped else { return try validated(run, at: start) }
                unescaped.append(contentsOf: run)
                return try unescaped.withUnsafeBufferPointer { try validated($0, at: start) }
            }
            // A backslash.
            if unescaped == nil { unescaped = [] }
            unescaped!.append(contentsOf: run)
            index += 1
            guard index < bytes.count else { throw error("unexpected end of input in a string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped!.append(escape)
            case UInt8(ascii: "b"): unescaped!.append(0x08)
            case UInt8(ascii: "f"): unescaped!.append(0x0C)
            case UInt8(ascii: "n"): unescaped!.append(0x0A)
            case UInt8(ascii: "r"): unescaped!.append(0x0D)
            case UInt8(ascii: "t"): unescaped!.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    else { throw error("lone surrogate in a \\u escape") }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                unescaped!.append(contentsOf: UTF8.encode(scalar)!)
            default:
                throw error("invalid escape '\\\(Unicode.Scalar(escape))'")
            }
            runStart = index
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func validated(_ run: UnsafeBufferPointer<UInt8>, at start: Int) throws -> String {
        if let string = String(validating: run, as: UTF8.self) { return string }
        let offset = UTF8Validation.firstInvalidByte(in: run).map { start + $0 } ?? start
        throw SyntaxError(message: "invalid UTF-8", offset: offset)
    }
}
