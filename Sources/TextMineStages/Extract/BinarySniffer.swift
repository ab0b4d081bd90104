/// Tells binary data from text: a page whose first 4 KB hold many control characters (NUL and
/// other C0 codes besides tab, newlines and form feed) is not HTML.
enum BinarySniffer {
    static func looksBinary(_ text: String) -> Bool {
        var controls = 0
        var count = 0
        for byte in text.utf8.prefix(4096) {
            count += 1
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return count > 0 && controls * 20 > count
    }
}
