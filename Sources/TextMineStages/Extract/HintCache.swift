/// The hints of the `class` and `id` values of one page, remembered name by name: pages repeat a
/// few hundred class names thousands of times, in ever new combinations (`flex items-center
/// gap-2`…), and ids are often unique but made of common words.
///
/// A small open-addressing table keyed by a 64-bit hash of the name's lowercase bytes; it stops
/// adding entries when half full.
struct HintCache {
    private var keys = [UInt64](repeating: 0, count: 2048)
    private var values = [NameHints](repeating: NameHints(), count: 2048)
    private var count = 0
    /// A reusable buffer for a lowercased name.
    private var scratch: [UInt8] = []

    /// The hints of a `class` or `id` value (its first 512 bytes, in any case): those of its names
    /// (runs of bytes above space) combined.
    mutating func hints(of value: UnsafeBufferPointer<UInt8>, matcher: HintMatcher) -> ElementHints {
        let value = UnsafeBufferPointer(rebasing: value.prefix(512))
        var result: ElementHints = []
        var hides = false
        var responsive = false
        let end = value.count
        var start = 0
        while start < end {
            while start < end, value[start] <= 0x20 { start += 1 }
            var stop = start
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the lowercase bytes
            while stop < end {
                var byte = value[stop]
                if byte <= 0x20 { break }
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                stop += 1
            }
            guard stop > start else { break }
            let name = hints(ofName: UnsafeBufferPointer(rebasing: value[start..<stop]), hash: hash, matcher: matcher)
            result.formUnion(name.hints)
            hides = hides || name.hides
            responsive = responsive || name.responsive
            start = stop
        }
        if hides && !responsive { result.insert(.hidden) }
        return result
    }

    /// The hints of one name, from the table or the matcher.
    private mutating func hints(ofName name: UnsafeBufferPointer<UInt8>, hash: UInt64, matcher: HintMatcher) -> NameHints {
        let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
        var slot = Int(truncatingIfNeeded: key) & (keys.count - 1)
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        scratch.removeAll(keepingCapacity: true)
        for var byte in name {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            scratch.append(byte)
        }
        let hints = scratch.withUnsafeBufferPointer { matcher.hints(ofName: $0) }
        if count < keys.count / 2 {
            keys[slot] = key
            values[slot] = hints
            count += 1
        }
        return hints
    }
}
