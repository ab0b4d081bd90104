/// Scored items given back best first (lowest score, then lowest index), for loops that read only
/// the best few of many: a binary heap, built in linear time, each item taken in O(log n), where
/// sorting every item costs O(n log n) up front.
struct BestFirst: Sequence, IteratorProtocol {
    typealias Element = (index: Int, score: Double)

    private var heap: [Element]

    init(_ items: [Element]) {
        heap = items
        var parent = heap.count / 2 - 1
        while parent >= 0 {
            siftDown(parent)
            parent -= 1
        }
    }

    /// The best item left, removed.
    mutating func next() -> Element? {
        guard let best = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return best
    }

    @inline(__always)
    private static func precedes(_ left: Element, _ right: Element) -> Bool {
        left.score != right.score ? left.score < right.score : left.index < right.index
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let item = heap[parent]
        while true {
            var child = 2 * parent + 1
            guard child < heap.count else { break }
            if child + 1 < heap.count && Self.precedes(heap[child + 1], heap[child]) { child += 1 }
            guard Self.precedes(heap[child], item) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = item
    }
}
