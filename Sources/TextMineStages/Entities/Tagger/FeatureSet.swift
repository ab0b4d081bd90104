/// The feature templates of the tagger: which properties of a token and its neighbours the weights
/// are learnt for.
///
/// Features are hashed into `1 << rowBits` rows of the weight table (collisions are rare enough
/// not to matter at the sizes used). A model records ``signature``; a model trained with other
/// templates is refused at load time instead of giving silently wrong tags.
struct FeatureSet: Sendable {
    /// Names the templates and the hashing; bump the version whenever either changes.
    static let signature = "tmner-features/1: bias word lower fold ctx±2 bigrams shapes affixes1-4 flags gazetteer±1 titles lowercase-vocabulary"

    /// log2 of the number of weight rows.
    let rowBits: Int
    /// Names used as features and for matching.
    let gazetteer: Gazetteer
    /// Hashes (``TokenAttributes/lower``) of words that are usually written in lowercase: a
    /// capitalised token whose lowercase form is one of them is probably a sentence-initial word.
    let lowercaseVocabulary: Set<UInt64>
    /// The same, for fast lookups.
    private let vocabularyTable: HashedKeyTable

    init(rowBits: Int, gazetteer: Gazetteer, lowercaseVocabulary: Set<UInt64>) {
        self.rowBits = rowBits
        self.gazetteer = gazetteer
        self.lowercaseVocabulary = lowercaseVocabulary
        var table = HashedKeyTable(capacity: lowercaseVocabulary.count)
        for hash in lowercaseVocabulary { table.insert(hash) }
        self.vocabularyTable = table
    }

    /// Whether a word (its ``TokenAttributes/lower`` hash) is usually written in lowercase.
    @inline(__always)
    func isLowercaseWord(_ lower: UInt64) -> Bool { vocabularyTable.contains(lower) }

    /// Reusable buffers for one sentence's features.
    struct Buffer {
        /// Row indices of every token's features, token after token.
        var rows: [Int32] = []
        /// Where each token's features start in `rows`; one more entry than tokens.
        var starts: [Int] = [0]
        fileprivate var attributes: [TokenAttributes] = []
        fileprivate var marks: [(begin: UInt8, inside: UInt8)] = []

        init() {}

        /// The number of tokens.
        var count: Int { starts.count - 1 }
    }

    private enum Template: UInt64 {
        case bias = 1, raw, lower, folded, lowerPrev, lowerNext, lowerPrev2, lowerNext2
        case bigramPrev, bigramNext, shape, shortShapePrevCur, shortShapeCurNext, shortShapePrev, shortShapeNext
        case prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
        case casing, gazetteerHere, gazetteerPrev, gazetteerNext, gazetteerCased, lengthCased, rawPrev
        case lowerPrevShape, lowerNextShape, casingPrev, casingNext, suffix3Prev, gazetteerPrev2
    }

    private static let before = TokenAttributes.boundary(0x5E5E)
    private static let before2 = TokenAttributes.boundary(0x5E5E5E)
    private static let after = TokenAttributes.boundary(0x2424)
    private static let after2 = TokenAttributes.boundary(0x242424)

    /// Computes the features of the tokens at `ranges` (byte ranges of `bytes`), one sentence.
    func extract(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, into buffer: inout Buffer) {
        let n = ranges.count
        buffer.attributes.removeAll(keepingCapacity: true)
        for range in ranges { buffer.attributes.append(TokenAttributes(bytes: bytes, range: range)) }
        gazetteer.annotate(bytes: bytes, ranges: ranges, into: &buffer.marks)
        var rows = buffer.rows, starts = buffer.starts
        buffer.rows = []
        buffer.starts = []
        defer {
            buffer.rows = rows
            buffer.starts = starts
        }
        rows.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        let shift = UInt64(64 - rowBits)
        buffer.attributes.withUnsafeBufferPointer { attributes in
            buffer.marks.withUnsafeBufferPointer { marks in
                func at(_ i: Int) -> TokenAttributes {
                    i < 0 ? (i == -1 ? Self.before : Self.before2) : i >= n ? (i == n ? Self.after : Self.after2) : attributes[i]
                }
                func casing(_ i: Int) -> UInt64 {
                    guard i >= 0 && i < n else { return 0xB0 }
                    let a = attributes[i]
                    var code = UInt64(a.flags.intersection([.capitalized, .allCaps, .hasDigit, .punctuation, .innerCap, .endsWithPeriod, .elision]).rawValue)
                    if Self.isInitial(i, attributes) { code |= 1 << 10 }
                    if a.flags.contains(.capitalized) && vocabularyTable.contains(a.lower) { code |= 1 << 11 }
                    return code
                }
                for i in 0..<n {
                    let cur = attributes[i], prev = at(i - 1), next = at(i + 1), prev2 = at(i - 2), next2 = at(i + 2)
                    @inline(__always) func add(_ hash: UInt64) { rows.append(Int32(truncatingIfNeeded: hash >> shift)) }
                    @inline(__always) func add(_ t: Template, _ v: UInt64) { add(FeatureHash.feature(t.rawValue, v)) }
                    @inline(__always) func add(_ t: Template, _ a: UInt64, _ b: UInt64) { add(FeatureHash.feature(t.rawValue, a, b)) }
                    let cased = casing(i)
                    add(.bias, 0)
                    add(.raw, cur.raw)
                    add(.lower, cur.lower)
                    add(.folded, cur.folded)
                    add(.lowerPrev, prev.lower)
                    add(.lowerNext, next.lower)
                    add(.lowerPrev2, prev2.lower)
                    add(.lowerNext2, next2.lower)
                    add(.bigramPrev, prev.lower, cur.lower)
                    add(.bigramNext, cur.lower, next.lower)
                    add(.shape, cur.shape)
                    add(.shortShapePrevCur, prev.shortShape, cur.shortShape)
                    add(.shortShapeCurNext, cur.shortShape, next.shortShape)
                    add(.shortShapePrev, prev.shortShape)
                    add(.shortShapeNext, next.shortShape)
                    if cur.length >= 2 {
                        add(.prefix1, cur.prefixes.0)
                        add(.prefix2, cur.prefixes.1)
                        add(.suffix1, cur.suffixes.0)
                        add(.suffix2, cur.suffixes.1)
                    }
                    if cur.length >= 4 {
                        add(.prefix3, cur.prefixes.2)
                        add(.suffix3, cur.suffixes.2)
                    }
                    if cur.length >= 5 {
                        add(.prefix4, cur.prefixes.3)
                        add(.suffix4, cur.suffixes.3)
                    }
                    add(.casing, cased)
                    add(.casingPrev, casing(i - 1), cased)
                    add(.casingNext, cased, casing(i + 1))
                    add(.lengthCased, UInt64(min(cur.length, 12)), cased)
                    add(.rawPrev, prev.raw)
                    add(.lowerPrevShape, prev.lower, cur.shortShape)
                    add(.lowerNextShape, next.lower, cur.shortShape)
                    add(.suffix3Prev, prev.suffixes.2)
                    let here = marks[i]
                    if here.begin | here.inside != 0 {
                        for c in 0..<8 {
                            let bit: UInt8 = 1 << UInt8(c)
                            if here.begin & bit != 0 {
                                add(.gazetteerHere, UInt64(c * 2))
                                add(.gazetteerCased, UInt64(c * 2), cased)
                            } else if here.inside & bit != 0 {
                                add(.gazetteerHere, UInt64(c * 2 + 1))
                                add(.gazetteerCased, UInt64(c * 2 + 1), cased)
                            }
                        }
                    }
                    if i > 0 { addNeighbourMarks(marks[i - 1], .gazetteerPrev, cased, add) }
                    if i > 1 { addNeighbourMarks(marks[i - 2], .gazetteerPrev2, cased, add) }
                    if i + 1 < n { addNeighbourMarks(marks[i + 1], .gazetteerNext, cased, add) }
                    starts.append(rows.count)
                }
            }
        }
    }

    @inline(__always)
    private func addNeighbourMarks(_ mark: (begin: UInt8, inside: UInt8), _ template: Template, _ cased: UInt64,
                                   _ add: (Template, UInt64, UInt64) -> Void) {
        let any = mark.begin | mark.inside
        guard any != 0 else { return }
        for c in 0..<8 where any & (1 << UInt8(c)) != 0 { add(template, UInt64(c), cased & 0b11) }
    }

    /// Whether token `i` starts a sentence or a quotation, where a capital says little.
    @inline(__always)
    static func isInitial(_ i: Int, _ attributes: UnsafeBufferPointer<TokenAttributes>) -> Bool {
        i == 0 || Self.openers.contains(attributes[i - 1].raw)
    }

    /// Punctuation after which a capital is expected: sentence ends, quotes, dashes, colons.
    private static let openers: Set<UInt64> = Set([".", "!", "?", ":", "«", "\"", "“", "—", "–", "-", "…", "(", "•", "*", "‹", ";"].map {
        FeatureHash.of($0.unicodeScalars.map(\.value))
    })
}
