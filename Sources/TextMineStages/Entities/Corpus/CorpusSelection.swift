/// A corpus file and which of its sentences to use: `FILE` (all), `FILE#every-N` (sentences N,
/// 2N, 3N…) or `FILE#except-every-N` (all the others). The two selections split one file into a
/// held-out part and a training part, deterministically.
public struct CorpusSelection: Sendable, Equatable, CustomStringConvertible {
    /// Which sentences of the file.
    public enum Part: Sendable, Equatable {
        case all
        case every(Int)
        case exceptEvery(Int)
    }

    public var path: String
    public var part: Part

    /// Parses `FILE`, `FILE#every-N` or `FILE#except-every-N`.
    public init(parsing argument: String) throws {
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
        } else {
            throw CorpusSelectionError(argument: argument)
        }
    }

    /// The selected sentences of a file's sentences.
    public func select(_ sentences: [TaggedSentence]) -> [TaggedSentence] {
        switch part {
        case .all: sentences
        case .every(let n): sentences.enumerated().filter { ($0.offset + 1) % n == 0 }.map(\.element)
        case .exceptEvery(let n): sentences.enumerated().filter { ($0.offset + 1) % n != 0 }.map(\.element)
        }
    }

    /// The selection in words, for provenance.
    public var selectionDescription: String {
        switch part {
        case .all: "all sentences"
        case .every(let n): "every \(n)th sentence"
        case .exceptEvery(let n): "all but every \(n)th sentence"
        }
    }

    public var description: String {
        switch part {
        case .all: path
        case .every(let n): "\(path)#every-\(n)"
        case .exceptEvery(let n): "\(path)#except-every-\(n)"
        }
    }
}

/// A corpus argument whose `#` suffix is not a selection.
public struct CorpusSelectionError: Error, CustomStringConvertible {
    public var argument: String
    public var description: String {
        "'\(argument)': after '#' write every-N or except-every-N (N ≥ 2), e.g. wikineural.tsv#except-every-10"
    }
}
