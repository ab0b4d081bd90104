/// The occurrences (word ranges) of the key phrases kept so far, for the question asked of every
/// later candidate: does a kept phrase contain this occurrence? Answered by looking back at most
/// the length of the longest kept phrase, without sorting or allocating.
struct TakenPhrases {
    /// The furthest last word of a kept occurrence that starts at each word (-1: none).
    private var reach: [Int]
    /// The most words between a kept occurrence's first and last word.
    private var longest = 0

    init(wordCount: Int) {
        reach = [Int](repeating: -1, count: wordCount)
    }

    /// Keeps occurrences.
    mutating func add(_ occurrences: some Sequence<ClosedRange<Int>>) {
        for occurrence in occurrences {
            reach[occurrence.lowerBound] = max(reach[occurrence.lowerBound], occurrence.upperBound)
            longest = max(longest, occurrence.upperBound - occurrence.lowerBound)
        }
    }

    /// Whether a kept occurrence contains `occurrence`: it starts at or before it, and no earlier
    /// than `longest` words before its end.
    func covers(_ occurrence: ClosedRange<Int>) -> Bool {
        var start = occurrence.lowerBound
        let earliest = max(0, occurrence.upperBound - longest)
        while start >= earliest {
            if reach[start] >= occurrence.upperBound { return true }
            start -= 1
        }
        return false
    }
}
