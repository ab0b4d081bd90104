/// The 64-bit hashing that turns feature templates into rows of the weight table.
///
/// Features are never spelled out as strings: a token's attributes (its lowercased form, shape,
/// affixes) are hashed once from its bytes, and a feature is a mix of a template number with one or
/// two attribute hashes. The functions are stable across platforms and runs, because a trained model
/// depends on them (their version is part of ``FeatureSet/signature``).
enum FeatureHash {
    /// The FNV-1a offset basis: the hash of nothing.
    static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Extends a running FNV-1a hash with one Unicode scalar value.
    @inline(__always)
    static func extend(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        var h = hash
        h = (h ^ UInt64(scalar & 0xFF)) &* 0x0000_0100_0000_01B3
        h = (h ^ UInt64(scalar >> 8)) &* 0x0000_0100_0000_01B3
        return h
    }

    /// The murmur3 finaliser: spreads every input bit over the whole word.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        let z = mixHigh(value)
        return z ^ (z >> 33)
    }

    /// ``mix(_:)`` without its last step, which changes no bit above the 31 lowest.
    @inline(__always)
    private static func mixHigh(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        return (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
    }

    /// Combines a template number with an attribute hash.
    @inline(__always)
    static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        mix(value &+ template &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Combines a template number with two attribute hashes (a conjunction such as a word bigram).
    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(mix(a &+ template &* 0x9E37_79B9_7F4A_7C15) ^ b)
    }

    /// `feature(template, value) >> shift` for a `shift` of at least 31, one step cheaper.
    @inline(__always)
    static func row(_ template: UInt64, _ value: UInt64, shift: UInt64) -> UInt64 {
        mixHigh(value &+ template &* 0x9E37_79B9_7F4A_7C15) >> shift
    }

    /// `feature(template, a, b) >> shift` for a `shift` of at least 31, one step cheaper.
    @inline(__always)
    static func row(_ template: UInt64, _ a: UInt64, _ b: UInt64, shift: UInt64) -> UInt64 {
        mixHigh(mix(a &+ template &* 0x9E37_79B9_7F4A_7C15) ^ b) >> shift
    }

    /// The hash of a string's scalars, as ``extend(_:_:)`` computes it (for tables built at load time).
    static func of(_ scalars: some Sequence<UInt32>) -> UInt64 {
        var h = empty
        for s in scalars { h = extend(h, s) }
        return h
    }
}
