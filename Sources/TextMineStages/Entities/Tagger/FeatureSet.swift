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
        precondition(rowBits <= 33, "at most 2^33 rows")
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

        /// Calls `body` with the padded arrays filled by ``FeatureSet/pad(_:wordClass:)``.
        func withPadded<R>(_ body: (UnsafePointer<TokenAttributes>, UnsafePointer<(begin: UInt8, inside: UInt8)>,
                                    UnsafePointer<(fine: UInt16, coarse: UInt16)>, UnsafePointer<UInt64>) -> R) -> R {
            padded.withUnsafeBufferPointer { padded in
                paddedMarks.withUnsafeBufferPointer { marks in
                    classes.withUnsafeBufferPointer { classes in
                        casings.withUnsafeBufferPointer { casings in
                            body(padded.baseAddress!, marks.baseAddress!, classes.baseAddress!, casings.baseAddress!)
                        }
                    }
                }
            }
        }
    }

    /// Writes feature rows one after the other.
    private struct RowWriter: FeatureSink {
        var cursor: UnsafeMutablePointer<Int32>

        init(cursor: UnsafeMutablePointer<Int32>) {
            self.cursor = cursor
        }

        @inline(__always)
        static func takes(_ scope: FeatureScope) -> Bool { true }

        @inline(__always)
        mutating func add(row: UInt64, scope: FeatureScope) {
            cursor.pointee = Int32(truncatingIfNeeded: row)
            cursor += 1
        }
    }

    enum Template: UInt64 {
        case bias = 1, raw, lower, folded, lowerPrev, lowerNext, lowerPrev2, lowerNext2
        case bigramPrev, bigramNext, shape, shortShapePrevCur, shortShapeCurNext, shortShapePrev, shortShapeNext
        case prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
        case casing, gazetteerHere, gazetteerPrev, gazetteerNext, gazetteerCased, lengthCased, rawPrev
        case lowerPrevShape, lowerNextShape, casingPrev, casingNext, suffix3Prev, gazetteerPrev2
        case norm, fineClass, coarseClass, fineClassPrev, fineClassNext, coarseClassPrev2, coarseClassNext2
        case fineClassCased, coarseClassPrevCur, coarseClassCurNext, trigram, sentenceCapitals

        /// Which tokens the template's value comes from.
        @inline(__always)
        var scope: FeatureScope {
            switch self {
            case .bias, .raw, .lower, .folded, .shape, .prefix1, .prefix2, .prefix3, .prefix4,
                 .suffix1, .suffix2, .suffix3, .suffix4, .norm, .fineClass, .coarseClass, .trigram:
                .token
            case .lowerPrev, .shortShapePrev, .rawPrev, .suffix3Prev, .fineClassPrev: .previous
            case .lowerPrev2, .coarseClassPrev2: .previous2
            case .lowerNext, .shortShapeNext, .fineClassNext: .next
            case .lowerNext2, .coarseClassNext2: .next2
            case .bigramPrev, .shortShapePrevCur, .lowerPrevShape, .coarseClassPrevCur, .casingPrev,
                 .casing, .lengthCased, .fineClassCased:
                .withPrevious
            case .bigramNext, .shortShapeCurNext, .lowerNextShape, .coarseClassCurNext, .casingNext: .withNext
            case .gazetteerHere, .gazetteerCased, .gazetteerPrev, .gazetteerPrev2, .gazetteerNext: .gazetteer
            case .sentenceCapitals: .sentence
            }
        }
    }

    static let before = TokenAttributes.boundary(0x5E5E)
    static let before2 = TokenAttributes.boundary(0x5E5E5E)
    static let after = TokenAttributes.boundary(0x2424)
    static let after2 = TokenAttributes.boundary(0x242424)

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
        precondition(buffer.attributes.count == n, "attributes of every token")
        let capitals = pad(&buffer) { i, attributes in
            let fine = clusters.fine(attributes[i].norm)
            return (fine, clusters.coarse(of: fine))
        }
        if buffer.storage.count < n * Self.maxRowsPerToken {
            buffer.storage = [Int32](repeating: 0, count: n * Self.maxRowsPerToken * 2)
        }
        buffer.starts.removeAll(keepingCapacity: true)
        buffer.starts.append(0)
        var starts = buffer.starts
        buffer.starts = []
        defer { buffer.starts = starts }
        let padding = buffer
        buffer.storage.withUnsafeMutableBufferPointer { storage in
            padding.withPadded { padded, marks, classes, casings in
                let base = storage.baseAddress!
                var out = RowWriter(cursor: base)
                for i in 0..<n {
                    // Entries i ... i + 4 are the tokens i - 2 ... i + 2.
                    extract(padded + i, marks + i, classes + i, casings + i, capitals: capitals, bytes: bytes,
                            range: ranges[ranges.startIndex + i], into: &out)
                    assert(out.cursor - base - starts[starts.count - 1] <= Self.maxRowsPerToken)
                    starts.append(out.cursor - base)
                }
            }
        }
    }

    /// Fills the padded arrays of a sentence whose `buffer.attributes` and `buffer.marks` are filled:
    /// every per-token array gets two entries before and after the sentence's tokens, so that token
    /// `i` and its neighbours are entries `i ... i + 4`, without tests at the edges. `wordClass`
    /// gives token `i`'s classes. Returns the sentence's share of capitalised words, in quarters.
    func pad(_ buffer: inout Buffer,
             wordClass: (Int, UnsafeBufferPointer<TokenAttributes>) -> (fine: UInt16, coarse: UInt16)) -> UInt64 {
        let n = buffer.attributes.count
        precondition(buffer.marks.count == n, "attributes and marks of every token")
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
        buffer.casings.removeAll(keepingCapacity: true)
        buffer.casings.append(contentsOf: repeatElement(Self.boundaryCasing, count: 2))
        var words = 0, capitalised = 0
        buffer.attributes.withUnsafeBufferPointer { attributes in
            for i in 0..<n {
                buffer.classes.append(wordClass(i, attributes))
                buffer.casings.append(casing(i, attributes))
                if attributes[i].flags.contains(.hasLetter) {
                    words += 1
                    if attributes[i].flags.contains(.capitalized) { capitalised += 1 }
                }
            }
        }
        buffer.classes.append(contentsOf: repeatElement(Self.boundaryClass, count: 2))
        buffer.casings.append(contentsOf: repeatElement(Self.boundaryCasing, count: 2))
        return Self.capitals(words: words, capitalised: capitalised)
    }

    /// The share of capitalised words in a sentence of `words` words (tokens with a letter), in
    /// quarters: headlines and listings of names (theatres, shares, towns) read differently from prose.
    @inline(__always)
    static func capitals(words: Int, capitalised: Int) -> UInt64 {
        UInt64(words == 0 ? 0 : capitalised * 4 / words)
    }

    /// Writes the rows of the features of one token that `out` takes (see ``FeatureSink``); each
    /// pointer is at the entry of the token two before it. This is the one definition of the
    /// templates: the rows of training and the scores of tagging both come from it.
    @inline(__always)
    func extract<Sink: FeatureSink>(_ a: UnsafePointer<TokenAttributes>, _ marks: UnsafePointer<(begin: UInt8, inside: UInt8)>,
                                    _ classes: UnsafePointer<(fine: UInt16, coarse: UInt16)>, _ casings: UnsafePointer<UInt64>,
                                    capitals: UInt64, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into sink: inout Sink) {
        let cur = a + 2, prev = a + 1, next = a + 3, prev2 = a, next2 = a + 4
        let cased = casings[2]
        var out = TemplateWriter(sink: sink, shift: UInt64(64 - rowBits))
        defer { sink = out.sink }
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
        if Sink.takes(.token) && length >= 4 && cur.pointee.flags.contains(.hasLetter) {
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
        if Sink.takes(.gazetteer) && here.begin | here.inside != 0 {
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
    func casing(_ i: Int, _ attributes: UnsafeBufferPointer<TokenAttributes>) -> UInt64 {
        formCasing(attributes[i]) | (Self.isInitial(i, attributes) ? Self.initialCasing : 0)
    }

    /// The part of a token's capitalisation code (``casing(_:_:)``) that its form alone gives.
    @inline(__always)
    func formCasing(_ a: TokenAttributes) -> UInt64 {
        var code = UInt64(a.flags.intersection([.capitalized, .allCaps, .hasDigit, .punctuation, .innerCap, .endsWithPeriod, .elision]).rawValue)
        if a.flags.contains(.capitalized) && vocabularyTable.contains(a.lower) { code |= 1 << 11 }
        return code
    }

    /// The bit of the capitalisation code of a token that starts a sentence or a quotation.
    static let initialCasing: UInt64 = 1 << 10

    /// The word class of the virtual tokens around a sentence.
    static let boundaryClass: (fine: UInt16, coarse: UInt16) = (0xFFFE, 0xFFFE)

    /// The capitalisation code of the virtual tokens around a sentence.
    static let boundaryCasing: UInt64 = 0xB0

    @inline(__always)
    private static func addNeighbourMarks<Sink: FeatureSink>(_ mark: (begin: UInt8, inside: UInt8), _ template: Template, _ cased: UInt64,
                                                             _ out: inout TemplateWriter<Sink>) {
        let any = mark.begin | mark.inside
        guard Sink.takes(template.scope), any != 0 else { return }
        for c in 0..<8 where any & (1 << UInt8(c)) != 0 { out.add(template, UInt64(c), cased & 0b11) }
    }

    /// Whether token `i` starts a sentence or a quotation, where a capital says little.
    @inline(__always)
    static func isInitial(_ i: Int, _ attributes: UnsafeBufferPointer<TokenAttributes>) -> Bool {
        i == 0 || attributes[i - 1].flags.contains(.opener)
    }
}

/// Which tokens a feature template's value comes from, relative to the token the feature is for.
enum FeatureScope {
    /// The token alone (its word, shape, affixes, class).
    case token
    /// The token before it alone, or the one two before.
    case previous, previous2
    /// The token after it alone, or the one two after.
    case next, next2
    /// The token and the one before it together, or the token's capitalisation code (which depends
    /// on the token before it: see ``FeatureSet/casing(_:_:)``).
    case withPrevious
    /// The token and the one after it together.
    case withNext
    /// The gazetteer matches around the token.
    case gazetteer
    /// The sentence (its share of capitalised words).
    case sentence

    /// Whether the value depends on one form alone (the token's or a neighbour's).
    var isOneForm: Bool {
        switch self {
        case .token, .previous, .previous2, .next, .next2: true
        case .withPrevious, .withNext, .gazetteer, .sentence: false
        }
    }
}

/// Where ``FeatureSet/extract(_:_:_:_:capitals:bytes:range:into:)`` writes feature rows: only those
/// of the scopes it takes are computed (the test folds away when the sink's type is known).
protocol FeatureSink {
    /// Whether the sink wants the features of templates of `scope`.
    static func takes(_ scope: FeatureScope) -> Bool
    /// Takes one feature's row (the hash of template and values, shifted to the row bits).
    mutating func add(row: UInt64, scope: FeatureScope)
}

/// Hashes a template's values into a row for a sink, skipping templates the sink does not take.
struct TemplateWriter<Sink: FeatureSink> {
    var sink: Sink
    /// `64 - rowBits`.
    let shift: UInt64

    init(sink: Sink, shift: UInt64) {
        self.sink = sink
        self.shift = shift
    }

    @inline(__always)
    mutating func add(_ t: FeatureSet.Template, _ v: UInt64) {
        guard Sink.takes(t.scope) else { return }
        sink.add(row: FeatureHash.row(t.rawValue, v, shift: shift), scope: t.scope)
    }

    @inline(__always)
    mutating func add(_ t: FeatureSet.Template, _ a: UInt64, _ b: UInt64) {
        guard Sink.takes(t.scope) else { return }
        sink.add(row: FeatureHash.row(t.rawValue, a, b, shift: shift), scope: t.scope)
    }
}
