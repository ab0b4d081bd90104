/// Tree facts about a parsed page computed in linear passes (no recursion): subtree extents and
/// node paths.
struct PageStructure: Sendable {
    /// For each element, one past the index of its last descendant: the subtree of `e` is
    /// `e..<subtreeEnd[e]` (elements are in document order).
    let subtreeEnd: [Int]
    /// For each element, its 1-based position among its parent's children with the same tag, or 0
    /// when it is the only one (XPath leaves the index out then).
    private let position: [Int32]

    init(page: ParsedPage) {
        let elements = page.elements
        var end = [Int](repeating: 0, count: elements.count)
        for index in elements.indices.reversed() {
            end[index] = max(end[index], index + 1)
            let parent = Int(elements[index].parent)
            if parent >= 0 { end[parent] = max(end[parent], end[index]) }
        }
        subtreeEnd = end
        // Children come in document order: count them per (parent, tag).
        var counts: [Int: Int32] = [:]
        var position = [Int32](repeating: 0, count: elements.count)
        for (index, element) in elements.enumerated() {
            let key = (Int(element.parent) + 1) << 8 | Int(element.tag.rawValue)
            let count = (counts[key] ?? 0) + 1
            counts[key] = count
            position[index] = count
        }
        for (index, element) in elements.enumerated() where position[index] == 1 {
            let key = (Int(element.parent) + 1) << 8 | Int(element.tag.rawValue)
            if counts[key] == 1 { position[index] = 0 }
        }
        self.position = position
    }

    /// Whether `element` lies inside the subtree of `ancestor` (or is it).
    func contains(_ ancestor: Int, _ element: Int) -> Bool {
        element >= ancestor && element < subtreeEnd[ancestor]
    }

    /// An XPath-like path to an element (`/html/body/div[2]/p[3]`); unknown tags are `*`, and
    /// paths deeper than 1,000 elements start with `…`.
    func path(of element: Int, in page: ParsedPage) -> String {
        var steps: [String] = []
        var current = element
        while current >= 0 && steps.count < 1_000 {
            let node = page.elements[current]
            steps.append(position[current] > 0 ? "\(node.tag.name)[\(position[current])]" : node.tag.name)
            current = Int(node.parent)
        }
        if current >= 0 { steps.append("…") }
        return "/" + steps.reversed().joined(separator: "/")
    }
}
