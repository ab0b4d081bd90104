/// The features of a text for language identification: the n-grams of 1 to ``maxOrder`` units
/// (see ``TextUnits``; at most 4) ending at each unit, and each whole word, each hashed into one of
/// 2^`rowBits` rows. Training and identification share this one definition.
///
/// ```swift
/// var hasher = NgramFeatures(maxOrder: 4, rowBits: 18).hasher()
/// var units = TextUnits(bytes)
/// while let unit = units.next() {
///     let found = hasher.push(unit)
///     for k in 0..<found { use(hasher.rows[k]) }
/// }
/// ```
public struct NgramFeatures: Sendable, Equatable {
    /// The longest n-gram, in units (1...4).
    var maxOrder: Int
    /// log2 of the number of rows features hash into.
    var rowBits: Int

    /// The largest ``maxOrder``: four 16-bit units fill the 64-bit key.
    public static let longestOrder = 4

    func hasher() -> Hasher { Hasher(maxOrder: maxOrder, shift: UInt64(64 - rowBits)) }

    /// Turns units into feature rows, one unit at a time, without allocating.
    struct Hasher {
        let maxOrder: Int
        let shift: UInt64
        /// The rows of the last ``push(_:)``'s features (up to ``NgramFeatures/longestOrder`` + 1).
        private(set) var rows: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        /// The last four units, 16 bits each, the latest in the low bits.
        private var recent: UInt64 = 0
        private var seen = 0
        private var word: UInt64 = Hasher.wordSeed
        private var wordLength = 0

        init(maxOrder: Int, shift: UInt64) {
            self.maxOrder = maxOrder
            self.shift = shift
        }

        /// Reads one unit; returns how many features end at it (their rows in ``rows``).
        @inline(__always)
        mutating func push(_ unit: UInt32) -> Int {
            var found = 0
            if unit == TextUnits.space {
                if wordLength > 0 { set(&found, (word ^ UInt64(wordLength)) &* Self.multipliers.4) }
                word = Self.wordSeed
                wordLength = 0
            } else {
                word = (word ^ UInt64(unit)) &* Self.prime
                wordLength += 1
            }
            recent = recent << 16 | UInt64(unit < 0x10000 ? unit : 0xFFFF)
            seen += 1
            let orders = min(seen, maxOrder)
            if unit != TextUnits.space { set(&found, (recent & 0xFFFF) &* Self.multipliers.0) }
            if orders >= 2 { set(&found, (recent & 0xFFFF_FFFF) &* Self.multipliers.1) }
            if orders >= 3 { set(&found, (recent & 0xFFFF_FFFF_FFFF) &* Self.multipliers.2) }
            if orders >= 4 { set(&found, recent &* Self.multipliers.3) }
            return found
        }

        @inline(__always)
        private mutating func set(_ found: inout Int, _ hash: UInt64) {
            let row = Int(truncatingIfNeeded: hash >> shift)
            switch found {
            case 0: rows.0 = row
            case 1: rows.1 = row
            case 2: rows.2 = row
            case 3: rows.3 = row
            default: rows.4 = row
            }
            found += 1
        }

        /// The row of the `k`th feature of the last push.
        @inline(__always)
        func row(_ k: Int) -> Int {
            switch k {
            case 0: rows.0
            case 1: rows.1
            case 2: rows.2
            case 3: rows.3
            default: rows.4
            }
        }

        private static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325
        private static let prime: UInt64 = 0x0000_0100_0000_01B3
        /// Odd multipliers per order (1–4) and for words (Fibonacci hashing: the top bits are kept).
        private static let multipliers: (UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0xD6E8_FEB8_6659_FD93, 0xFF51_AFD7_ED55_8CCD)
    }
}
