/// The text a language model reads: Unicode scalars, lower-cased, with every run of non-letters
/// (spaces, digits, punctuation, symbols) reduced to one space, so that `Paris, 2023.` and
/// `paris` share their n-grams. Training and identification read text through this one reader.
///
/// It decodes UTF-8 bytes directly, without `Character` or `String` work; invalid bytes count as
/// separators. The text starts and ends with a space, so that its first and last words have their
/// boundaries.
struct TextUnits {
    /// The separator unit: word boundaries take part in n-grams (` th`, `he `), as in langid.py.
    static let space: UInt32 = 0x20

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var lastWasSpace = false
    private var finished = false
    /// Letters read so far.
    private(set) var letters = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next unit: a lower-cased letter (or mark), or one ``space`` for each run of other scalars.
    @inline(__always)
    mutating func next() -> UInt32? {
        while index < bytes.count {
            let lead = bytes[index]
            let unit: UInt32
            if lead < 0x80 {
                index += 1
                let folded = lead | 0x20
                unit = folded >= 0x61 && folded <= 0x7A ? UInt32(folded) : Self.space
            } else {
                unit = Self.fold(decode(lead))
            }
            if unit != Self.space {
                letters += 1
                lastWasSpace = false
                return unit
            }
            if !lastWasSpace {
                lastWasSpace = true
                return Self.space
            }
        }
        if finished { return nil }
        finished = true
        if lastWasSpace { return nil }
        lastWasSpace = true
        return Self.space
    }

    /// The scalar starting with `lead` (not ASCII) at `index`, which moves past it; 0 when invalid.
    @inline(__always)
    private mutating func decode(_ lead: UInt8) -> UInt32 {
        let count = bytes.count
        if lead >= 0xC2, lead < 0xE0, index + 1 < count {
            defer { index += 2 }
            return UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        }
        if lead >= 0xE0, lead < 0xF0, index + 2 < count {
            defer { index += 3 }
            return UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        }
        if lead >= 0xF0, lead < 0xF5, index + 3 < count {
            defer { index += 4 }
            return UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
        index += 1
        return 0
    }

    /// A non-ASCII scalar lower-cased (Latin-1, Latin Extended-A, Greek, Cyrillic), or ``space``
    /// for separators: Latin-1 punctuation and symbols, general punctuation, currency and other
    /// symbols, spaces and controls.
    @inline(__always)
    static func fold(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0..<0xC0: return space  // controls, NBSP, « », ¿, °, ©…
        case 0xD7, 0xF7: return space  // × ÷
        case 0xC0...0xDE: return scalar + 0x20
        case 0x100...0x137, 0x14A...0x177: return scalar | 1
        case 0x139...0x148, 0x179...0x17E: return scalar & 1 == 1 ? scalar + 1 : scalar
        case 0x391...0x3A9: return scalar + 0x20  // Greek capitals
        case 0x400...0x40F: return scalar + 0x50  // Cyrillic Ѐ–Џ
        case 0x410...0x42F: return scalar + 0x20  // Cyrillic А–Я
        case 0x2000...0x2BFF: return space  // general punctuation, symbols, arrows, dingbats
        case 0x3000...0x303F: return space  // CJK punctuation
        case 0xFE00...0xFE0F, 0xFEFF, 0xFFF0...0xFFFF: return space
        case 0x1F000...0x1FAFF: return space  // emoji and pictographs
        default: return scalar
        }
    }
}
