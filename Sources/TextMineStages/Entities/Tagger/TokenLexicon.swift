import Foundation

/// The distinct word forms of the text being tagged, each analysed once: its ``TokenAttributes``,
/// its word classes and the part of the tagger's scores that depends on the form alone
/// (``FormScores``). A token is then a form id (4 bytes), and tagging it costs only the features
/// that look at several tokens together.
///
/// Forms are keyed by their bytes (a hash, then a byte comparison, so two forms never share an
/// entry). Ids 0...3 are the virtual tokens around a sentence. The scores belong to one model:
/// ``prepare(for:)`` starts afresh when another model tags with the same lexicon.
struct TokenLexicon {
    /// The ids of the virtual tokens before and after a sentence (``FeatureSet/before2`` …).
    static let before2: Int32 = 0, before: Int32 = 1, after: Int32 = 2, after2: Int32 = 3

    /// Each form's attributes, by id.
    private(set) var attributes: [TokenAttributes] = []
    /// Each form's fine and coarse word class, by id.
    private(set) var classes: [(fine: UInt16, coarse: UInt16)] = []
    /// ``FormScores/stride`` score lanes per form, by id.
    private(set) var scores: [Int32] = []
    /// Each form's capitalisation code without the sentence-start bit (``FeatureSet/formCasing(_:)``;
    /// ``FeatureSet/boundaryCasing`` for the virtual forms), by id.
    private(set) var casings: [UInt64] = []
    /// Each form's hash as the start of a gazetteer name (``Gazetteer/startHash(bytes:range:attributes:)``), by id.
    private var nameHashes: [UInt64] = []
    /// Whether some gazetteer name may start with each form, by id.
    private var startsNames: [Bool] = []
    /// The values that extend a name's hash with each form (``Gazetteer/appendHashedScalars(bytes:range:to:)``),
    /// one form after the other, and where each form's start (one more entry than forms).
    private var nameScalars: [UInt32] = []
    private var nameScalarStarts: [Int] = [0]
    /// The scores of the features of pairs of neighbouring forms (see ``pairScores(_:_:initialA:model:)``).
    private var pairs = PairScoreCache()
    /// The scores of the sentence features (``FeatureScope/sentence``), ``sentenceIndex(capitals:casing:)``
    /// vectors of ``TaggerWeights/vectorTags`` lanes.
    private(set) var sentenceScores: [Int32] = []
    /// Each form's byte hash, by id.
    private var hashes: [UInt64] = []
    /// The forms' bytes one after the other, and where each starts (one more entry than forms).
    private var spellings: [UInt8] = []
    private var spellingStarts: [Int] = [0]
    /// Open-addressing slots holding form ids (-1: empty).
    private var slots: [Int32] = []
    /// The model the scores were computed with.
    private var owner: ObjectIdentifier?

    init() {}

    /// The number of forms, virtual ones included.
    var count: Int { attributes.count }

    /// Makes the lexicon ready for `model`: empties it when its scores are another model's or when
    /// it holds more than `limit` forms (call it between texts, never while form ids are in use).
    mutating func prepare(for model: NERModel, limit: Int = Self.defaultLimit) {
        let identity = ObjectIdentifier(model.identity)
        guard owner != identity || count > limit else { return }
        // A new lexicon rather than emptied arrays: a huge text's forms give their memory back.
        self = TokenLexicon()
        owner = identity
        slots = [Int32](repeating: -1, count: 1 << 10)
        let boundary: (fine: UInt16, coarse: UInt16) = FeatureSet.boundaryClass
        for virtual in [FeatureSet.before2, FeatureSet.before, FeatureSet.after, FeatureSet.after2] {
            append(virtual, boundary, model: model, bytes: UnsafeBufferPointer(start: nil, count: 0), range: 0..<0, hash: 0)
        }
        guard model.labels.count <= TaggerWeights.vectorTags else { return }
        for capitals in 0...4 {
            for casing in 0...3 {
                model.sentenceScores(capitals: UInt64(capitals), casing: UInt64(casing)).append(to: &sentenceScores)
            }
        }
    }

    /// Where the sentence scores of a sentence's share of capitals (0...4) and a token's
    /// capitalisation code start in ``sentenceScores``.
    @inline(__always)
    static func sentenceIndex(capitals: UInt64, casing: UInt64) -> Int {
        (Int(capitals) &* 4 &+ Int(casing & 0b11)) &* TaggerWeights.vectorTags
    }

    /// Whether a form is one of the virtual tokens around a sentence.
    @inline(__always)
    static func isVirtual(_ id: Int32) -> Bool { id <= after2 }

    /// Whether the token after a token of form `previous` starts a sentence or a quotation, as
    /// ``FeatureSet/isInitial(_:_:)`` says.
    @inline(__always)
    func startsAfter(_ previous: Int32) -> Bool {
        previous == Self.before || attributes[Int(previous)].flags.contains(.opener)
    }

    /// The capitalisation code of a token of form `id` (``FeatureSet/casing(_:_:)``).
    @inline(__always)
    func casing(_ id: Int32, initial: Bool) -> UInt64 {
        Self.isVirtual(id) ? casings[Int(id)] : casings[Int(id)] | (initial ? FeatureSet.initialCasing : 0)
    }

    /// Writes the capitalisation codes of a sentence's tokens (``FeatureSet/casing(_:_:)``) to
    /// `casings`, two boundary codes before and after them; returns the sentence's share of
    /// capitals (``FeatureSet/capitals(words:capitalised:)``).
    func casings(of forms: ArraySlice<Int32>, into casings: inout [UInt64]) -> UInt64 {
        let n = forms.count
        casings.removeAll(keepingCapacity: true)
        casings.append(contentsOf: repeatElement(FeatureSet.boundaryCasing, count: n + 4))
        var words = 0, capitalised = 0
        casings.withUnsafeMutableBufferPointer { casings in
            attributes.withUnsafeBufferPointer { attributes in
                self.casings.withUnsafeBufferPointer { formCasings in
                    var initial = true
                    var i = 2
                    for id in forms {
                        let flags = attributes[Int(id)].flags
                        casings[i] = formCasings[Int(id)] | (initial ? FeatureSet.initialCasing : 0)
                        if flags.contains(.hasLetter) {
                            words += 1
                            if flags.contains(.capitalized) { capitalised += 1 }
                        }
                        initial = flags.contains(.opener)
                        i += 1
                    }
                }
            }
        }
        return FeatureSet.capitals(words: words, capitalised: capitalised)
    }

    /// Calls `body` with a sentence's tokens, given as forms, for gazetteer matching.
    func withNameTokens<R>(_ forms: ArraySlice<Int32>, _ body: (LexiconTokens) -> R) -> R {
        forms.withUnsafeBufferPointer { forms in
            nameHashes.withUnsafeBufferPointer { hashes in
                startsNames.withUnsafeBufferPointer { starts in
                    nameScalars.withUnsafeBufferPointer { scalars in
                        nameScalarStarts.withUnsafeBufferPointer { scalarStarts in
                            body(LexiconTokens(forms: forms, hashes: hashes.baseAddress!, starts: starts.baseAddress!,
                                               scalars: scalars, scalarStarts: scalarStarts.baseAddress!))
                        }
                    }
                }
            }
        }
    }

    /// Empties the pair cache when it is full; call it between sentences.
    mutating func makeRoomForPairs() { pairs.makeRoom() }

    /// The scores of the features that look at two neighbouring tokens of forms `a` and `b`
    /// together: `first` those of `a` (``FeatureScope/withNext``), `second` those of `b`
    /// (``FeatureScope/withPrevious``, which include `b`'s capitalisation code). `initialA` tells
    /// whether `a` starts a sentence; whether `b` does follows from `a`. `a` may be
    /// ``before``, `b` ``after``.
    @inline(__always)
    mutating func pairScores(_ a: Int32, _ b: Int32, initialA: Bool, model: NERModel) -> (first: ScoreLanes, second: ScoreLanes) {
        let key = PairScoreCache.key(a, b, initialA && !Self.isVirtual(a))
        if let found = pairs.lookup(key) { return found }
        let scores = computePair(a, b, initialA: initialA, model: model)
        pairs.insert(key, scores)
        return scores
    }

    private func computePair(_ a: Int32, _ b: Int32, initialA: Bool, model: NERModel) -> (first: ScoreLanes, second: ScoreLanes) {
        let casingA = casing(a, initial: initialA), casingB = casing(b, initial: startsAfter(a))
        // Six entries `a a a b b b`: in the window of the first five, `a` is the middle token with
        // `b` after it; in that of the last five, `b` is, with `a` before it.
        return withUnsafeTemporaryAllocation(of: TokenAttributes.self, capacity: 6) { window in
            withUnsafeTemporaryAllocation(of: (fine: UInt16, coarse: UInt16).self, capacity: 6) { classes in
                withUnsafeTemporaryAllocation(of: (begin: UInt8, inside: UInt8).self, capacity: 6) { marks in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 6) { casings in
                        for k in 0..<6 {
                            let id = Int(k < 3 ? a : b)
                            (window.baseAddress! + k).initialize(to: attributes[id])
                            (classes.baseAddress! + k).initialize(to: self.classes[id])
                            (marks.baseAddress! + k).initialize(to: (0, 0))
                            (casings.baseAddress! + k).initialize(to: k < 3 ? casingA : casingB)
                        }
                        defer { window.baseAddress!.deinitialize(count: 6) }
                        let first = model.scopeScores(WithNextScope.self, window.baseAddress!, marks.baseAddress!,
                                                      classes.baseAddress!, casings.baseAddress!, capitals: 0)
                        let second = model.scopeScores(WithPreviousScope.self, window.baseAddress! + 1, marks.baseAddress! + 1,
                                                       classes.baseAddress! + 1, casings.baseAddress! + 1, capitals: 0)
                        return (first, second)
                    }
                }
            }
        }
    }

    /// The forms a lexicon keeps from one text to the next (about 400 bytes each).
    static let defaultLimit = 1 << 15

    /// The id of the form written at `range` of `bytes`, analysed with `model` when new.
    @inline(__always)
    mutating func form(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, model: NERModel) -> Int32 {
        let hash = Self.hash(bytes, range)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let known: Int32? = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                while true {
                    let id = slots[slot]
                    if id < 0 { return nil }
                    if hashes[Int(id)] == hash && spelled(Int(id), bytes, range) { return id }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let known { return known }
        let id = Int32(count)
        let attributes = TokenAttributes(bytes: bytes, range: range)
        let fine = model.features.clusters.fine(attributes.norm)
        append(attributes, (fine, model.features.clusters.coarse(of: fine)), model: model, bytes: bytes, range: range, hash: hash)
        spellings.append(contentsOf: bytes[range])
        spellingStarts[spellingStarts.count - 1] = spellings.count
        slots[slot] = id
        if count * 2 > slots.count { rehash() }
        return id
    }

    private mutating func append(_ form: TokenAttributes, _ wordClass: (fine: UInt16, coarse: UInt16), model: NERModel,
                                 bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, hash: UInt64) {
        let virtual = Self.isVirtual(Int32(attributes.count))
        let nameHash = virtual ? FeatureHash.empty : Gazetteer.startHash(bytes: bytes, range: range, attributes: form)
        nameHashes.append(nameHash)
        startsNames.append(!virtual && model.features.gazetteer.isPrefix(nameHash))
        if !virtual { Gazetteer.appendHashedScalars(bytes: bytes, range: range, to: &nameScalars) }
        nameScalarStarts.append(nameScalars.count)
        attributes.append(form)
        classes.append(wordClass)
        casings.append(Self.isVirtual(Int32(attributes.count - 1)) ? FeatureSet.boundaryCasing : model.features.formCasing(form))
        hashes.append(hash)
        spellingStarts.append(spellings.count)
        let scores = model.formScores(form, wordClass, bytes: bytes, range: range)
        scores.append(to: &self.scores)
    }

    @inline(__always)
    private func spelled(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = spellingStarts[id], end = spellingStarts[id + 1]
        guard end - start == range.count else { return false }
        guard range.count > 0 else { return true }
        return spellings.withUnsafeBufferPointer { spellings in
            memcmp(spellings.baseAddress! + start, bytes.baseAddress! + range.lowerBound, range.count) == 0
        }
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        // The virtual forms are never looked up by spelling.
        for id in 4..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// A hash of a token's bytes, eight at a time.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: range.count) &* 0x9E37_79B9_7F4A_7C15
        var k = range.lowerBound
        if range.count >= 8, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while k + 8 <= range.upperBound {
                h = FeatureHash.mix(h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                k += 8
            }
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        if k < range.upperBound && k + 8 <= bytes.count, let base = bytes.baseAddress {
            // The last bytes at once, those past the token masked off.
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self)
            return FeatureHash.mix(h ^ (word & (UInt64.max >> UInt64(64 - 8 * (range.upperBound - k)))))
        }
        while k < range.upperBound {
            tail |= UInt64(bytes[k]) << shift
            shift += 8
            k += 1
        }
        return FeatureHash.mix(h ^ tail)
    }
}

/// The summed emission weights of the features one form gives, by the token they are for: itself
/// (``FeatureScope/token``), and the tokens one and two after and before it, which see it as their
/// previous, previous-but-one, next and next-but-one token. Lanes past the model's tag count hold
/// sums of no meaning (see ``TaggerWeights/vectorTags``).
struct FormScores {
    /// Score lanes per form: five parts of ``TaggerWeights/vectorTags`` lanes.
    static let stride = 5 * TaggerWeights.vectorTags
    /// Where each part starts in a form's lanes.
    static let token = 0, toNext = 12, toNext2 = 24, toPrevious = 36, toPrevious2 = 48

    var token = ScoreLanes(), toNext = ScoreLanes(), toNext2 = ScoreLanes(), toPrevious = ScoreLanes(), toPrevious2 = ScoreLanes()

    /// Appends the five parts' lanes, in the order of the offsets above.
    func append(to lanes: inout [Int32]) {
        token.append(to: &lanes)
        toNext.append(to: &lanes)
        toNext2.append(to: &lanes)
        toPrevious.append(to: &lanes)
        toPrevious2.append(to: &lanes)
    }
}

/// The attributes of a text's tokens, by token index: one ``TokenAttributes`` per distinct form
/// (see ``TokenLexicon``) and each token's form id, so that an article of millions of tokens keeps
/// 4 bytes a token instead of the attributes' 128.
struct TokenAttributeTable: RandomAccessCollection {
    /// The attributes of each form, by id.
    let forms: [TokenAttributes]
    /// Each token's form id.
    let ids: ArraySlice<Int32>

    init(forms: [TokenAttributes], ids: ArraySlice<Int32>) {
        self.forms = forms
        self.ids = ids
    }

    init(forms: [TokenAttributes], ids: [Int32]) {
        self.init(forms: forms, ids: ids[...])
    }

    var startIndex: Int { ids.startIndex }
    var endIndex: Int { ids.endIndex }
    /// A range, not the default index collection that steps through the table's methods.
    var indices: Range<Int> { ids.startIndex..<ids.endIndex }

    @inline(__always)
    subscript(k: Int) -> TokenAttributes { forms[Int(ids[k])] }
}

/// A sentence's tokens as forms of a ``TokenLexicon``, which keeps how each form extends a
/// gazetteer name's hash: matching reads no bytes.
struct LexiconTokens: GazetteerTokens {
    let forms: UnsafeBufferPointer<Int32>
    let hashes: UnsafePointer<UInt64>
    let starts: UnsafePointer<Bool>
    let scalars: UnsafeBufferPointer<UInt32>
    let scalarStarts: UnsafePointer<Int>

    var count: Int { forms.count }

    @inline(__always)
    func mayStartName(_ i: Int, in gazetteer: Gazetteer) -> Bool { starts[Int(forms[i])] }

    @inline(__always)
    func startHash(_ i: Int) -> UInt64 { hashes[Int(forms[i])] }

    @inline(__always)
    func extend(_ hash: UInt64, with i: Int) -> UInt64 {
        let id = Int(forms[i])
        var hash = hash
        for k in scalarStarts[id]..<scalarStarts[id + 1] { hash = FeatureHash.extend(hash, scalars[k]) }
        return hash
    }
}
