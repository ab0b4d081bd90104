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
        // Walk up to the root or to an ancestor whose path is known.
        steps.removeAll(keepingCapacity: true)
        var current = element
        while current >= 0 && memo[current] == nil && steps.count < 1_000 {
            steps.append(current)
            current = Int(page.elements[current].parent)
        }
        // A path cut at 1,000 steps is not remembered: its ancestors' paths would start wrong.
        let isComplete = current < 0 || memo[current] != nil
        var path: [UInt8]
        if current < 0 {
            path = []
        } else if let known = memo[current] {
            path = Array(known.utf8)
        } else {
            path = Array("/…".utf8)
        }
        var result = ""
        for step in steps.reversed() {
            path.append(UInt8(ascii: "/"))
            path.append(contentsOf: page.elements[step].tag.nameBytes)
            let position = structure.position[step]
            if position > 0 {
                path.append(UInt8(ascii: "["))
                appendDecimal(Int(position), to: &path)
                path.append(UInt8(ascii: "]"))
            }
            if (isComplete && path.count <= 512) || step == element {
                result = String(decoding: path, as: UTF8.self)
                if isComplete && path.count <= 512 { memo[step] = result }
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
