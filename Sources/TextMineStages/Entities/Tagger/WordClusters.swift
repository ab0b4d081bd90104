import Foundation

/// Distributional word classes: words that occur in similar contexts share a class, so the tagger
/// learns about a rare or OCR-damaged word (`Pétersbourg`, `Parisl`) from the frequent words of its
/// class. Two granularities: ``fineCount`` classes, each in one of a few coarse classes.
///
/// Classes are learnt by the trainer from the raw tokens of its training files (no tags needed) and
/// shipped inside the model file; a word is known by ``TokenAttributes/norm`` (lowercased, accents
/// removed, digits made `0`). Learning is spherical k-means over each word's positive pointwise
/// mutual information with its left and right neighbours (a cheap stand-in for Brown clusters),
/// deterministic: same text, same classes.
struct WordClusters: Sendable, Equatable {
    /// The class of words without one (too rare when the classes were learnt).
    static let unknown: UInt16 = 0xFFFF

    /// The number of fine classes.
    let fineCount: Int
    /// The coarse class of each fine class.
    let coarse: [UInt8]
    /// Word hashes, ascending.
    let words: [UInt64]
    /// The fine class of each of `words`.
    let classes: [UInt16]
    private let table: HashedKeyTable<UInt16>

    /// Classes as stored in a model file; `words` must be ascending and `classes` below `coarse.count`.
    init(coarse: [UInt8], words: [UInt64], classes: [UInt16]) {
        self.fineCount = coarse.count
        self.coarse = coarse
        self.words = words
        self.classes = classes
        var table = HashedKeyTable<UInt16>(capacity: words.count)
        // Stored plus one, so that 0 stays the table's "no value".
        for (word, fine) in zip(words, classes) { table.insert(word, orBits: fine + 1) }
        self.table = table
    }

    /// No classes: every word is ``unknown``.
    static let empty = WordClusters(coarse: [], words: [], classes: [])

    /// The fine class of a word (its ``TokenAttributes/norm`` hash), or ``unknown``.
    @inline(__always)
    func fine(_ word: UInt64) -> UInt16 {
        guard let stored = table[word], stored > 0 else { return Self.unknown }
        return stored - 1
    }

    /// The coarse class of a fine class (``unknown`` stays unknown).
    @inline(__always)
    func coarse(of fine: UInt16) -> UInt16 {
        fine == Self.unknown ? Self.unknown : UInt16(coarse[Int(fine)])
    }

    static func == (a: WordClusters, b: WordClusters) -> Bool {
        a.coarse == b.coarse && a.words == b.words && a.classes == b.classes
    }

    /// How classes are learnt.
    struct Settings: Sendable {
        /// Fine classes.
        var fine = 256
        /// Coarse classes.
        var coarse = 32
        /// Words seen fewer times get no class.
        var minCount = 4
        /// The most frequent words used as context dimensions.
        var contexts = 500
        /// Rounds of k-means.
        var iterations = 12
    }

    /// Learns classes from sentences given as word hashes (``TokenAttributes/norm``).
    static func learn(from sentences: [[UInt64]], settings: Settings = Settings()) -> WordClusters {
        var counts: [UInt64: Int] = [:]
        for sentence in sentences { for word in sentence { counts[word, default: 0] += 1 } }
        // Most frequent first; ties by hash, so that the order does not depend on the dictionary's.
        let ranked = counts.filter { $0.value >= settings.minCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard ranked.count >= 2 else { return .empty }
        var index: [UInt64: Int32] = [:]
        for (i, entry) in ranked.enumerated() { index[entry.key] = Int32(i) }
        let contextCount = min(settings.contexts, ranked.count)
        // Dimensions: left neighbour 0..<C, right neighbour C..<2C, sentence boundary 2C (left), 2C+1 (right).
        let dimensions = 2 * contextCount + 2
        var pairs: [UInt64] = []
        for sentence in sentences {
            for (i, word) in sentence.enumerated() {
                guard let w = index[word] else { continue }
                let left = i == 0 ? 2 * contextCount : index[sentence[i - 1]].flatMap { Int($0) < contextCount ? Int($0) : nil }
                let right = i + 1 == sentence.count ? 2 * contextCount + 1
                    : index[sentence[i + 1]].flatMap { Int($0) < contextCount ? contextCount + Int($0) : nil }
                if let left { pairs.append(UInt64(w) << 32 | UInt64(left)) }
                if let right { pairs.append(UInt64(w) << 32 | UInt64(right)) }
            }
        }
        pairs.sort()
        // Sparse PPMI vectors, one per ranked word, L2-normalised.
        var dimensionTotals = [Double](repeating: 0, count: dimensions)
        var wordTotals = [Double](repeating: 0, count: ranked.count)
        for pair in pairs {
            dimensionTotals[Int(pair & 0xFFFF_FFFF)] += 1
            wordTotals[Int(pair >> 32)] += 1
        }
        let total = Double(pairs.count)
        var starts = [Int](repeating: 0, count: ranked.count + 1)
        var dims: [Int32] = []
        var values: [Float] = []
        var k = 0
        for w in 0..<ranked.count {
            starts[w] = dims.count
            var norm = 0.0
            let first = dims.count
            while k < pairs.count && Int(pairs[k] >> 32) == w {
                var end = k
                while end < pairs.count && pairs[end] == pairs[k] { end += 1 }
                let d = Int(pairs[k] & 0xFFFF_FFFF)
                let pmi = log(Double(end - k) * total / (wordTotals[w] * dimensionTotals[d]))
                if pmi > 0 {
                    dims.append(Int32(d))
                    values.append(Float(pmi))
                    norm += pmi * pmi
                }
                k = end
            }
            if norm > 0 {
                let scale = Float(1 / norm.squareRoot())
                for v in first..<values.count { values[v] *= scale }
            }
        }
        starts[ranked.count] = dims.count
        let vectors = SparseVectors(starts: starts, dims: dims, values: values, dimensions: dimensions)
        let fineCount = min(settings.fine, ranked.count)
        let fine = vectors.sphericalKMeans(k: fineCount, iterations: settings.iterations)
        // Coarse classes: the fine centroids clustered again.
        let centroids = fine.centroids
        let coarseCount = min(settings.coarse, fineCount)
        let coarse = SparseVectors(dense: centroids, count: fineCount, dimensions: dimensions)
            .sphericalKMeans(k: coarseCount, iterations: settings.iterations).assignment
        var sorted = Array(0..<ranked.count)
        sorted.sort { ranked[$0].key < ranked[$1].key }
        return WordClusters(coarse: coarse.map { UInt8($0) }, words: sorted.map { ranked[$0].key },
                            classes: sorted.map { UInt16(fine.assignment[$0]) })
    }
}

/// Row-normalised sparse vectors and the spherical k-means that ``WordClusters`` learns with.
private struct SparseVectors {
    var starts: [Int]
    var dims: [Int32]
    var values: [Float]
    let dimensions: Int

    init(starts: [Int], dims: [Int32], values: [Float], dimensions: Int) {
        self.starts = starts
        self.dims = dims
        self.values = values
        self.dimensions = dimensions
    }

    /// Dense row-major vectors, their zero entries left out.
    init(dense: [Float], count: Int, dimensions: Int) {
        var starts = [0], dims: [Int32] = [], values: [Float] = []
        for row in 0..<count {
            for d in 0..<dimensions where dense[row * dimensions + d] != 0 {
                dims.append(Int32(d))
                values.append(dense[row * dimensions + d])
            }
            starts.append(dims.count)
        }
        self.init(starts: starts, dims: dims, values: values, dimensions: dimensions)
    }

    var count: Int { starts.count - 1 }

    /// Clusters the vectors by cosine similarity; the first centroids are vectors spread evenly
    /// over the rows (deterministic). Returns each row's cluster and the normalised centroids.
    func sphericalKMeans(k: Int, iterations: Int) -> (assignment: [Int], centroids: [Float]) {
        let n = count, D = dimensions
        var centroids = [Float](repeating: 0, count: k * D)
        for c in 0..<k {
            let row = c * n / k
            for e in starts[row]..<starts[row + 1] { centroids[c * D + Int(dims[e])] = values[e] }
        }
        var assignment = [Int](repeating: -1, count: n)
        for _ in 0..<max(1, iterations) {
            var changed = false
            centroids.withUnsafeBufferPointer { centroids in
                for row in 0..<n {
                    var best = 0
                    var bestScore: Float = -.infinity
                    for c in 0..<k {
                        var score: Float = 0
                        let base = c * D
                        for e in starts[row]..<starts[row + 1] { score += values[e] * centroids[base + Int(dims[e])] }
                        if score > bestScore {
                            bestScore = score
                            best = c
                        }
                    }
                    if assignment[row] != best {
                        assignment[row] = best
                        changed = true
                    }
                }
            }
            var sums = [Float](repeating: 0, count: k * D)
            for row in 0..<n {
                let base = assignment[row] * D
                for e in starts[row]..<starts[row + 1] { sums[base + Int(dims[e])] += values[e] }
            }
            for c in 0..<k {
                var norm: Float = 0
                for d in 0..<D { norm += sums[c * D + d] * sums[c * D + d] }
                // An empty cluster keeps its centroid.
                guard norm > 0 else { continue }
                let scale = 1 / norm.squareRoot()
                for d in 0..<D { centroids[c * D + d] = sums[c * D + d] * scale }
            }
            if !changed { break }
        }
        return (assignment, centroids)
    }
}
