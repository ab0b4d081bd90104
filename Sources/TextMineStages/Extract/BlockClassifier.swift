/// Classifies the paragraphs of a container as content or boilerplate, jusText-style: a first
/// pass from each paragraph's own features (hints, link density, length, stopword density), then
/// neighbour smoothing for short paragraphs and headings.
///
/// Stopwords tell prose from lists: a paragraph whose words are at least 20% stopwords of the
/// page's language is a sentence, even when many of its words are links (an encyclopedia's
/// paragraphs link every other noun); a run of link texts is not. Pages in a language without a
/// pack are judged by length and link density alone.
struct BlockClassifier: Sendable {
    /// The index of the page's stopword language in the pack library, if any.
    var language: Int?
    /// Paragraphs at least this long (UTF-8 bytes) with little link text are content on their own.
    var goodBytes = 70
    /// Paragraphs shorter than this are "short" and take their neighbours' class.
    var nearGoodBytes = 30
    /// Above this link-text share a paragraph is boilerplate, unless it is prose.
    var maxLinkDensity = 0.7
    /// Up to this link-text share a long paragraph is good.
    var goodLinkDensity = 0.25
    /// A long paragraph with at least this stopword density is prose: good up to `proseLinkDensity`.
    var proseStopwordDensity = 0.2
    var proseLinkDensity = 0.8

    /// A paragraph's class.
    enum Verdict: Equatable, Sendable {
        case good
        case bad(reason: String)
    }

    private enum Initial {
        case good, nearGood, short, heading
        case bad(String)
    }

    /// Classifies `blocks` (indexes into `page.blocks`, in document order) found inside
    /// `container`; hints count only from elements inside it.
    func classify(_ blocks: [Int], in page: ParsedPage, structure: PageStructure, container: Int?, title: String?) -> [Verdict] {
        let hints = HintsInside(container, page: page, structure: structure)
        let initial = blocks.map { initialClass(of: page.blocks[$0], hints: hints[page.blocks[$0].element], title: title) }
        var verdicts = [Verdict](repeating: .bad(reason: "short"), count: initial.count)
        // Sure classes first.
        var isGood = [Bool?](repeating: nil, count: initial.count)
        for (index, value) in initial.enumerated() {
            switch value {
            case .good:
                isGood[index] = true
                verdicts[index] = .good
            case .bad(let reason):
                isGood[index] = false
                verdicts[index] = .bad(reason: reason)
            default: break
            }
        }
        // Neighbour smoothing for short and near-good paragraphs, from the nearest sure class on
        // each side (nil at the edge: counts as not good).
        let previousSure = Self.nearestBefore(isGood)
        let nextSure = Array(Self.nearestBefore(isGood.reversed()).reversed())
        for (index, value) in initial.enumerated() {
            let previous = previousSure[index]
            let next = nextSure[index]
            switch value {
            case .short:
                verdicts[index] = previous == true && next == true ? .good : .bad(reason: "short")
            case .nearGood:
                verdicts[index] = previous == true || next == true ? .good : .bad(reason: "short")
            case .heading:
                verdicts[index] = next == true ? .good : .bad(reason: "heading-without-content")
            default: break
            }
        }
        return verdicts
    }

    /// For each position, the nearest sure class before it (nil if none), in one pass.
    private static func nearestBefore(_ classes: some Sequence<Bool?>) -> [Bool?] {
        var nearest: [Bool?] = []
        var last: Bool?
        for value in classes {
            nearest.append(last)
            if let value { last = value }
        }
        return nearest
    }

    private func initialClass(of block: PageBlock, hints: ElementHints, title: String?) -> Initial {
        if !hints.isDisjoint(with: .negative) { return .bad(hints.intersection(.negative).reason) }
        if hints.contains(.caption) { return .bad("caption") }
        let isProse = language.map { block.stopwords.density($0) >= proseStopwordDensity } ?? false
            && block.byteCount >= goodBytes && block.linkDensity <= proseLinkDensity
        if block.linkDensity > maxLinkDensity && !isProse { return .bad("links") }
        if block.headingLevel != nil {
            if let title, block.text == title || (block.headingLevel == 1 && title.hasPrefix(block.text)) {
                return .bad("title")
            }
            return .heading
        }
        if block.byteCount >= goodBytes && block.linkDensity <= goodLinkDensity || isProse { return .good }
        if block.byteCount >= nearGoodBytes { return .nearGood }
        return .short
    }
}

/// The hints of each element joined with its ancestors' up to, not including, a container (all
/// credible hints of its ancestors when there is no container), built in one pass over the
/// container's subtree: elements are in document order, so a parent comes before its children.
private struct HintsInside {
    private let container: Int
    private let structure: PageStructure
    /// By element - container, for the container's subtree.
    private let hints: [ElementHints]  // elements outside the subtree have none: they are not classified

    init(_ container: Int?, page: ParsedPage, structure: PageStructure) {
        self.structure = structure
        guard let container else {
            self.container = -1
            hints = []
            return
        }
        self.container = container
        let end = structure.subtreeEnd[container]
        var hints = [ElementHints](repeating: [], count: end - container)
        for element in (container + 1)..<end {
            let parent = Int(page.elements[element].parent)
            let above = parent > container ? hints[parent - container] : []
            hints[element - container] = above.union(structure.credibleHints[element])
        }
        self.hints = hints
    }

    subscript(element: Int) -> ElementHints {
        guard container >= 0 else { return structure.inheritedHints[element] }
        let offset = element - container
        return offset >= 0 && offset < hints.count ? hints[offset] : []
    }
}
