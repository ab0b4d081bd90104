/// What the extractor reads in a `style` value: whether it hides the element.
enum StyleAttribute {
    /// Whether a `style` value hides its element: `display:none` or `visibility:hidden` in its
    /// first 512 bytes, in any case, spaces ignored.
    static func hides(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { compact in
            var length = 0
            for var byte in value.prefix(512) where byte != 0x20 {
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                compact[length] = byte
                length += 1
            }
            let style = UnsafeBufferPointer(rebasing: compact[..<length])
            return contains(style, "display:none") || contains(style, "visibility:hidden")
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let needleBytes = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard haystack.count >= needleBytes.count else { return false }
        for start in 0...(haystack.count - needleBytes.count) {
            var matched = 0
            while matched < needleBytes.count, haystack[start + matched] == needleBytes[matched] { matched += 1 }
            if matched == needleBytes.count { return true }
        }
        return false
    }
}
