import Foundation
import TextMineCore

/// Lists of names (countries, cities, organisations, media, first names) and trigger words, matched
/// against token sequences.
///
/// A gazetteer file has one entry a line, `name<TAB>CATEGORY`, with `#` comments and blank lines
/// allowed; see ``Category`` for the categories. Matching ignores case, diacritics and the way the
/// name was cut into tokens: `Etats-Unis` matches `États - Unis`, `Côte d'Ivoire` matches
/// `Côte d’ Ivoire`. The tagger uses matches as features; the `entities` stage also uses confident
/// matches to correct the tagger's label.
package struct Gazetteer: Sendable {
    /// What an entry names.
    package enum Category: Int, CaseIterable, Sendable {
        /// A person (`Vladimir Poutine`).
        case person
        /// A place: country, city, region, sea (`Moscou`, `Méditerranée`).
        case location
        /// An organisation: institution, agency, medium, alliance (`OTAN`, `Reuters`).
        case organization
        /// Another named thing (events, works, products).
        case miscellaneous
        /// A given name (`Sergueï`, `Karen`): evidence for a person's name that follows or contains it.
        case firstName
        /// A word that introduces a person (`président`, `M.`, `porte-parole`).
        case personTitle
        /// A word that heads an organisation's name (`ministère`, `parti`, `université`).
        case organizationKeyword
        /// A word that heads a place name (`mer`, `lac`, `rue`).
        case locationKeyword

        /// The spelling of the category in gazetteer files.
        package var name: String {
            switch self {
            case .person: "PER"
            case .location: "LOC"
            case .organization: "ORG"
            case .miscellaneous: "MISC"
            case .firstName: "FIRST"
            case .personTitle: "TITLE"
            case .organizationKeyword: "ORG-KEY"
            case .locationKeyword: "LOC-KEY"
            }
        }

        /// The entity label a name of this category gets, for the four name categories.
        package var entityLabel: String? {
            switch self {
            case .person: "PER"
            case .location: "LOC"
            case .organization: "ORG"
            case .miscellaneous: "MISC"
            default: nil
            }
        }

        var bit: UInt8 { 1 << UInt8(rawValue) }
    }

    /// The categories of each entry, by the hash of its folded, space-free form.
    private var entries = HashedKeyTable<UInt8>()
    /// Hashes of every prefix of every entry's folded form, to stop matching early.
    private var prefixes = HashedKeyTable<UInt8>()
    /// The longest entry in tokens considered when matching.
    static let maxTokens = 10

    /// An empty gazetteer.
    package init() {}

    /// The number of distinct names.
    package var count: Int { entries.count }

    /// Parses gazetteer text; `file` names it in errors.
    package init(parsing text: String, file: String) throws {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw Diagnostic(file: file, line: lineNumber, message: "expected 'name<TAB>CATEGORY', found \(fields.count) tab-separated fields",
                                 hint: "categories: \(Category.allCases.map(\.name).joined(separator: ", "))")
            }
            let categoryName = fields[1].trimmingCharacters(in: .whitespaces)
            guard let category = Category.allCases.first(where: { $0.name == categoryName }) else {
                let hint = Suggestion.closest(to: categoryName, in: Category.allCases.map(\.name)).map { "did you mean '\($0)'?" }
                throw Diagnostic(file: file, line: lineNumber, column: fields[0].unicodeScalars.count + 2,
                                 message: "unknown category '\(categoryName)'",
                                 hint: hint ?? "categories: \(Category.allCases.map(\.name).joined(separator: ", "))")
            }
            add(fields[0].trimmingCharacters(in: .whitespaces), category)
        }
    }

    /// Loads a gazetteer file.
    package init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(file: path, message: "cannot read gazetteer: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: path, message: "gazetteer is not valid UTF-8")
        }
        try self.init(parsing: text, file: path)
    }

    /// Adds one name.
    package mutating func add(_ name: String, _ category: Category) {
        var hash = FeatureHash.empty
        for scalar in name.unicodeScalars where !Self.isIgnored(scalar.value) {
            hash = Self.extend(hash, scalar.value)
            prefixes.insert(hash)
        }
        guard hash != FeatureHash.empty else { return }
        entries.insert(hash, orBits: category.bit)
    }

    /// Adds every entry of another gazetteer.
    package mutating func merge(_ other: Gazetteer) {
        for (hash, bits) in other.entries.entries { entries.insert(hash, orBits: bits) }
        for (hash, _) in other.prefixes.entries { prefixes.insert(hash) }
    }

    /// The categories of a name, as it would be written in a gazetteer file.
    package func categories(of name: String) -> [Category] {
        var hash = FeatureHash.empty
        for scalar in name.unicodeScalars where !Self.isIgnored(scalar.value) {
            hash = Self.extend(hash, scalar.value)
        }
        let bits = entries[hash] ?? 0
        return Category.allCases.filter { bits & $0.bit != 0 }
    }

    /// The category bits (``Category/bit``) of the name written at `range` of `bytes`, 0 when it is
    /// not a name: the lookup of ``categories(of:)`` without building a `String`.
    @inline(__always)
    func bits(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> UInt8 {
        entries[Self.extend(FeatureHash.empty, bytes: bytes, range: range)] ?? 0
    }

    /// ``bits(bytes:range:)`` of one token whose attributes are known: its
    /// ``TokenAttributes/folded`` hash is the name's unless it contains a space.
    @inline(__always)
    func bits(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, attributes: TokenAttributes) -> UInt8 {
        attributes.flags.contains(.hasSpace) ? bits(bytes: bytes, range: range) : entries[attributes.folded] ?? 0
    }

    /// Whether a name has an entity category (PER, LOC, ORG or MISC), not only FIRST, TITLE or a key word.
    static func hasEntityLabel(_ bits: UInt8) -> Bool { bits & entityBits != 0 }

    private static let entityBits: UInt8 = Category.allCases.reduce(0) { $1.entityLabel == nil ? $0 : $0 | $1.bit }

    /// Marks the tokens of `ranges` (byte ranges of `bytes`) that longest matches cover (see
    /// ``annotate(_:into:)``). `attributes`, when given (one per range), save hashing each token
    /// again: a token's ``TokenAttributes/folded`` hash is how a name starts.
    func annotate<Attributes: RandomAccessCollection<TokenAttributes>>(
        bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, attributes: Attributes?,
        into marks: inout [(begin: UInt8, inside: UInt8)]
    ) where Attributes.Index == Int {
        annotate(ByteTokens(bytes: bytes, ranges: ranges, attributes: attributes), into: &marks)
    }

    /// Marks the tokens that longest matches cover: for each token, `begin` has the bits of the
    /// categories of a match starting there, `inside` those of a match continuing there. Matches
    /// of one category do not overlap; different categories may.
    func annotate(_ tokens: some GazetteerTokens, into marks: inout [(begin: UInt8, inside: UInt8)]) {
        let n = tokens.count
        marks.removeAll(keepingCapacity: true)
        marks.append(contentsOf: repeatElement((begin: 0, inside: 0), count: n))
        guard entries.count > 0 else { return }
        let categories = Category.allCases.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * categories) { storage in
            let coveredUntil = storage.baseAddress!, longestEnd = storage.baseAddress! + categories
            for c in 0..<categories { coveredUntil[c] = 0 }
            for i in 0..<n where tokens.mayStartName(i, in: self) {
                // Most tokens start no name: `longestEnd` is cleared only when one does.
                var matched = false
                var hash = FeatureHash.empty
                var j = i
                while j < n && j - i < Self.maxTokens {
                    hash = j == i ? tokens.startHash(i) : tokens.extend(hash, with: j)
                    // Every prefix of a name is in `prefixes`, so checking at the token's end is enough.
                    guard prefixes.contains(hash) else { break }
                    if let bits = entries[hash] {
                        if !matched {
                            for c in 0..<categories { longestEnd[c] = 0 }
                            matched = true
                        }
                        for c in 0..<categories where bits & (1 << UInt8(c)) != 0 { longestEnd[c] = j + 1 }
                    }
                    j += 1
                }
                guard matched else { continue }
                // The longest match per category, left to right, without overlap within a category.
                for c in 0..<categories where longestEnd[c] > 0 && coveredUntil[c] <= i {
                    let bit: UInt8 = 1 << UInt8(c)
                    coveredUntil[c] = longestEnd[c]
                    marks[i].begin |= bit
                    for k in (i + 1)..<longestEnd[c] { marks[k].inside |= bit }
                }
            }
        }
    }

    /// Whether some name starts with the scalars whose hash (as names are hashed) is `hash`.
    @inline(__always)
    func isPrefix(_ hash: UInt64) -> Bool { prefixes.contains(hash) }

    /// The hash a name starting with the token at `range` of `bytes` has after it: its
    /// ``TokenAttributes/folded`` hash unless it contains a space.
    @inline(__always)
    static func startHash(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, attributes: TokenAttributes?) -> UInt64 {
        if let attributes, !attributes.flags.contains(.hasSpace) { return attributes.folded }
        return extend(FeatureHash.empty, bytes: bytes, range: range)
    }

    /// `hash` extended with the scalars of the token at `range` of `bytes`, as names are hashed.
    @inline(__always)
    static func extend(_ hash: UInt64, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> UInt64 {
        var hash = hash
        var iterator = UTF8ScalarIterator(bytes, range)
        while let s = iterator.next() {
            if !isIgnored(s) { hash = extend(hash, s) }
        }
        return hash
    }

    /// Appends the values that extend a name's hash with the token at `range` of `bytes` (its
    /// scalars folded, spaces left out, `œ` as `oe`): extending a hash with them one by one
    /// (``FeatureHash/extend(_:_:)``) gives ``extend(_:bytes:range:)``.
    static func appendHashedScalars(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, to scalars: inout [UInt32]) {
        var iterator = UTF8ScalarIterator(bytes, range)
        while let s = iterator.next() {
            if isIgnored(s) { continue }
            let f = ScalarFolding.fold(s)
            scalars.append(f)
            if f == 0x6F && ScalarFolding.lower(s) == 0x153 { scalars.append(0x65) }
        }
    }

    /// ``annotate(bytes:ranges:attributes:into:)`` hashing every token from its bytes.
    func annotate(bytes: UnsafeBufferPointer<UInt8>, ranges: ArraySlice<Range<Int>>, into marks: inout [(begin: UInt8, inside: UInt8)]) {
        annotate(bytes: bytes, ranges: ranges, attributes: nil as [TokenAttributes]?, into: &marks)
    }

    @inline(__always)
    static func extend(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        let f = ScalarFolding.fold(scalar)
        if f == 0x6F && ScalarFolding.lower(scalar) == 0x153 {  // œ → oe
            return FeatureHash.extend(FeatureHash.extend(hash, 0x6F), 0x65)
        }
        return FeatureHash.extend(hash, f)
    }

    /// Spaces do not count when matching (token boundaries differ between tokenizers).
    @inline(__always)
    private static func isIgnored(_ scalar: UInt32) -> Bool {
        scalar == 0x20 || scalar == 0x09 || scalar == 0xA0 || scalar == 0x202F
    }
}

/// The tokens of a sentence as ``Gazetteer/annotate(_:into:)`` matches names against them.
protocol GazetteerTokens {
    /// The number of tokens.
    var count: Int { get }
    /// False when no name of `gazetteer` starts with token `i` (true when it may).
    func mayStartName(_ i: Int, in gazetteer: Gazetteer) -> Bool
    /// The hash of a name that starts with token `i`, after it (``Gazetteer/startHash(bytes:range:attributes:)``).
    func startHash(_ i: Int) -> UInt64
    /// `hash` extended with token `i` (``Gazetteer/extend(_:bytes:range:)``).
    func extend(_ hash: UInt64, with i: Int) -> UInt64
}

/// Tokens given as byte ranges, hashed from their bytes (and their attributes, when given).
struct ByteTokens<Attributes: RandomAccessCollection<TokenAttributes>>: GazetteerTokens where Attributes.Index == Int {
    let bytes: UnsafeBufferPointer<UInt8>
    let ranges: ArraySlice<Range<Int>>
    let attributes: Attributes?

    var count: Int { ranges.count }

    @inline(__always)
    func mayStartName(_ i: Int, in gazetteer: Gazetteer) -> Bool { true }

    @inline(__always)
    func startHash(_ i: Int) -> UInt64 {
        Gazetteer.startHash(bytes: bytes, range: ranges[ranges.startIndex + i], attributes: attributes.map { $0[$0.startIndex + i] })
    }

    @inline(__always)
    func extend(_ hash: UInt64, with i: Int) -> UInt64 {
        Gazetteer.extend(hash, bytes: bytes, range: ranges[ranges.startIndex + i])
    }
}
