import Foundation
import Testing
@testable import TextMineStages

@Suite("extract stage: white space trimming of metadata values")
struct WhitespaceTrimmingTests {
    @Test("trims what Foundation's whitespacesAndNewlines trims, scalar by scalar")
    func matchesFoundation() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let padding = String(Character(scalar))
            for text in [padding + "a b" + padding, padding + padding, "a" + padding + "b", padding + "\u{301}x"] {
                #expect(WhitespaceTrimming.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(value, radix: 16))")
            }
        }
    }
}
