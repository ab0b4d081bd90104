/// What the tagger knows about one token on its own, computed once from its UTF-8 bytes.
///
/// Every string-valued attribute (the word, its shape, its affixes) is kept as a hash; the feature
/// templates combine these hashes with template numbers, so extracting features allocates nothing.
struct TokenAttributes {
    /// Hash of the token as written.
    var raw: UInt64 = FeatureHash.empty
    /// Hash of the lowercased token.
    var lower: UInt64 = FeatureHash.empty
    /// Hash of the lowercased token without diacritics, curly apostrophes made straight.
    var folded: UInt64 = FeatureHash.empty
    /// Hash of the folded token with every digit made `0`: the form word classes are learnt on.
    var norm: UInt64 = FeatureHash.empty
    /// Hash of the word shape: `Xxxxx`, `XX`, `dd.dd`, capped at ``shapeLimit`` scalars.
    var shape: UInt64 = FeatureHash.empty
    /// Hash of the shape with repeated classes collapsed: `Xx`, `X`, `d.d`.
    var shortShape: UInt64 = FeatureHash.empty
    /// Hashes of the lowercased prefixes of 1...``affixLength`` scalars (empty hash past the end).
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Hashes of the lowercased suffixes of 1...``affixLength`` scalars.
    var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Number of scalars.
    var length: Int = 0
    /// Boolean properties, see ``Flag``.
    var flags: Flag = []

    /// Boolean properties of a token.
    struct Flag: OptionSet {
        let rawValue: UInt16
        /// Starts with an uppercase letter.
        static let capitalized = Flag(rawValue: 1 << 0)
        /// Has at least two letters, all uppercase.
        static let allCaps = Flag(rawValue: 1 << 1)
        /// Contains a digit.
        static let hasDigit = Flag(rawValue: 1 << 2)
        /// Has no letter and no digit.
        static let punctuation = Flag(rawValue: 1 << 3)
        /// Contains a hyphen.
        static let hasHyphen = Flag(rawValue: 1 << 4)
        /// Has an uppercase letter after a lowercase one (`McDonald`, `iPhone`).
        static let innerCap = Flag(rawValue: 1 << 5)
        /// Ends with a period (`M.`, `J.`).
        static let endsWithPeriod = Flag(rawValue: 1 << 6)
        /// Ends with an apostrophe (`l'`, `d’`).
        static let elision = Flag(rawValue: 1 << 7)
        /// Has at least one letter.
        static let hasLetter = Flag(rawValue: 1 << 8)
        /// Is one punctuation mark after which a capital is expected: a sentence end, a quote, a
        /// dash, a colon (`.`, `«`, `—`, `:`).
        static let opener = Flag(rawValue: 1 << 9)
        /// Contains a space (`100 000` with a no-break space), which gazetteer matching ignores.
        static let hasSpace = Flag(rawValue: 1 << 10)
    }

    /// How many scalars of a word the shape describes.
    static let shapeLimit = 10
    /// The longest prefix and suffix used as features.
    static let affixLength = 4

    /// Analyses the token at `range` of `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        var raw = FeatureHash.empty, lower = FeatureHash.empty, folded = FeatureHash.empty, norm = FeatureHash.empty
        var shape = FeatureHash.empty, shortShape = FeatureHash.empty
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        // The last four lowercase scalars, most recent in `last0`.
        var last0: UInt32 = 0, last1: UInt32 = 0, last2: UInt32 = 0, last3: UInt32 = 0
        var count = 0, letters = 0, uppers = 0
        var flags: Flag = []
        var previousClass: UInt32 = 0
        var previousWasLower = false
        var lastScalar: UInt32 = 0
        var iterator = UTF8ScalarIterator(bytes, range)
        // While the token as written, lowercased, folded and normalised is the same so far (`paris`,
        // `de`), one hash serves for the four.
        var same = true
        while let s = iterator.next() {
            let l = ScalarFolding.lower(s)
            let f = ScalarFolding.fold(s)
            let n = ScalarFolding.isDigit(f) ? 0x30 : f
            if same && s == f && l == f && n == f {
                raw = FeatureHash.extend(raw, s)
                lower = raw
                folded = raw
                norm = raw
            } else {
                same = false
                raw = FeatureHash.extend(raw, s)
                lower = FeatureHash.extend(lower, l)
                folded = FeatureHash.extend(folded, f)
                norm = FeatureHash.extend(norm, n)
                if f == 0x6F && l == 0x153 {  // œ → oe
                    folded = FeatureHash.extend(folded, 0x65)
                    norm = FeatureHash.extend(norm, 0x65)
                }
            }
            let shapeClass: UInt32
            if ScalarFolding.isLetter(s) {
                letters += 1
                flags.insert(.hasLetter)
                if l != s {
                    uppers += 1
                    shapeClass = 0x58  // X
                    if count == 0 { flags.insert(.capitalized) }
                    if previousWasLower { flags.insert(.innerCap) }
                    previousWasLower = false
                } else {
                    shapeClass = 0x78  // x
                    previousWasLower = true
                }
            } else if ScalarFolding.isDigit(s) {
                flags.insert(.hasDigit)
                shapeClass = 0x64  // d
                previousWasLower = false
            } else {
                if s == 0x2D || s == 0x2010 || s == 0x2011 { flags.insert(.hasHyphen) }
                if s == 0x20 || s == 0x09 || s == 0xA0 || s == 0x202F { flags.insert(.hasSpace) }
                shapeClass = f < 0x80 ? f : 0x2A
                previousWasLower = false
            }
            if count < Self.shapeLimit { shape = FeatureHash.extend(shape, shapeClass) }
            if shapeClass != previousClass { shortShape = FeatureHash.extend(shortShape, shapeClass) }
            previousClass = shapeClass
            count += 1
            switch count {
            case 1: prefixes.0 = lower
            case 2: prefixes.1 = lower
            case 3: prefixes.2 = lower
            case 4: prefixes.3 = lower
            default: break
            }
            last3 = last2; last2 = last1; last1 = last0; last0 = l
            lastScalar = f
        }
        if letters == 0 && !flags.contains(.hasDigit) { flags.insert(.punctuation) }
        if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
        if lastScalar == 0x2E && count > 1 { flags.insert(.endsWithPeriod) }
        if lastScalar == 0x27 && count > 1 { flags.insert(.elision) }
        if count == 1 && Self.isOpener(lastScalar) { flags.insert(.opener) }
        var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if count >= 1 { suffixes.0 = FeatureHash.extend(FeatureHash.empty, last0) }
        if count >= 2 { suffixes.1 = FeatureHash.extend(FeatureHash.extend(FeatureHash.empty, last1), last0) }
        if count >= 3 { suffixes.2 = FeatureHash.extend(FeatureHash.extend(FeatureHash.extend(FeatureHash.empty, last2), last1), last0) }
        if count >= 4 {
            suffixes.3 = FeatureHash.extend(FeatureHash.extend(FeatureHash.extend(FeatureHash.extend(
                FeatureHash.empty, last3), last2), last1), last0)
        }
        self.raw = raw
        self.lower = lower
        self.folded = folded
        self.norm = norm
        self.shape = shape
        self.shortShape = shortShape
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.length = count
        self.flags = flags
    }

    init() {}

    /// `. ! ? : « " “ — – - … ( • * ‹ ;`
    @inline(__always)
    private static func isOpener(_ s: UInt32) -> Bool {
        switch s {
        case 0x2E, 0x21, 0x3F, 0x3A, 0x22, 0x2D, 0x28, 0x2A, 0x3B, 0xAB, 0x201C, 0x2014, 0x2013, 0x2026, 0x2022, 0x2039: true
        default: false
        }
    }

    /// The attributes of the virtual token before the first and after the last one of a sentence.
    static func boundary(_ marker: UInt64) -> TokenAttributes {
        var a = TokenAttributes()
        a.raw = marker
        a.lower = marker
        a.folded = marker
        a.norm = marker
        a.shape = marker
        a.shortShape = marker
        return a
    }
}
