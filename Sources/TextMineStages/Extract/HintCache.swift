/// The hints of the `class` and `id` values of one page, remembered: pages repeat a few hundred
/// values thousands of times.
///
/// A small open-addressing table keyed by a 64-bit hash of the value's lowercase bytes; it stops
/// adding entries when half full.
struct HintCache {
    private var keys = [UInt64](repeating: 0, count: 2048)
    private var values = [ElementHints](repeating: [], count: 2048)
    private var count = 0
    /// A reusable buffer for lowercased values.
    private var scratch: [UInt8] = []

    /// The hints of a `class` or `id` value (its first 512 bytes, in any case).
    mutating func hints(of value: UnsafeBufferPointer<UInt8>, matcher: HintMatcher) -> ElementHints {
        let value = UnsafeBufferPointer(rebasing: value.prefix(512))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the lowercase bytes
        for var byte in value {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
        var slot = Int(truncatingIfNeeded: key) & (keys.count - 1)
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        scratch.removeAll(keepingCapacity: true)
        for var byte in value {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            scratch.append(byte)
        }
        let hints = scratch.withUnsafeBufferPointer { matcher.hints(in: $0) }
        if count < keys.count / 2 {
            keys[slot] = key
            values[slot] = hints
            count += 1
        }
        return hints
    }
}
