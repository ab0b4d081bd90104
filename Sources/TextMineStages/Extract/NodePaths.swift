/// XPath-like paths to a page's elements (`/html/body/div[2]/p[3]`): unknown tags are `*`, and
/// a path of more than ``maxSteps`` elements keeps its last ``maxSteps`` after `/…` (the block's
/// byte range still gives its exact place), so that a page of thousands of never-closed `<div>`s
/// does not write a path as long as the page for each of its paragraphs.
///
/// Built from UTF-8 bytes and remembered per element, so the thousands of paragraphs of a long
/// page share the work of their common ancestors.
struct NodePaths {
    /// The most elements a path names (real pages nest paragraphs 10 to 40 deep).
    static let maxSteps = 64

    private let page: ParsedPage
    private let structure: PageStructure
    /// The paths of elements already built (nil: not yet, or cut).
    private var memo: [String?]
    /// The number of steps of each remembered path.
    private var depth: [Int32]
    /// A reusable buffer for the elements between an element and its nearest known ancestor.
    private var steps: [Int] = []

    init(page: ParsedPage, structure: PageStructure) {
        self.page = page
        self.structure = structure
        memo = Array(repeating: nil, count: page.elements.count)
        depth = Array(repeating: 0, count: page.elements.count)
    }

    /// The path of an element.
    mutating func path(of element: Int) -> String {
        if let known = memo[element] { return known }
        let elements = page.elements
        // Walk up to the root or to an ancestor whose path is known, at most `maxSteps` steps.
        steps.removeAll(keepingCapacity: true)
        var current = element
        while current >= 0 && steps.count < Self.maxSteps && memo[current] == nil {
            steps.append(current)
            current = Int(elements[current].parent)
        }
        let ancestorDepth = current >= 0 && memo[current] != nil ? Int(depth[current]) : 0
        let isComplete = current < 0 || (memo[current] != nil && ancestorDepth + steps.count <= Self.maxSteps)
        var path: [UInt8]
        if isComplete {
            path = current < 0 ? [] : Array(memo[current]!.utf8)
        } else {
            // Too deep: the last `maxSteps` elements, whatever is remembered above them.
            while current >= 0 && steps.count < Self.maxSteps {
                steps.append(current)
                current = Int(elements[current].parent)
            }
            path = Array("/…".utf8)
        }
        var result = ""
        for (index, step) in steps.enumerated().reversed() {
            append(step, to: &path)
            if isComplete {
                result = String(decoding: path, as: UTF8.self)
                memo[step] = result
                depth[step] = Int32(ancestorDepth + steps.count - index)
            }
        }
        return isComplete ? result : String(decoding: path, as: UTF8.self)
    }

    /// Appends an element's step: `/tag`, with `[n]` among same-tag siblings.
    private func append(_ element: Int, to path: inout [UInt8]) {
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: page.elements[element].tag.nameBytes)
        let position = structure.position[element]
        if position > 0 {
            path.append(UInt8(ascii: "["))
            appendDecimal(Int(position), to: &path)
            path.append(UInt8(ascii: "]"))
        }
    }

    private func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }
}
