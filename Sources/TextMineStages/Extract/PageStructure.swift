/// Tree facts about a parsed page computed in linear passes (no recursion): subtree extents,
/// credible hints, and sibling positions for node paths.
struct PageStructure: Sendable {
    /// A negative class or id hint on an element holding at least this share of the page's text is
    /// not believed: such an element wraps the article (`<div class="page has-sidebar">`), and the
    /// boilerplate inside it carries hints of its own. Hints from the tag (`<aside>`, `<nav>`) are
    /// believed unless the element contains the article body.
    static let wrapperShare = 0.35

    /// Each element's own hints, without the negative ones when the element is a wrapper.
    let credibleHints: [ElementHints]
    /// Each element's credible hints joined with its ancestors' (`<html>` and `<body>` excluded).
    let inheritedHints: [ElementHints]
    /// For each element, one past the index of its last descendant: the subtree of `e` is
    /// `e..<subtreeEnd[e]` (elements are in document order).
    let subtreeEnd: [Int]
    /// For each element, its 1-based position among its parent's children with the same tag, or 0
    /// when it is the only one (XPath leaves the index out then).
    let position: [Int32]

    init(page: ParsedPage) {
        let elements = page.elements
        var end = [Int](repeating: 0, count: elements.count)
        for index in elements.indices.reversed() {
            end[index] = max(end[index], index + 1)
            let parent = Int(elements[index].parent)
            if parent >= 0 { end[parent] = max(end[parent], end[index]) }
        }
        subtreeEnd = end
        // Text bytes per subtree, then credibility of negative hints.
        var textBytes = [Int](repeating: 0, count: elements.count)
        var total = 0
        for block in page.blocks {
            textBytes[block.element] += block.byteCount
            total += block.byteCount
        }
        var containsArticleBody = [Bool](repeating: false, count: elements.count)
        for index in elements.indices.reversed() {
            if elements[index].ownHints.contains(.articleBody) { containsArticleBody[index] = true }
            let parent = Int(elements[index].parent)
            if parent >= 0 {
                textBytes[parent] += textBytes[index]
                if containsArticleBody[index] { containsArticleBody[parent] = true }
            }
        }
        let wrapperBytes = Int(Double(total) * Self.wrapperShare)
        var credible = [ElementHints](repeating: [], count: elements.count)
        var inherited = [ElementHints](repeating: [], count: elements.count)
        for (index, element) in elements.enumerated() {
            var hints = element.ownHints
            let isWrapper = textBytes[index] > wrapperBytes && textBytes[index] > 500
            if containsArticleBody[index] {
                hints.subtract(ElementHints.negative.subtracting(.hidden))
            } else if isWrapper {
                // Class words of a wrapper describe the layout around the article; a `<nav>`,
                // `<aside>` or `<footer>` tag still says what the element is.
                hints.subtract(ElementHints.negative.subtracting(.hidden).subtracting(ElementHints(tag: element.tag)))
            }
            credible[index] = hints
            let parent = Int(element.parent)
            let above = parent >= 0 && elements[parent].tag != .html && elements[parent].tag != .body ? inherited[parent] : []
            inherited[index] = above.union(hints.subtracting(.pageHeader))
        }
        credibleHints = credible
        inheritedHints = inherited
        // Positions among same-tag siblings: walk each parent's children (linked backwards by
        // `previousSibling`) with one counter per tag, reset after each parent.
        var position = [Int32](repeating: 0, count: elements.count)
        var lastChild = [Int32](repeating: -1, count: elements.count + 1)  // by parent + 1
        for index in elements.indices { lastChild[Int(elements[index].parent) + 1] = Int32(index) }
        var counts = [Int32](repeating: 0, count: 256)
        var children: [Int32] = []
        for parent in lastChild.indices where lastChild[parent] >= 0 {
            children.removeAll(keepingCapacity: true)
            var child = lastChild[parent]
            while child >= 0 {
                children.append(child)
                child = elements[Int(child)].previousSibling
            }
            for child in children.reversed() {
                let tag = Int(elements[Int(child)].tag.rawValue)
                counts[tag] += 1
                position[Int(child)] = counts[tag]
            }
            for child in children {
                let tag = Int(elements[Int(child)].tag.rawValue)
                if counts[tag] == 1 { position[Int(child)] = 0 }
            }
            for child in children { counts[Int(elements[Int(child)].tag.rawValue)] = 0 }
        }
        self.position = position
    }

    /// Whether `element` lies inside the subtree of `ancestor` (or is it).
    func contains(_ ancestor: Int, _ element: Int) -> Bool {
        element >= ancestor && element < subtreeEnd[ancestor]
    }
}
