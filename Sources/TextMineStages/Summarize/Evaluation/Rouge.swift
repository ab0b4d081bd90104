/// ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate summary against one reference.
package struct RougeScore: Sendable, Equatable {
    /// Unigram overlap F1.
    package var rouge1: Double
    /// Bigram overlap F1.
    package var rouge2: Double
    /// Longest-common-subsequence F1 over the whole summary (not per sentence).
    package var rougeL: Double

    package init(rouge1: Double, rouge2: Double, rougeL: Double) {
        self.rouge1 = rouge1
        self.rouge2 = rouge2
        self.rougeL = rougeL
    }
}

/// ROUGE (Lin, 2004) as the summarization benchmarks compute it without a stemmer: tokens are the
/// lowercase Unicode word runs of the text (`\w+`), no stopword removal, F1 of clipped n-gram
/// overlaps, and ROUGE-L on the longest common subsequence of the two token sequences.
package enum Rouge {
    /// Scores `candidate` against `reference`. An empty side scores 0.
    package static func score(candidate: String, reference: String) -> RougeScore {
        let c = tokens(candidate)
        let r = tokens(reference)
        return RougeScore(
            rouge1: f1(overlap: ngramOverlap(c, r, n: 1), c.count, r.count),
            rouge2: f1(overlap: ngramOverlap(c, r, n: 2), c.count - 1, r.count - 1),
            rougeL: f1(overlap: longestCommonSubsequence(c, r), c.count, r.count))
    }

    /// The lowercase word tokens of a text, each as a hash of its UTF-8 bytes.
    package static func tokens(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        var buffer: [UInt8] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { bytes in
            WordScanner.forEachWord(in: bytes, range: 0..<bytes.count) { word in
                buffer.removeAll(keepingCapacity: true)
                var index = word.lowerBound
                while index < word.upperBound {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        buffer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                        index += 1
                    } else {
                        let (value, width) = UTF8Scalar.decode(bytes, at: index, limit: word.upperBound)
                        if let scalar = Unicode.Scalar(value) { buffer.append(contentsOf: scalar.properties.lowercaseMapping.utf8) }
                        index += width
                    }
                }
                result.append(TermNormalizer.hash(buffer))
            }
        }
        return result
    }

    /// The clipped count of n-grams the two sequences share.
    static func ngramOverlap(_ candidate: [UInt64], _ reference: [UInt64], n: Int) -> Int {
        guard candidate.count >= n, reference.count >= n else { return 0 }
        func key(_ tokens: [UInt64], _ i: Int) -> UInt64 {
            n == 1 ? tokens[i] : tokens[i] &* 0x9E37_79B9_7F4A_7C15 ^ tokens[i + 1]
        }
        var counts: [UInt64: Int] = [:]
        for i in 0...(reference.count - n) { counts[key(reference, i), default: 0] += 1 }
        var overlap = 0
        for i in 0...(candidate.count - n) {
            let k = key(candidate, i)
            if let remaining = counts[k], remaining > 0 {
                overlap += 1
                counts[k] = remaining - 1
            }
        }
        return overlap
    }

    /// The length of the longest common subsequence (O(m·n) time, O(n) memory).
    static func longestCommonSubsequence(_ a: [UInt64], _ b: [UInt64]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func f1(overlap: Int, _ candidateCount: Int, _ referenceCount: Int) -> Double {
        guard overlap > 0, candidateCount > 0, referenceCount > 0 else { return 0 }
        let precision = Double(overlap) / Double(candidateCount)
        let recall = Double(overlap) / Double(referenceCount)
        return 2 * precision * recall / (precision + recall)
    }
}
