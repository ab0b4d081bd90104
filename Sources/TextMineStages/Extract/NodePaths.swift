/// XPath-like paths to a page's elements (`/html/body/div[2]/p[3]`): unknown tags are `*`, and
/// paths deeper than 1,000 elements start with `…`.
///
/// Built from UTF-8 bytes and remembered per element, so the thousands of paragraphs of a long
/// page share the work of their common ancestors (only short paths are remembered: deep nesting
/// costs time, not memory).
struct NodePaths {
    private let page: ParsedPage
    private let structure: PageStructure
    /// The path bytes of elements already built (empty: not yet).
    private var memo: [[UInt8]]

    init(page: ParsedPage, structure: PageStructure) {
        self.page = page
        self.structure = structure
        memo = Array(repeating: [], count: page.elements.count)
    }

    /// The path of an element.
    mutating func path(of element: Int) -> String {
        String(decoding: bytes(of: element), as: UTF8.self)
    }

    private mutating func bytes(of element: Int) -> [UInt8] {
        // Walk up to the root or to an ancestor whose path is known.
        var steps: [Int] = []
        var current = element
        while current >= 0 && memo[current].isEmpty && steps.count < 1_000 {
            steps.append(current)
            current = Int(page.elements[current].parent)
        }
        // A path cut at 1,000 steps is not remembered: its ancestors' paths would start wrong.
        let isComplete = current < 0 || !memo[current].isEmpty
        var path: [UInt8]
        if current < 0 {
            path = []
        } else if isComplete {
            path = memo[current]
        } else {
            path = Array("/…".utf8)
        }
        for step in steps.reversed() {
            path.append(UInt8(ascii: "/"))
            path.append(contentsOf: page.elements[step].tag.nameBytes)
            let position = structure.position[step]
            if position > 0 {
                path.append(UInt8(ascii: "["))
                appendDecimal(Int(position), to: &path)
                path.append(UInt8(ascii: "]"))
            }
            if isComplete && path.count <= 512 { memo[step] = path }
        }
        return path
    }

    private func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes.append(contentsOf: digits.reversed())
    }
}
