/// The features of a text for language identification: the n-grams of 1 to ``maxOrder`` units
/// (see ``TextUnits``; at most 4) ending at each unit, and each whole word, each hashed into one of
/// 2^`rowBits` rows. Training and identification share this one definition.
///
/// ```swift
/// var hasher = NgramFeatures(maxOrder: 4, rowBits: 18).hasher()
/// var units = TextUnits(bytes)
/// while let unit = units.next() {
///     _ = hasher.push(unit) { row in use(row) }
/// }
/// ```
package struct NgramFeatures: Sendable, Equatable {
    /// The longest n-gram, in units (1...4).
    var maxOrder: Int
    /// log2 of the number of rows features hash into.
    var rowBits: Int

    /// The largest ``maxOrder``: four 16-bit units fill the 64-bit key.
    package static let longestOrder = 4

    func hasher() -> Hasher { Hasher(maxOrder: maxOrder, shift: UInt64(64 - rowBits)) }

    /// Turns units into feature rows, one unit at a time, without allocating.
    struct Hasher {
        let maxOrder: Int
        let shift: UInt64
        /// The last four units, 16 bits each, the latest in the low bits.
        private var recent: UInt64 = 0
        private var seen = 0
        private var word: UInt64 = Hasher.wordSeed
        private var wordLength = 0

        init(maxOrder: Int, shift: UInt64) {
            self.maxOrder = maxOrder
            self.shift = shift
        }

        /// Reads one unit and calls `feature` with the row of each feature that ends at it (the
        /// word a space ends, then the n-grams of 1 to ``maxOrder`` units); returns how many.
        /// Inlined with its closure, so that the caller's loop adds each row where it is found.
        @inline(__always)
        mutating func push(_ unit: UInt32, _ feature: (Int) -> Void) -> Int {
            let shift = self.shift
            var found = 0
            if unit == TextUnits.space {
                if wordLength > 0 {
                    feature(Self.row((word ^ UInt64(wordLength)) &* Self.multipliers.4, shift))
                    found &+= 1
                }
                word = Self.wordSeed
                wordLength = 0
            } else {
                word = (word ^ UInt64(unit)) &* Self.prime
                wordLength &+= 1
            }
            recent = recent << 16 | UInt64(unit < 0x10000 ? unit : 0xFFFF)
            seen &+= 1
            let orders = min(seen, maxOrder)
            if unit != TextUnits.space {
                feature(Self.row((recent & 0xFFFF) &* Self.multipliers.0, shift))
                found &+= 1
            }
            if orders >= 2 {
                feature(Self.row((recent & 0xFFFF_FFFF) &* Self.multipliers.1, shift))
                found &+= 1
            }
            if orders >= 3 {
                feature(Self.row((recent & 0xFFFF_FFFF_FFFF) &* Self.multipliers.2, shift))
                found &+= 1
            }
            if orders >= 4 {
                feature(Self.row(recent &* Self.multipliers.3, shift))
                found &+= 1
            }
            return found
        }

        /// The row of a hash: its top bits (Fibonacci hashing).
        @inline(__always)
        private static func row(_ hash: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: hash >> shift) }

        private static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325
        private static let prime: UInt64 = 0x0000_0100_0000_01B3
        /// Odd multipliers per order (1–4) and for words (Fibonacci hashing: the top bits are kept).
        private static let multipliers: (UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0xD6E8_FEB8_6659_FD93, 0xFF51_AFD7_ED55_8CCD)
    }
}
