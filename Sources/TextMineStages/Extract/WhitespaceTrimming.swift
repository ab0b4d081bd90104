/// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` without its bridge to `NSString`
/// (a UTF-16 copy of the whole value: JSON-LD `articleBody` values are whole articles).
enum WhitespaceTrimming {
    /// The value without the leading and trailing scalars of Foundation's `whitespacesAndNewlines`;
    /// the value itself, uncopied, when there are none.
    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespaceOrNewline($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespaceOrNewline($0) })!  // `first` is one
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return value }
        return String(scalars[first...last])
    }

    /// Whether Foundation's `whitespacesAndNewlines` holds a scalar: tab, line feed to carriage
    /// return, U+0085, the space separators, U+200B, and the line and paragraph separators.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
