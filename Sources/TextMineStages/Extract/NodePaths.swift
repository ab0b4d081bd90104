/// XPath-like paths to a page's elements (`/html/body/div[2]/p[3]`): unknown tags are `*`, and
/// paths deeper than 1,000 elements start with `…`.
///
/// Built from UTF-8 bytes and remembered per element, so the thousands of paragraphs of a long
/// page share the work of their common ancestors (only short paths are remembered: deep nesting
/// costs time, not memory).
struct NodePaths {
    private let page: ParsedPage
    private let structure: PageStructure
    /// The paths of elements already built (nil: not yet).
    private var memo: [String?]
    /// A reusable buffer for the elements between an element and its nearest known ancestor.
    private var steps: [Int] = []

    init(page: ParsedPage, structure: PageStructure) {
        self.page = page
        self.structure = structure
        memo = Array(repeating: nil, count: page.elements.count)
    }

    /// The path of an element.
    mutating func path(of element: Int) -> String {
        if let known = memo[element] { return known }
        let elements = page.elements
        let position = structure.position
        // Walk up to the root or to an ancestor whose path is known.
        steps.removeAll(keepingCapacity: true)
        var current = element
        var known: String?
        while current >= 0 && steps.count < 1_000 {
            known = memo[current]
            if known != nil { break }
            steps.append(current)
            current = Int(elements[current].parent)
        }
        if known == nil && current >= 0 { known = memo[current] }  // where 1,000 steps ended the walk
        // A path cut at 1,000 steps is not remembered: its ancestors' paths would start wrong.
        let isComplete = current < 0 || known != nil
        var path: [UInt8]
        if current < 0 {
            path = []
        } else if let known {
            path = Array(known.utf8)
        } else {
            path = Array("/…".utf8)
        }
        var result = ""
        for step in steps.reversed() {
            path.append(UInt8(ascii: "/"))
            path.append(contentsOf: elements[step].tag.nameBytes)
            if position[step] > 0 {
                path.append(UInt8(ascii: "["))
                appendDecimal(Int(position[step]), to: &path)
                path.append(UInt8(ascii: "]"))
            }
            let remembered = isComplete && path.count <= 512
            if remembered || step == element {
                result = String(decoding: path, as: UTF8.self)
                if remembered { memo[step] = result }
            }
        }
        return result
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
