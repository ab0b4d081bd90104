/// Writes a `Double` as the shortest decimal text that reads back as the same value, byte for byte
/// what Swift's `description` gives (`0.1`, `2.56`, `1.0000000000000002`, `0.0001`, `1.5e-05`), but
/// straight into a byte buffer: no `String` is made. JSON output writes hundreds of scores and
/// features per article, so this is on the hot path.
///
/// The digits are found with exact integer arithmetic. With `x = m·2^e` (`m` the 53-bit
/// significand), the values that round to `x` lie between the midpoints to its neighbours; scaled
/// by `10^p` (chosen so that `x·10^p` has 18 or 19 digits before the point), these bounds are
/// computed exactly as `(4m ± 2)·5^p / 2^(2 - e - p)` in 128 bits. The shortest decimal is the
/// coarsest power of ten with a multiple between the two bounds (a midpoint itself counts when
/// `m` is even, as round-half-even reads it back to `x`), and among the multiples there, the one
/// nearest `x`. Swift's `description` gives the same (shortest, then nearest) digits; the tests
/// compare both on a million values.
///
/// Handled: finite non-zero values from about 1e-10 to 2^53 in magnitude, which is every score and
/// feature TextMine writes. Others (zero, whole numbers from 2^53, tiny values, NaN, infinity),
/// and a value exactly halfway between two shortest candidates (which the analysis says cannot
/// happen in this range), give `nil`, and callers fall back to `description`.
enum ShortestDouble {
    /// The longest text written: a sign, `0.`, three zeros and 17 digits, or `-d.` 16 digits and `e-10`.
    static let maximumLength = 32

    /// Writes `value`'s shortest text at `target` (room for ``maximumLength`` bytes) and returns
    /// the number of bytes, or `nil` for a value outside the handled range.
    static func write(_ value: Double, to target: UnsafeMutablePointer<UInt8>) -> Int? {
        let biasedExponent = Int(value.exponentBitPattern)
        // Zero, subnormals, NaN and infinity are not handled.
        guard biasedExponent != 0, biasedExponent != 0x7FF else { return nil }
        let exponent2 = biasedExponent - 1023  // x in [2^exponent2, 2^(exponent2 + 1))
        guard exponent2 < 53 else { return nil }
        // p: x·10^p has 18 or 19 digits before the point, and fits in 64 bits.
        let p = 17 - ((exponent2 &* 78_913) >> 18)  // floor(exponent2·log10 2) for this range
        guard p <= 27 else { return nil }  // 5^p must fit in 64 bits
        let significand = value.significandBitPattern | (1 << 52)
        // The bounds in units of 2^(e - 2), e = exponent2 - 52: 4m - 2 (4m - 1 below a power of
        // two, where the gap to the lower neighbour is half), 4m, 4m + 2.
        let lowerGap: UInt64 = value.significandBitPattern == 0 && biasedExponent > 1 ? 1 : 2
        // Divided by 2^s, s = 2 - e; times 10^p = 5^p·2^p: a right shift by s - p.
        let shift = 54 - exponent2 - p
        let five = powerOfFive(p)
        let inclusive = significand & 1 == 0
        let low = scaled(4 &* significand &- lowerGap, times: five, shift: shift)
        let high = scaled(4 &* significand &+ 2, times: five, shift: shift)
        let exact = scaled(4 &* significand, times: five, shift: shift)
        // The candidates on the 10^-p grid: [lowest, highest].
        var lowest = low.whole &+ (low.fraction != 0 || !inclusive ? 1 : 0)
        var highest = high.fraction == 0 && !inclusive ? high.whole &- 1 : high.whole
        // Coarsen the grid while a multiple of the next power of ten stays in range. The interval
        // holds at least `highest - lowest + 1` consecutive integers, so a multiple of the largest
        // power of ten not above its width is certainly there: start from it.
        var k = 0
        let width = highest &- lowest
        while k < 18, powerOfTen(k + 1) <= width { k += 1 }
        if k > 0 {
            let unit = powerOfTen(k)
            lowest = (lowest &+ unit &- 1) / unit
            highest /= unit
        }
        while k < 18 {
            let nextLowest = (lowest &+ 9) / 10
            let nextHighest = highest / 10
            guard nextLowest <= nextHighest else { break }
            lowest = nextLowest
            highest = nextHighest
            k += 1
        }
        // The multiple of 10^k nearest x: x·10^p / 10^k rounded (halfway cannot happen here).
        let unit = powerOfTen(k)
        var digits = exact.whole / unit
        let remainder = exact.whole &- digits &* unit
        let roundsUp: Bool
        if k == 0 {
            guard shift > 0 else { return nil }  // exact.fraction is 0: x·10^p is whole, no rounding
            let half: UInt64 = 1 << (shift - 1)
            guard exact.fraction != half else { return nil }
            roundsUp = exact.fraction > half
        } else {
            let half = unit / 2
            guard remainder != half || exact.fraction != 0 else { return nil }
            roundsUp = remainder >= half
        }
        if roundsUp { digits &+= 1 }
        digits = min(max(digits, lowest), highest)
        return format(digits: digits, exponent10: k - p, negative: value.sign == .minus, to: target)
    }

    /// `value·five / 2^shift` as its whole part and the bits below the point (`shift` < 64).
    @inline(__always)
    private static func scaled(_ value: UInt64, times five: UInt64, shift: Int) -> (whole: UInt64, fraction: UInt64) {
        let (high, low) = value.multipliedFullWidth(by: five)
        if shift == 0 { return (low, 0) }
        let whole = (high << (64 - shift)) | (low >> shift)
        return (whole, low & ((1 << shift) &- 1))
    }

    /// Writes `digits·10^exponent10` as `description` does: plain decimals from 1e-4 up, with `.0`
    /// for a whole number; below 1e-4, `d.ddde-05`.
    private static func format(digits: UInt64, exponent10: Int, negative: Bool, to target: UnsafeMutablePointer<UInt8>) -> Int? {
        // The digits, most significant first, written two at a time from the right.
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes
        return withUnsafeMutableBytes(of: &scratch) { raw -> Int? in
            let text = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let pairs = digitPairs.utf8Start
            var end = 24
            var rest = digits
            while rest >= 100 {
                let pair = Int(truncatingIfNeeded: rest % 100) &* 2
                rest /= 100
                end &-= 2
                text[end] = pairs[pair]
                text[end &+ 1] = pairs[pair &+ 1]
            }
            if rest >= 10 {
                let pair = Int(truncatingIfNeeded: rest) &* 2
                end &-= 2
                text[end] = pairs[pair]
                text[end &+ 1] = pairs[pair &+ 1]
            } else {
                end &-= 1
                text[end] = UInt8(truncatingIfNeeded: rest) &+ 0x30
            }
            let count = 24 &- end
            let first = text + end
            let leading = count &- 1 &+ exponent10  // the decimal exponent of the first digit
            guard leading < 16 else { return nil }
            var length = 0
            if negative {
                target[0] = 0x2D
                length = 1
            }
            @inline(__always)
            func copy(_ from: Int, _ to: Int) {
                var index = from
                while index < to {
                    target[length] = first[index]
                    length &+= 1
                    index &+= 1
                }
            }
            @inline(__always)
            func put(_ byte: UInt8) {
                target[length] = byte
                length &+= 1
            }
            if leading < -4 {
                put(first[0])
                if count > 1 {
                    put(0x2E)
                    copy(1, count)
                }
                put(0x65)
                put(0x2D)
                let magnitude = -leading
                if magnitude >= 100 { put(UInt8(truncatingIfNeeded: magnitude / 100) &+ 0x30) }
                put(UInt8(truncatingIfNeeded: magnitude / 10 % 10) &+ 0x30)
                put(UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30)
            } else if leading < 0 {
                put(0x30)
                put(0x2E)
                for _ in 0..<(-leading &- 1) { put(0x30) }
                copy(0, count)
            } else {
                let wholeDigits = leading &+ 1
                copy(0, min(wholeDigits, count))
                if count <= wholeDigits {
                    for _ in 0..<(wholeDigits &- count) { put(0x30) }
                    put(0x2E)
                    put(0x30)
                } else {
                    put(0x2E)
                    copy(wholeDigits, count)
                }
            }
            return length
        }
    }

    /// "00", "01", … "99".
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// 5^p for p in 0…27 (a switch of constants: a table in the binary, no lazy global).
    @inline(__always)
    private static func powerOfFive(_ p: Int) -> UInt64 {
        switch p {
        case 0: 1
        case 1: 5
        case 2: 25
        case 3: 125
        case 4: 625
        case 5: 3_125
        case 6: 15_625
        case 7: 78_125
        case 8: 390_625
        case 9: 1_953_125
        case 10: 9_765_625
        case 11: 48_828_125
        case 12: 244_140_625
        case 13: 1_220_703_125
        case 14: 6_103_515_625
        case 15: 30_517_578_125
        case 16: 152_587_890_625
        case 17: 762_939_453_125
        case 18: 3_814_697_265_625
        case 19: 19_073_486_328_125
        case 20: 95_367_431_640_625
        case 21: 476_837_158_203_125
        case 22: 2_384_185_791_015_625
        case 23: 11_920_928_955_078_125
        case 24: 59_604_644_775_390_625
        case 25: 298_023_223_876_953_125
        case 26: 1_490_116_119_384_765_625
        default: 7_450_580_596_923_828_125
        }
    }

    /// 10^k for k in 0…19.
    @inline(__always)
    private static func powerOfTen(_ k: Int) -> UInt64 {
        switch k {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }
}
