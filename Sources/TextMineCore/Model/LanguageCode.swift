/// A language, as the primary subtag of a BCP-47 tag: `fr`, `en`, `de`, or `und` (undetermined).
///
/// The one place where language codes are normalised: every stage, pack, model and pipeline field
/// reads, compares and defaults languages through this type, so `fr-FR`, `fr_FR`, `FR`, ` fr ` and
/// the ISO 639-2 forms `fra`/`fre` all mean `fr`.
///
/// ```swift
/// LanguageCode("fr-FR")          // fr
/// LanguageCode("en_GB")          // en
/// LanguageCode("french")         // nil: not a code
/// let code: LanguageCode = "de"  // literals are checked when the program runs
/// ```
public struct LanguageCode: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The normalised code: two or three lowercase ASCII letters.
    public let code: String

    /// `und`: the language could not be determined (ISO 639-2's code for it).
    public static let undetermined = LanguageCode(uncheckedCode: "und")

    /// Normalises a language tag: its primary subtag (before `-` or `_`; the first tag of a list such
    /// as `fr, en`), lower-cased, with the
    /// ISO 639-2 codes of languages that have a two-letter code mapped to it (`fra` → `fr`).
    /// Returns nil when the tag does not start with two or three ASCII letters (`french`, `auto`, ``).
    public init?(_ tag: some StringProtocol) {
        var letters: [UInt8] = []
        scan: for byte in tag.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if letters.isEmpty { continue scan }
                break scan
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: ";"):
                break scan
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard letters.count < 3 else { return nil }
                letters.append(byte | 0x20)
            default:
                return nil
            }
        }
        guard letters.count >= 2 else { return nil }
        let code = String(decoding: letters, as: UTF8.self)
        self.code = Self.twoLetterCodes[code] ?? code
    }

    /// A code from a literal; the literal must be a valid tag (a programming error otherwise).
    public init(stringLiteral value: String) {
        guard let code = LanguageCode(value) else { preconditionFailure("'\(value)' is not a language code") }
        self = code
    }

    private init(uncheckedCode: String) { code = uncheckedCode }

    /// Whether this is ``undetermined``.
    public var isUndetermined: Bool { code == "und" }

    public var description: String { code }

    public static func < (a: LanguageCode, b: LanguageCode) -> Bool { a.code < b.code }

    /// ISO 639-2 (bibliographic and terminology) codes of common languages, to their ISO 639-1 code.
    private static let twoLetterCodes: [String: String] = [
        "fra": "fr", "fre": "fr", "eng": "en", "deu": "de", "ger": "de", "spa": "es", "ita": "it",
        "nld": "nl", "dut": "nl", "por": "pt", "pol": "pl", "rus": "ru", "ara": "ar", "zho": "zh",
        "chi": "zh", "jpn": "ja", "tur": "tr", "ell": "el", "gre": "el", "fin": "fi", "swe": "sv",
        "dan": "da", "nor": "no", "ces": "cs", "cze": "cs", "ukr": "uk", "ron": "ro", "rum": "ro",
    ]
}

// MARK: - Codable

extension LanguageCode: Codable {
    /// Decodes a tag, normalising it; a string that is no language code is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let tag = try container.decode(String.self)
        guard let code = LanguageCode(tag) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(tag)' is not a language code")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
