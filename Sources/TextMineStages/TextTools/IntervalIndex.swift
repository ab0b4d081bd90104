/// Intervals (ranges of offsets) indexed for two questions asked once per item of a long list:
/// does any interval overlap a range, does one contain it. Each answer costs O(log n) plus the
/// intervals that nest around the range (few in practice), where a scan of every interval per item
/// made whole-article loops quadratic.
struct IntervalIndex {
    /// The intervals sorted by start.
    private var sorted: [Range<Int>] = []
    /// The largest end among `sorted[0...i]`.
    private var maxEnd: [Int] = []

    init() {}

    init(_ intervals: some Sequence<Range<Int>>) {
        add(intervals)
    }

    /// Adds intervals: sorts them and merges them into the index (linear in its size, for
    /// occasional additions).
    mutating func add(_ intervals: some Sequence<Range<Int>>) {
        let added = intervals.sorted { $0.lowerBound < $1.lowerBound }
        guard !added.isEmpty else { return }
        var merged: [Range<Int>] = []
        merged.reserveCapacity(sorted.count + added.count)
        var old = 0
        for interval in added {
            while old < sorted.count && sorted[old].lowerBound <= interval.lowerBound {
                merged.append(sorted[old])
                old += 1
            }
            merged.append(interval)
        }
        merged.append(contentsOf: sorted[old...])
        sorted = merged
        maxEnd.removeAll(keepingCapacity: true)
        maxEnd.reserveCapacity(sorted.count)
        var furthest = Int.min
        for interval in sorted {
            furthest = Swift.max(furthest, interval.upperBound)
            maxEnd.append(furthest)
        }
    }

    /// Whether some interval shares an offset with `range` (empty intervals and ranges share none).
    func overlaps(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        // From the last interval starting before the range's end, back while one can still reach it.
        var index = startingBefore(range.upperBound) - 1
        while index >= 0, maxEnd[index] > range.lowerBound {
            if sorted[index].overlaps(range) { return true }
            index -= 1
        }
        return false
    }

    /// Whether some interval contains `range`: among those starting at or before it, the furthest
    /// end reaches its end.
    func covers(_ range: Range<Int>) -> Bool {
        let count = startingBefore(range.lowerBound + 1)
        return count > 0 && maxEnd[count - 1] >= range.upperBound
    }

    /// The number of intervals that start before `offset`.
    private func startingBefore(_ offset: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
