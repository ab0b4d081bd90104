/// Tree facts about a parsed page computed in linear passes (no recursion): subtree extents and
/// node paths.
struct PageStructure: Sendable {
    /// For each element, one past the index of its last descendant: the subtree of `e` is
    /// `e..<subtreeEnd[e]` (elements are in document order).
    let subtreeEnd: [Int]

    init(page: ParsedPage) {
        let elements = page.elements
        var end = [Int](repeating: 0, count: elements.count)
        for index in elements.indices.reversed() {
            end[index] = max(end[index], index + 1)
            let parent = Int(elements[index].parent)
            if parent >= 0 { end[parent] = max(end[parent], end[index]) }
        }
        subtreeEnd = end
    }

    /// Whether `element` lies inside the subtree of `ancestor` (or is it).
    func contains(_ ancestor: Int, _ element: Int) -> Bool {
        element >= ancestor && element < subtreeEnd[ancestor]
    }

    /// An XPath-like path to an element (`/html/body/div[2]/p[3]`), built by walking up parents
    /// and previous siblings.
    static func path(of element: Int, in page: ParsedPage) -> String {
        var steps: [String] = []
        var current = element
        var guardSteps = 0
        while current >= 0 && guardSteps < 10_000 {
            let node = page.elements[current]
            var position = 1
            var hasSameTagSiblings = false
            var sibling = Int(node.previousSibling)
            while sibling >= 0 {
                if page.elements[sibling].tag == node.tag { position += 1 }
                sibling = Int(page.elements[sibling].previousSibling)
            }
            hasSameTagSiblings = position > 1
            let name = node.tag == .other ? "*" : "\(node.tag)"
            steps.append(hasSameTagSiblings ? "\(name)[\(position)]" : name)
            current = Int(node.parent)
            guardSteps += 1
        }
        if current >= 0 { steps.append("…") }
        return "/" + steps.reversed().joined(separator: "/")
    }
}
