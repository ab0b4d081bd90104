/// A sentence of a training or evaluation corpus: tokens with their gold IOB2 tags.
package struct TaggedSentence: Sendable, Equatable {
    /// The tokens.
    package var tokens: [String]
    /// One tag per token: `O`, `B-TYPE` or `I-TYPE`.
    package var tags: [String]
    /// The 1-based line of the first token in its file.
    package var line: Int

    package init(tokens: [String], tags: [String], line: Int = 1) {
        precondition(tokens.count == tags.count, "a tagged sentence needs one tag per token")
        self.tokens = tokens
        self.tags = tags
        self.line = line
    }

    /// The tokens joined by spaces as UTF-8, with each token's byte range: the form the tagger reads.
    var utf8WithRanges: (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for token in tokens {
            if !bytes.isEmpty { bytes.append(0x20) }
            let start = bytes.count
            bytes.append(contentsOf: token.utf8)
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }
}
