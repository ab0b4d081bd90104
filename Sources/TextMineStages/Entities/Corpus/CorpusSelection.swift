/// A corpus file and which of its sentences to use: `FILE` (all), `FILE#every-N` (sentences N,
/// 2N, 3N…) or `FILE#except-every-N` (all the others), `FILE#last-P%` (the last P percent of the
/// sentences, contiguous) or `FILE#except-last-P%` (the sentences before them). Each pair splits
/// one file into a held-out part and a training part, deterministically; the contiguous pair keeps
/// whole documents apart, as a test split of a contiguous corpus would. `FILE#upper-every-N` is
/// sentences N, 2N, 3N… written in capitals, for training copies that teach a tagger the
/// headlines and datelines of news (`LEICESTERSHIRE TAKE OVER AT TOP`).
package struct CorpusSelection: Sendable, Equatable, CustomStringConvertible {
    /// Which sentences of the file.
    package enum Part: Sendable, Equatable {
        case all
        case every(Int)
        case exceptEvery(Int)
        /// The last `percent` percent of the sentences (rounded down, at least one).
        case last(percent: Int)
        /// All the sentences before ``last(percent:)``.
        case exceptLast(percent: Int)
        /// Sentences N, 2N, 3N… with their tokens in capitals.
        case uppercaseEvery(Int)
    }

    package var path: String
    package var part: Part

    /// Parses `FILE`, `FILE#every-N`, `FILE#except-every-N`, `FILE#last-P%`, `FILE#except-last-P%`
    /// or `FILE#upper-every-N`.
    package init(parsing argument: String) throws {
        guard let hash = argument.lastIndex(of: "#") else {
            self.path = argument
            self.part = .all
            return
        }
        let suffix = argument[argument.index(after: hash)...]
        self.path = String(argument[..<hash])
        if suffix.hasPrefix("every-"), let n = Int(suffix.dropFirst(6)), n > 1 {
            part = .every(n)
        } else if suffix.hasPrefix("except-every-"), let n = Int(suffix.dropFirst(13)), n > 1 {
            part = .exceptEvery(n)
        } else if suffix.hasPrefix("upper-every-"), let n = Int(suffix.dropFirst(12)), n >= 1 {
            part = .uppercaseEvery(n)
        } else if let p = Self.percent(suffix, after: "last-") {
            part = .last(percent: p)
        } else if let p = Self.percent(suffix, after: "except-last-") {
            part = .exceptLast(percent: p)
        } else {
            throw CorpusSelectionError(argument: argument)
        }
    }

    /// The selected sentences of a file's sentences.
    package func select(_ sentences: [TaggedSentence]) -> [TaggedSentence] {
        select(sentences) { sentence in
            var upper = sentence
            upper.tokens = sentence.tokens.map { $0.uppercased() }
            return upper
        }
    }

    /// The selected items (sentences, lines) of a file's; `uppercased` makes an item's copy in
    /// capitals (for `#uppercase-every-N`).
    package func select<Item>(_ sentences: [Item], uppercased: (Item) -> Item) -> [Item] {
        switch part {
        case .all: sentences
        case .every(let n): sentences.enumerated().filter { ($0.offset + 1) % n == 0 }.map(\.element)
        case .exceptEvery(let n): sentences.enumerated().filter { ($0.offset + 1) % n != 0 }.map(\.element)
        case .last(let p): Array(sentences[Self.tailStart(sentences.count, p)...])
        case .exceptLast(let p): Array(sentences[..<Self.tailStart(sentences.count, p)])
        case .uppercaseEvery(let n):
            sentences.enumerated().filter { ($0.offset + 1) % n == 0 }.map { uppercased($0.element) }
        }
    }

    /// Where the last `percent` percent of `count` sentences start.
    private static func tailStart(_ count: Int, _ percent: Int) -> Int {
        count == 0 ? 0 : count - max(1, count * percent / 100)
    }

    /// `P` of `prefix` + `P%`, when 1 ≤ P ≤ 99.
    private static func percent(_ suffix: Substring, after prefix: String) -> Int? {
        guard suffix.hasPrefix(prefix), suffix.hasSuffix("%"),
              let p = Int(suffix.dropFirst(prefix.count).dropLast()), (1...99).contains(p) else { return nil }
        return p
    }

    /// The selection in words, for provenance.
    package var selectionDescription: String {
        switch part {
        case .all: "all sentences"
        case .every(let n): "every \(n)th sentence"
        case .exceptEvery(let n): "all but every \(n)th sentence"
        case .last(let p): "the last \(p)% of the sentences"
        case .exceptLast(let p): "all but the last \(p)% of the sentences"
        case .uppercaseEvery(let n): n == 1 ? "every sentence in capitals" : "every \(n)th sentence in capitals"
        }
    }

    package var description: String {
        switch part {
        case .all: path
        case .every(let n): "\(path)#every-\(n)"
        case .exceptEvery(let n): "\(path)#except-every-\(n)"
        case .last(let p): "\(path)#last-\(p)%"
        case .exceptLast(let p): "\(path)#except-last-\(p)%"
        case .uppercaseEvery(let n): "\(path)#upper-every-\(n)"
        }
    }
}

/// A corpus argument whose `#` suffix is not a selection.
package struct CorpusSelectionError: Error, CustomStringConvertible {
    package var argument: String
    package var description: String {
        "'\(argument)': after '#' write every-N or except-every-N (N ≥ 2), last-P% or except-last-P% (1 ≤ P ≤ 99), or upper-every-N (N ≥ 1), e.g. wikineural.tsv#except-every-10"
    }
}
