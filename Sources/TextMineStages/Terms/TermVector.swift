/// A sparse bag of terms: dense term ids (sorted ascending) with weights.
struct TermVector: Sendable, Equatable {
    /// Term ids, ascending.
    var ids: [Int32] = []
    /// The weight of each id (a count, or a tf-idf weight).
    var weights: [Double] = []

    /// Whether the vector has no term.
    var isEmpty: Bool { ids.isEmpty }

    /// The Euclidean norm.
    var norm: Double { weights.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The dot product with another vector (merge of the two sorted id lists).
    func dot(_ other: TermVector) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < ids.count && j < other.ids.count {
            if ids[i] == other.ids[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The cosine similarity with another vector (0 when either is empty).
    func cosine(_ other: TermVector) -> Double {
        let denominator = norm * other.norm
        return denominator > 0 ? dot(other) / denominator : 0
    }

    /// Builds a vector from unsorted ids, counting repeats.
    static func counting(_ unsortedIDs: [Int32]) -> TermVector {
        var scratch: [Int32] = []
        return counting(unsortedIDs, scratch: &scratch)
    }

    /// Builds a vector from the term ids of a sentence's words (`-1` for words that are no term),
    /// counting repeats: the same vector as ``counting(_:scratch:)`` of the ids that are not
    /// negative, built without growing arrays (short lists are sorted by insertion).
    static func counting(termsOf words: ArraySlice<Int32>, scratch: inout [Int32]) -> TermVector {
        scratch.removeAll(keepingCapacity: true)
        for id in words where id >= 0 { scratch.append(id) }
        if scratch.count > 32 {
            scratch.sort()
        } else {
            scratch.withUnsafeMutableBufferPointer { ids in
                for i in ids.indices.dropFirst() {
                    let id = ids[i]
                    var j = i
                    while j > 0 && ids[j - 1] > id {
                        ids[j] = ids[j - 1]
                        j -= 1
                    }
                    ids[j] = id
                }
            }
        }
        var vector = TermVector()
        var distinct = 0
        for k in scratch.indices where k == 0 || scratch[k] != scratch[k - 1] { distinct += 1 }
        vector.ids.reserveCapacity(distinct)
        vector.weights.reserveCapacity(distinct)
        var previous: Int32 = -1
        var count = 0.0
        for id in scratch {
            if id != previous {
                if count > 0 {
                    vector.ids.append(previous)
                    vector.weights.append(count)
                }
                previous = id
                count = 0
            }
            count += 1
        }
        if count > 0 {
            vector.ids.append(previous)
            vector.weights.append(count)
        }
        return vector
    }

    /// Builds a vector from the ids `ids` yields (unsorted), counting repeats; `scratch` is working
    /// space that a caller building many vectors reuses.
    static func counting(_ ids: some Sequence<Int32>, scratch: inout [Int32]) -> TermVector {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: ids)
        scratch.sort()
        var vector = TermVector()
        vector.ids.reserveCapacity(scratch.count)
        vector.weights.reserveCapacity(scratch.count)
        for id in scratch {
            if vector.ids.last == id {
                vector.weights[vector.weights.count - 1] += 1
            } else {
                vector.ids.append(id)
                vector.weights.append(1)
            }
        }
        return vector
    }
}
