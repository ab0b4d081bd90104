/// The feature templates of the tagger: which properties of a token and its neighbours the weights
/// are learnt for.
///
/// Features are hashed into `1 << rowBits` rows of the weight table (collisions are rare enough
/// not to matter at the sizes used). A model records ``signature``; a model trained with other
/// templates is refused at load time instead of giving silently wrong tags.
struct FeatureSet: Sendable {
    /// Names the templates and the hashing; bump the version whenever either changes.
    static let signature = "tmner-features/3: bias word lower fold norm ctx±2 bigrams shapes affixes1-4 trigrams flags gazetteer±1 titles lowercase-vocabulary word-classes±2 sentence-capitals"

    /// log2 of the number of weight rows.
    let rowBits: Int
    /// Names used as features and for matching.
    let gazetteer: Gazetteer
    /// Hashes (``TokenAttributes/lower``) of words that are usually written in lowercase: a
    /// capitalised token whose lowercase form is one of them is probably a sentence-initial word.
    let lowercaseVocabulary: Set<UInt64>
    /// Distributional word classes of ``TokenAttributes/norm`` forms.
    let clusters: WordClusters
    /// The same, for fast lookups.
    private let vocabularyTable: HashedKeyTable<UInt8>

    init(rowBits: Int, gazetteer: Gazetteer, lowercaseVocabulary: Set<UInt64>, clusters: WordClusters) {
        self.rowBits = rowBits
        self.gazetteer = gazetteer
        self.lowercaseVocabulary = lowercaseVocabulary
        self.clusters = clusters
        var table = HashedKeyTable<UInt8>(capacity: lowercaseVocabulary.count)
        for hash in lowercaseVocabulary { table.insert(hash) }
        self.vocabularyTable = table
    }

    /// Whether a word (its ``TokenAttributes/lower`` hash) is usually written in lowercase.
    @inline(__always)
    func isLowercaseWord(_ lower: UInt64) -> Bool { vocabularyTable.contains(lower) }

    /// Reusable buffers for one sentence's features.
    struct Buffer {
        /// Row indices of every token's features, token after token: the first `starts.last`
        /// entries of `storage`.
        var rows: ArraySlice<Int32> { storage[0..<starts[starts.count - 1]] }
        /// Where each token's features start in `rows`; one more entry than tokens.
        var starts: [Int] = [0]
        /// Room for the rows; it only grows.
        fileprivate var storage: [Int32] = []
        /// Each token's attributes; ``FeatureSet/extract(bytes:ranges:into:)`` fills them, callers that
        /// already have them fill them and call ``FeatureSet/extractAnnotated(bytes:ranges:into:)``.
        var attributes: [TokenAttributes] = []
        /// Each token's gazetteer marks (see ``Gazetteer/annotate(bytes:ranges:into:)``), filled likewise.
        var marks: [(begin: UInt8, inside: UInt8)] = []
        /// Each token's fine and coarse word class.
        fileprivate var classes: [(fine: UInt16, coarse: UInt16)] = []
        /// Each token's capitalisation code, see ``FeatureSet/casing(_:_:)``.
        fileprivate var casings: [UInt64] = []

        init() {}

        /// The number of tokens.
        var count: Int { starts.count - 1 }

        /// Calls `body` with the per-token arrays.
        fileprivate func withViews<R>(_ body: (UnsafeBufferPointer<TokenAttributes>, UnsafeBufferPointer<(begin: UInt8, inside: UInt8)>,
                                               UnsafeBufferPointer<(fine: UInt16, coarse: UInt16)>, UnsafeBufferPointer<UInt64>) -> R) -> R {
            attributes.withUnsafeBufferPointer { a in
                marks.withUnsafeBufferPointer { m in
                    classes.withUnsafeBufferPointer { c in
                        casings.withUnsafeBufferPointer { k in body(a, m, c, k) }
                    }
                }
            }
        }
    }

    private enum Template: UInt64 {
        case bias = 1, raw, lower, folded, lowerPrev, lowerNext, lowerPrev2, lowerNext2
        case bigramPrev, bigramNext, shape, shortShapePrevCur, shortShapeCurNext, shortShapePrev, shortShapeNext
        case prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
        case casing, gazetteerHere, gazetteerPrev, gazetteerNext, gazetteerCased, lengthCased, rawPrev
        case lowerPrevShape, lowerNextShape, casingPrev, casingNext, suffix3Prev, gazetteerPrev2
        case norm, fineClass, coarseClass, fineClassPrev, fineClassNext, coarseClassPrev2, coarseClassNext2
        case fineClassCased, coarseClassPrevCur, coarseClassCurNext, trigram, sentenceCapitals
    }

    private static let before = TokenAttributes.boundary(0x5E5E)
    private static let before2 = TokenAttributes.boundary(0x5E5E5E)
    private static let after = TokenAttributes.boundary(0x2424)
    private static let after2 = TokenAttributes.boundary(0x242424)

    /// The most rows one token can have: every template once, every gazetteer category in its
    /// own and its neighbours' marks, every character trigram.
    private static let maxRowsPerToken = 128

    /// Computes the features of the tokens at `ranges` (byte ranges of `bytes`), one sentence.
    func extract(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, into buffer: inout Buffer) {
        buffer.attributes.removeAll(keepingCapacity: true)
        for range in ranges { buffer.attributes.append(TokenAttributes(bytes: bytes, range: range)) }
        gazetteer.annotate(bytes: bytes, ranges: ranges, attributes: buffer.attributes[...], into: &buffer.marks)
        extractAnnotated(bytes: bytes, ranges: ranges, into: &buffer)
    }

    /// Computes the features of one sentence whose `buffer.attributes` and `buffer.marks` are
    /// already filled for `ranges`.
    func extractAnnotated(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, into buffer: inout Buffer) {
        let n = ranges.count
        precondition(buffer.attributes.count == n && buffer.marks.count == n, "attributes and marks of every token")
        buffer.classes.removeAll(keepingCapacity: true)
        for a in buffer.attributes {
            let fine = clusters.fine(a.norm)
            buffer.classes.append((fine, clusters.coarse(of: fine)))
        }
        buffer.casings.removeAll(keepingCapacity: true)
        buffer.attributes.withUnsafeBufferPointer { attributes in
            for i in 0..<n { buffer.casings.append(casing(i, attributes)) }
        }
        if buffer.storage.count < n * Self.maxRowsPerToken {
            buffer.storage = [Int32](repeating: 0, count: n * Self.maxRowsPerToken * 2)
        }
        var starts = buffer.starts, storage = buffer.storage
        buffer.starts = []
        buffer.storage = []
        defer {
            buffer.starts = starts
            buffer.storage = storage
        }
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        var used = 0
        let shift = UInt64(64 - rowBits)
        // The share of capitalised words in the sentence, in quarters: headlines and listings of
        // names (theatres, shares, towns) read differently from prose.
        var words = 0, capitalised = 0
        for a in buffer.attributes where a.flags.contains(.hasLetter) {
            words += 1
            if a.flags.contains(.capitalized) { capitalised += 1 }
        }
        let capitals = UInt64(words == 0 ? 0 : capitalised * 4 / words)
        storage.withUnsafeMutableBufferPointer { storage in
            buffer.withViews { attributes, marks, classes, casings in
                func at(_ i: Int) -> TokenAttributes {
                    i < 0 ? (i == -1 ? Self.before : Self.before2) : i >= n ? (i == n ? Self.after : Self.after2) : attributes[i]
                }
                func casing(_ i: Int) -> UInt64 { i >= 0 && i < n ? casings[i] : 0xB0 }
                for i in 0..<n {
                    let cur = attributes[i], prev = at(i - 1), next = at(i + 1), prev2 = at(i - 2), next2 = at(i + 2)
                    @inline(__always) func add(_ hash: UInt64) {
                        storage[used] = Int32(truncatingIfNeeded: hash >> shift)
                        used += 1
                    }
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
                    if cur.length >= 4 && cur.flags.contains(.hasLetter) {
                        // Folded character trigrams, the first one anchored at the word's start: OCR
                        // damage (`Rousselol`, `Pétersbourq`) leaves most of them intact.
                        var iterator = UTF8ScalarIterator(bytes, ranges[ranges.startIndex + i])
                        var a: UInt32 = 0x5E, b: UInt32 = 0x5E
                        var k = 0
                        while k < Self.trigramScalars, let s = iterator.next() {
                            let f = ScalarFolding.fold(s)
                            if k >= 1 { add(.trigram, FeatureHash.extend(FeatureHash.extend(FeatureHash.extend(FeatureHash.empty, a), b), f)) }
                            a = b
                            b = f
                            k += 1
                        }
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
                    let wordClass = classes[i]
                    let prevClass = i > 0 ? classes[i - 1] : Self.boundaryClass
                    let nextClass = i + 1 < n ? classes[i + 1] : Self.boundaryClass
                    add(.norm, cur.norm)
                    add(.fineClass, UInt64(wordClass.fine))
                    add(.coarseClass, UInt64(wordClass.coarse))
                    add(.fineClassCased, UInt64(wordClass.fine), cased)
                    add(.fineClassPrev, UInt64(prevClass.fine))
                    add(.fineClassNext, UInt64(nextClass.fine))
                    add(.coarseClassPrev2, UInt64(i > 1 ? classes[i - 2].coarse : Self.boundaryClass.coarse))
                    add(.coarseClassNext2, UInt64(i + 2 < n ? classes[i + 2].coarse : Self.boundaryClass.coarse))
                    add(.coarseClassPrevCur, UInt64(prevClass.coarse), UInt64(wordClass.coarse))
                    add(.coarseClassCurNext, UInt64(wordClass.coarse), UInt64(nextClass.coarse))
                    add(.sentenceCapitals, capitals, cased & 0b11)
                    assert(used - starts[starts.count - 1] <= Self.maxRowsPerToken)
                    starts.append(used)
                }
            }
        }
    }

    /// How many scalars of a word its character trigrams cover.
    private static let trigramScalars = 14

    /// The capitalisation code of token `i`: its case flags, whether it starts a sentence, whether
    /// it is a capitalised word usually written in lowercase.
    @inline(__always)
    private func casing(_ i: Int, _ attributes: UnsafeBufferPointer<TokenAttributes>) -> UInt64 {
        let a = attributes[i]
        var code = UInt64(a.flags.intersection([.capitalized, .allCaps, .hasDigit, .punctuation, .innerCap, .endsWithPeriod, .elision]).rawValue)
        if Self.isInitial(i, attributes) { code |= 1 << 10 }
        if a.flags.contains(.capitalized) && vocabularyTable.contains(a.lower) { code |= 1 << 11 }
        return code
    }

    /// The word class of the virtual tokens around a sentence.
    private static let boundaryClass: (fine: UInt16, coarse: UInt16) = (0xFFFE, 0xFFFE)

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
        i == 0 || attributes[i - 1].flags.contains(.opener)
    }
}
