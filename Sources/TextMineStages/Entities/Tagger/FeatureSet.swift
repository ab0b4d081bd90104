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
        /// Each token's attributes, with the two virtual tokens before and after the sentence.
        fileprivate var padded: [TokenAttributes] = []
        /// Each token's gazetteer marks, with two empty ones before and after.
        fileprivate var paddedMarks: [(begin: UInt8, inside: UInt8)] = []
        /// Each token's fine and coarse word class, with the boundary class twice before and after.
        fileprivate var classes: [(fine: UInt16, coarse: UInt16)] = []
        /// Each token's capitalisation code (see ``FeatureSet/casing(_:_:)``), with the boundary
        /// code twice before and after.
        fileprivate var casings: [UInt64] = []

        init() {}

        /// The number of tokens.
        var count: Int { starts.count - 1 }
    }

    /// Writes feature rows one after the other.
    private struct RowWriter {
        var cursor: UnsafeMutablePointer<Int32>
        /// `64 - rowBits`.
        let shift: UInt64

        init(cursor: UnsafeMutablePointer<Int32>, rowBits: Int) {
            precondition(rowBits <= 33, "at most 2^33 rows")
            self.cursor = cursor
            self.shift = UInt64(64 - rowBits)
        }

        @inline(__always)
        mutating func add(_ t: Template, _ v: UInt64) {
            cursor.pointee = Int32(truncatingIfNeeded: FeatureHash.row(t.rawValue, v, shift: shift))
            cursor += 1
        }

        @inline(__always)
        mutating func add(_ t: Template, _ a: UInt64, _ b: UInt64) {
            cursor.pointee = Int32(truncatingIfNeeded: FeatureHash.row(t.rawValue, a, b, shift: shift))
            cursor += 1
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
        // Every per-token array has two entries before and after the sentence's tokens, so that
        // token `i` and its neighbours are entries `i ... i + 4`, without tests at the edges.
        buffer.padded.removeAll(keepingCapacity: true)
        buffer.padded.append(Self.before2)
        buffer.padded.append(Self.before)
        buffer.padded.append(contentsOf: buffer.attributes)
        buffer.padded.append(Self.after)
        buffer.padded.append(Self.after2)
        buffer.paddedMarks.removeAll(keepingCapacity: true)
        buffer.paddedMarks.append(contentsOf: repeatElement((begin: UInt8(0), inside: UInt8(0)), count: 2))
        buffer.paddedMarks.append(contentsOf: buffer.marks)
        buffer.paddedMarks.append(contentsOf: repeatElement((begin: UInt8(0), inside: UInt8(0)), count: 2))
        buffer.classes.removeAll(keepingCapacity: true)
        buffer.classes.append(contentsOf: repeatElement(Self.boundaryClass, count: 2))
        for a in buffer.attributes {
            let fine = clusters.fine(a.norm)
            buffer.classes.append((fine, clusters.coarse(of: fine)))
        }
        buffer.classes.append(contentsOf: repeatElement(Self.boundaryClass, count: 2))
        buffer.casings.removeAll(keepingCapacity: true)
        buffer.casings.append(contentsOf: repeatElement(Self.boundaryCasing, count: 2))
        buffer.attributes.withUnsafeBufferPointer { attributes in
            for i in 0..<n { buffer.casings.append(casing(i, attributes)) }
        }
        buffer.casings.append(contentsOf: repeatElement(Self.boundaryCasing, count: 2))
        if buffer.storage.count < n * Self.maxRowsPerToken {
            buffer.storage = [Int32](repeating: 0, count: n * Self.maxRowsPerToken * 2)
        }
        buffer.starts.removeAll(keepingCapacity: true)
        buffer.starts.append(0)
        // The share of capitalised words in the sentence, in quarters: headlines and listings of
        // names (theatres, shares, towns) read differently from prose.
        var words = 0, capitalised = 0
        for a in buffer.attributes where a.flags.contains(.hasLetter) {
            words += 1
            if a.flags.contains(.capitalized) { capitalised += 1 }
        }
        let capitals = UInt64(words == 0 ? 0 : capitalised * 4 / words)
        var starts = buffer.starts
        buffer.starts = []
        defer { buffer.starts = starts }
        let padded = buffer.padded, paddedMarks = buffer.paddedMarks, classes = buffer.classes, casings = buffer.casings
        buffer.storage.withUnsafeMutableBufferPointer { storage in
            padded.withUnsafeBufferPointer { padded in
                paddedMarks.withUnsafeBufferPointer { marks in
                    classes.withUnsafeBufferPointer { classes in
                        casings.withUnsafeBufferPointer { casings in
                            let base = storage.baseAddress!
                            var out = RowWriter(cursor: base, rowBits: rowBits)
                            for i in 0..<n {
                                // Entries i ... i + 4 are the tokens i - 2 ... i + 2.
                                extract(token: i, padded.baseAddress! + i, marks.baseAddress! + i, classes.baseAddress! + i,
                                        casings.baseAddress! + i, capitals: capitals, bytes: bytes,
                                        range: ranges[ranges.startIndex + i], into: &out)
                                assert(out.cursor - base - starts[starts.count - 1] <= Self.maxRowsPerToken)
                                starts.append(out.cursor - base)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the features of one token; each pointer is at the entry of the token two before it.
    @inline(__always)
    private func extract(token i: Int, _ a: UnsafePointer<TokenAttributes>, _ marks: UnsafePointer<(begin: UInt8, inside: UInt8)>,
                         _ classes: UnsafePointer<(fine: UInt16, coarse: UInt16)>, _ casings: UnsafePointer<UInt64>,
                         capitals: UInt64, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into out: inout RowWriter) {
        let cur = a + 2, prev = a + 1, next = a + 3, prev2 = a, next2 = a + 4
        let cased = casings[2]
        out.add(.bias, 0)
        out.add(.raw, cur.pointee.raw)
        out.add(.lower, cur.pointee.lower)
        out.add(.folded, cur.pointee.folded)
        out.add(.lowerPrev, prev.pointee.lower)
        out.add(.lowerNext, next.pointee.lower)
        out.add(.lowerPrev2, prev2.pointee.lower)
        out.add(.lowerNext2, next2.pointee.lower)
        out.add(.bigramPrev, prev.pointee.lower, cur.pointee.lower)
        out.add(.bigramNext, cur.pointee.lower, next.pointee.lower)
        out.add(.shape, cur.pointee.shape)
        out.add(.shortShapePrevCur, prev.pointee.shortShape, cur.pointee.shortShape)
        out.add(.shortShapeCurNext, cur.pointee.shortShape, next.pointee.shortShape)
        out.add(.shortShapePrev, prev.pointee.shortShape)
        out.add(.shortShapeNext, next.pointee.shortShape)
        let length = cur.pointee.length
        if length >= 2 {
            out.add(.prefix1, cur.pointee.prefixes.0)
            out.add(.prefix2, cur.pointee.prefixes.1)
            out.add(.suffix1, cur.pointee.suffixes.0)
            out.add(.suffix2, cur.pointee.suffixes.1)
        }
        if length >= 4 {
            out.add(.prefix3, cur.pointee.prefixes.2)
            out.add(.suffix3, cur.pointee.suffixes.2)
        }
        if length >= 5 {
            out.add(.prefix4, cur.pointee.prefixes.3)
            out.add(.suffix4, cur.pointee.suffixes.3)
        }
        if length >= 4 && cur.pointee.flags.contains(.hasLetter) {
            // Folded character trigrams, the first one anchored at the word's start: OCR
            // damage (`Rousselol`, `Pétersbourq`) leaves most of them intact.
            var iterator = UTF8ScalarIterator(bytes, range)
            var x: UInt32 = 0x5E, y: UInt32 = 0x5E
            var k = 0
            while k < Self.trigramScalars, let s = iterator.next() {
                let f = ScalarFolding.fold(s)
                if k >= 1 { out.add(.trigram, FeatureHash.extend(FeatureHash.extend(FeatureHash.extend(FeatureHash.empty, x), y), f)) }
                x = y
                y = f
                k += 1
            }
        }
        out.add(.casing, cased)
        out.add(.casingPrev, casings[1], cased)
        out.add(.casingNext, cased, casings[3])
        out.add(.lengthCased, UInt64(min(length, 12)), cased)
        out.add(.rawPrev, prev.pointee.raw)
        out.add(.lowerPrevShape, prev.pointee.lower, cur.pointee.shortShape)
        out.add(.lowerNextShape, next.pointee.lower, cur.pointee.shortShape)
        out.add(.suffix3Prev, prev.pointee.suffixes.2)
        let here = marks[2]
        if here.begin | here.inside != 0 {
            for c in 0..<8 {
                let bit: UInt8 = 1 << UInt8(c)
                if here.begin & bit != 0 {
                    out.add(.gazetteerHere, UInt64(c * 2))
                    out.add(.gazetteerCased, UInt64(c * 2), cased)
                } else if here.inside & bit != 0 {
                    out.add(.gazetteerHere, UInt64(c * 2 + 1))
                    out.add(.gazetteerCased, UInt64(c * 2 + 1), cased)
                }
            }
        }
        Self.addNeighbourMarks(marks[1], .gazetteerPrev, cased, &out)
        Self.addNeighbourMarks(marks[0], .gazetteerPrev2, cased, &out)
        Self.addNeighbourMarks(marks[3], .gazetteerNext, cased, &out)
        let wordClass = classes[2], prevClass = classes[1], nextClass = classes[3]
        out.add(.norm, cur.pointee.norm)
        out.add(.fineClass, UInt64(wordClass.fine))
        out.add(.coarseClass, UInt64(wordClass.coarse))
        out.add(.fineClassCased, UInt64(wordClass.fine), cased)
        out.add(.fineClassPrev, UInt64(prevClass.fine))
        out.add(.fineClassNext, UInt64(nextClass.fine))
        out.add(.coarseClassPrev2, UInt64(classes[0].coarse))
        out.add(.coarseClassNext2, UInt64(classes[4].coarse))
        out.add(.coarseClassPrevCur, UInt64(prevClass.coarse), UInt64(wordClass.coarse))
        out.add(.coarseClassCurNext, UInt64(wordClass.coarse), UInt64(nextClass.coarse))
        out.add(.sentenceCapitals, capitals, cased & 0b11)
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

    /// The capitalisation code of the virtual tokens around a sentence.
    private static let boundaryCasing: UInt64 = 0xB0

    @inline(__always)
    private static func addNeighbourMarks(_ mark: (begin: UInt8, inside: UInt8), _ template: Template, _ cased: UInt64,
                                          _ out: inout RowWriter) {
        let any = mark.begin | mark.inside
        guard any != 0 else { return }
        for c in 0..<8 where any & (1 << UInt8(c)) != 0 { out.add(template, UInt64(c), cased & 0b11) }
    }

    /// Whether token `i` starts a sentence or a quotation, where a capital says little.
    @inline(__always)
    static func isInitial(_ i: Int, _ attributes: UnsafeBufferPointer<TokenAttributes>) -> Bool {
        i == 0 || attributes[i - 1].flags.contains(.opener)
    }
}
