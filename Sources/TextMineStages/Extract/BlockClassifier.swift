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
        let initial = blocks.map {
            initialClass(of: page.blocks[$0], hints: hintsInside(container, of: page.blocks[$0], in: page, structure: structure), title: title)
        }
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
        // Neighbour smoothing for short and near-good paragraphs.
        for (index, value) in initial.enumerated() {
            let previous = nearest(isGood, from: index, step: -1)
            let next = nearest(isGood, from: index, step: 1)
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

    /// The nearest sure class before or after `index` (nil at the edge: counts as not good).
    private func nearest(_ classes: [Bool?], from index: Int, step: Int) -> Bool? {
        var cursor = index + step
        while cursor >= 0 && cursor < classes.count {
            if let value = classes[cursor] { return value }
            cursor += step
        }
        return nil
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

    /// The hints of the paragraph's element and its ancestors up to, not including, `container`
    /// (all credible hints of its ancestors when there is no container).
    private func hintsInside(_ container: Int?, of block: PageBlock, in page: ParsedPage, structure: PageStructure) -> ElementHints {
        guard let container else { return structure.inheritedHints[block.element] }
        var hints: ElementHints = []
        var current = block.element
        while current >= 0 && current != container {
            hints.formUnion(structure.credibleHints[current])
            current = Int(page.elements[current].parent)
        }
        return hints
    }
}
