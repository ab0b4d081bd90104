/// White space as TextMine counts it: the scalars Unicode calls white space (no-break space included).
enum WhiteSpace {
    /// Whether UTF-8 bytes hold nothing but white space; stops at the first other character, so a
    /// text that starts with a letter costs one byte.
    static func isBlank<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.isASCII ? !isASCIISpace(UInt8(scalar.value)) : !scalar.properties.isWhitespace { return false }
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
