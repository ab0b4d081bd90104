import Foundation
import TextMineCore

/// Puts text in Unicode Normalization Form C (`e` + U+0301 → `é`), so that equal words have equal
/// bytes for every later matcher.
///
/// Only the few places that hold a combining mark are normalised; text that is already NFC (nearly
/// all of it) is scanned once and left alone.
struct CanonicalComposition: CleaningStep {
    func collectEdits(in text: ScalarText, into edits: inout [TextEdit]) {
        let bytes = text.utf8
        var index = 0
        var starter = 0  // byte offset of the last scalar with combining class 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0xCC {  // below U+0300 nothing combines
                if byte & 0xC0 != 0x80 { starter = index }
                index += 1
                continue
            }
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            guard let scalar = Unicode.Scalar(value), Self.mayCompose(scalar) else {
                if bytes[index] & 0xC0 != 0x80 { starter = index }
                index += length
                continue
            }
            var end = index + length
            while end < bytes.count {
                let (next, nextLength) = UTF8Decoding.scalar(in: bytes, at: end)
                guard let nextScalar = Unicode.Scalar(next), Self.mayCompose(nextScalar) else { break }
                end += nextLength
            }
            let original = text.string(bytes: starter..<end)
            let composed = original.precomposedStringWithCanonicalMapping
            if !composed.unicodeScalars.elementsEqual(original.unicodeScalars) {
                edits.append(TextEdit(span: text.span(ofBytes: starter..<end), replacement: composed))
            }
            index = end
            starter = end
        }
    }

    /// Whether a scalar may change under NFC: combining marks and Hangul vowel/trailing jamo.
    @inline(__always)
    private static func mayCompose(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass != .notReordered
            || (0x1161...0x11C2).contains(scalar.value)
            || (0x3099...0x309A).contains(scalar.value)
    }
}
