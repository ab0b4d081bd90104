import Foundation
import TextMineCore

/// Puts text in Unicode Normalization Form C (`e` + U+0301 → `é`), so that equal words have equal
/// bytes for every later matcher.
///
/// Only the few places that hold a combining mark are normalised; text that is already NFC (nearly
/// all of it) is scanned once and left alone.
struct CanonicalComposition: CleaningStep {
    /// Below U+0300 (lead byte 0xCC) nothing combines.
    func isTrigger(_ byte: UInt8) -> Bool { byte >= 0xCC && byte <= 0xF4 }

    func take(_ text: ScalarText, at index: Int, floor: Int, into edits: inout [TextEdit]) -> Int? {
        let bytes = text.utf8
        let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
        guard Self.mayCompose(value) else { return nil }
        // Back to the base character (the last scalar before that does not combine).
        var starter = index
        while starter > floor {
            let previous = UTF8Decoding.previousScalarStart(in: bytes, before: starter)
            guard previous >= floor else { break }
            starter = previous
            if !Self.mayCompose(UTF8Decoding.scalar(in: bytes, at: previous).value) { break }
        }
        var end = index + length
        while end < bytes.count {
            let (next, nextLength) = UTF8Decoding.scalar(in: bytes, at: end)
            guard Self.mayCompose(next) else { break }
            end += nextLength
        }
        let original = text.string(bytes: starter..<end)
        let composed = original.precomposedStringWithCanonicalMapping
        if !composed.unicodeScalars.elementsEqual(original.unicodeScalars) {
            edits.append(TextEdit(span: text.span(ofBytes: starter..<end), replacement: composed))
        }
        return end
    }

    /// Whether a scalar may change under NFC: combining marks and Hangul vowel/trailing jamo.
    @inline(__always)
    private static func mayCompose(_ value: UInt32) -> Bool {
        if value < 0x300 || (value >= 0x2000 && value < 0x20D0) { return false }  // punctuation, currency
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.canonicalCombiningClass != .notReordered
            || (0x1161...0x11C2).contains(value)
            || (0x3099...0x309A).contains(value)
    }
}
