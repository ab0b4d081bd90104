/// Finds the element that holds the article: the subtree that maximises content text minus
/// boilerplate text (text density, link density, class/id and tag semantics).
///
/// Each paragraph weighs its non-link bytes when it looks like content, and a negative weight when
/// it looks like boilerplate (credibly hinted as navigation, comments, share…; link lists; very
/// short lines). Weights are summed up the tree in one reverse pass; the best subtree wins, so a wrapper
/// that adds more boilerplate than content loses to the tighter container inside it.
struct ContentScorer: Sendable {
    /// Paragraphs shorter than this (UTF-8 bytes) weigh as boilerplate.
    var shortBytes = 40
    /// Paragraphs with more link text than this share weigh as boilerplate.
    var maxLinkDensity = 0.5
    /// The bonus factor for elements hinted as the article body (`itemprop=articleBody`…).
    var articleBodyBonus = 0.15
    /// An element inside the best container that is hinted as the article (`<article>`,
    /// `itemprop=articleBody`…) and holds at least this share of its score is the container
    /// instead: what the wrapper adds around it (a paywall notice, teasers written as sentences)
    /// is less likely article text than what the page marks as the article…
    var articleShare = 0.65
    /// …provided it also holds this share of the content (the positive weights alone): an
    /// article cut into sections between ad slots and comment boxes marks each section as
    /// article content, and the boilerplate between them, which has hints of its own, is dropped
    /// inside the container anyway.
    var articleContentShare = 0.5
    /// When the best container lies inside an `<article>` (or an article-body element) that
    /// scores above zero and holds at least this many times its content, that article is the
    /// container: the best container was one of its sections (then no element inside is preferred).
    var articleGrowth = 1.25

    /// The best container, or nil when no paragraph looks like content.
    func bestContainer(in page: ParsedPage, structure: PageStructure) -> Int? {
        let elements = page.elements
        guard !elements.isEmpty else { return nil }
        var score = [Double](repeating: 0, count: elements.count)
        var content = [Double](repeating: 0, count: elements.count)
        var hasContent = false
        for block in page.blocks {
            let weight = self.weight(of: block, hints: structure.inheritedHints[block.element])
            if weight > 0 {
                hasContent = true
                content[block.element] += weight
            }
            score[block.element] += weight
        }
        guard hasContent else { return nil }
        for index in elements.indices.reversed() {
            let parent = Int(elements[index].parent)
            if parent >= 0 {
                score[parent] += score[index]
                content[parent] += content[index]
            }
        }
        var best = -1
        var bestValue = 0.0
        for index in elements.indices {
            let element = elements[index]
            guard !element.tag.isSkipped, element.tag != .p, element.tag.headingLevel == nil else { continue }
            var value = score[index]
            if !structure.credibleHints[index].isDisjoint(with: .negative) { continue }
            if element.ownHints.contains(.articleBody) || element.ownHints.contains(.articleTag) {
                value *= 1 + articleBodyBonus
            }
            if value >= bestValue && value > 0 {
                best = index
                bestValue = value
            }
        }
        guard best >= 0 else { return nil }
        if let article = enclosingArticle(of: best, elements: elements, structure: structure, score: score, content: content) {
            return article
        }
        var article = best
        for index in (best + 1)..<structure.subtreeEnd[best]
        where !elements[index].ownHints.isDisjoint(with: [.articleBody, .articleTag])
            && structure.credibleHints[index].isDisjoint(with: .negative)
            && score[index] >= articleShare * score[best] && content[index] >= articleContentShare * content[best]
            && (article == best || score[index] > score[article])
        {
            article = index
        }
        return article
    }

    /// The `<article>` (or article-body element) nearest above `best`, when it scores above zero
    /// and holds at least `articleGrowth` times its content: `best` is one of its sections.
    private func enclosingArticle(of best: Int, elements: [PageElement], structure: PageStructure,
                                  score: [Double], content: [Double]) -> Int? {
        var ancestor = Int(elements[best].parent)
        while ancestor >= 0 {
            if elements[ancestor].tag == .article || elements[ancestor].ownHints.contains(.articleBody) {
                let grows = content[ancestor] >= articleGrowth * content[best] && score[ancestor] > 0
                return grows && structure.credibleHints[ancestor].isDisjoint(with: .negative) ? ancestor : nil
            }
            ancestor = Int(elements[ancestor].parent)
        }
        return nil
    }

    /// The weight of a paragraph: positive for content, negative for boilerplate.
    func weight(of block: PageBlock, hints: ElementHints) -> Double {
        let bytes = Double(block.byteCount)
        if !hints.isDisjoint(with: .negative) { return -bytes }
        if block.linkDensity > maxLinkDensity { return -bytes * 0.5 }
        if block.byteCount < shortBytes { return -bytes * 0.3 }
        return Double(block.byteCount - block.linkByteCount)
    }
}
