import Testing
@testable import TextMineCore

@Suite("ShortestDouble")
struct ShortestDoubleTests {
    /// The formatter's text, or nil when it leaves the value to `description`.
    static func text(_ value: Double) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ShortestDouble.maximumLength) { buffer in
            ShortestDouble.write(value, to: buffer.baseAddress!).map { String(decoding: buffer[..<$0], as: UTF8.self) }
        }
    }

    /// Checks every value the formatter handles against `description`, and counts how many it handles.
    static func compare(_ values: some Sequence<Double>) -> (handled: Int, mismatches: [String]) {
        var handled = 0
        var mismatches: [String] = []
        for value in values {
            guard let text = text(value) else { continue }
            handled += 1
            if text != value.description, mismatches.count < 10 {
                mismatches.append("\(value.description) (bits \(String(value.bitPattern, radix: 16))): \(text)")
            }
        }
        return (handled, mismatches)
    }

    @Test("hand-picked values: formats, exponents, neighbours of powers of two and ten")
    func edgeCases() {
        let named: [Double] = [
            0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 2.56, 100.25, 1.0000000000000002, 0.9999999999999999, 0.5, 0.25, 0.125,
            0.0001, 0.00012345, 0.00009999, 1.5e-5, 1e-5, 1e-7, 1.2345678901234567e-9, 1e-10, 0.047619047619047616,
            0.5580993072104093, 1.6951834056017814, 1.0000000000000002, 123456789012345.6, 1e15 + 0.5,
            4503599627370495.5, 2251799813685247.75, 9007199254740991, -0.1, -2.764116642761117, -1e-7, .pi, -.pi,
            2.718281828459045, 1.7976931348623157e308, .leastNonzeroMagnitude, 2.2250738585072014e-308, 0, -0.0, .infinity, .nan,
        ]
        var values = named
        // Neighbours of every power of two and of ten in the handled range and around its ends.
        for exponent in -40...56 {
            let power = Double(sign: .plus, exponent: exponent, significand: 1)
            values += [power, power.nextUp, power.nextDown, power.nextUp.nextUp, power.nextDown.nextDown, -power]
        }
        var ten = 1e-12
        for _ in 0...30 {
            values += [ten, ten.nextUp, ten.nextDown, 3 * ten, 7 * ten, 9.999999999999999 * ten]
            ten *= 10
        }
        let result = Self.compare(values)
        #expect(result.mismatches.isEmpty, "\(result.mismatches)")
        #expect(result.handled > values.count / 2)
        for value in [0.1, 2.56, 0.0001, 1.5e-5, 1e15 + 0.5, -0.1, 1.0 / 3] {
            #expect(Self.text(value) == value.description, "\(value) is handled and right")
        }
        for value in [0, -0.0, .infinity, .nan, 1e300, 9007199254740994, .leastNonzeroMagnitude] as [Double] {
            #expect(Self.text(value) == nil, "\(value) is left to description")
        }
    }

    @Test("a million values: random bits, fractions, short decimals and the kinds of scores TextMine writes")
    func manyValues() {
        var random = SplitMix(seed: 0x7E87_1213)
        var values: [Double] = []
        values.reserveCapacity(1_000_000)
        // Random bit patterns with the exponent drawn over the handled range and a bit beyond it.
        for _ in 0..<400_000 {
            let exponent = UInt64(Int.random(in: (1023 - 40)...(1023 + 55), using: &random))
            let bits = (random.next() & 0x800F_FFFF_FFFF_FFFF) | (exponent << 52)
            values.append(Double(bitPattern: bits))
        }
        // Uniform in [0, 1) and its logarithms (feature-like values), ratios of small integers.
        for _ in 0..<200_000 {
            let uniform = Double.random(in: 0..<1, using: &random)
            values.append(uniform)
            values.append(-2.5 * uniform.squareRoot() + 0.3)
        }
        for numerator in 1...300 {
            for denominator in 1...300 { values.append(Double(numerator) / Double(denominator)) }
        }
        // Short decimals read from text: d.ddd × 10^n for a few digits (the shortest is the text).
        for _ in 0..<110_000 {
            let digits = Double(Int.random(in: 1...9_999_999, using: &random))
            values.append(digits * pow10(Int.random(in: -12...8, using: &random)))
        }
        let result = Self.compare(values)
        #expect(result.mismatches.isEmpty, "\(result.mismatches)")
        #expect(result.handled > values.count * 9 / 10, "handled \(result.handled) of \(values.count)")
    }

    private func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }
}
