/// A way of choosing the main-text paragraphs of a page; the `extract` stage tries its configured
/// strategies in order until one gives enough text.
enum ExtractionStrategy: String, CaseIterable, Sendable {
    /// Find the article container by DOM scoring, then classify its paragraphs (jusText-style).
    case domScoring = "dom-scoring"
    /// Every `<p>`-like paragraph of the page that is not hinted as boilerplate or link-heavy.
    case allParagraphs = "all-paragraphs"
    /// All visible text of the page that is not hinted as boilerplate; when that is only link
    /// lists, the link text too (a page whose text sits in a `javascript:` link still has text).
    case bodyText = "body-text"

    /// The paragraphs this strategy keeps and the ones it drops, with why; `language` is the
    /// index of the stopword language of the page (see ``BlockClassifier``).
    func select(from page: ParsedPage, structure: PageStructure, title: String?, language: Int?) -> Selection {
        switch self {
        case .domScoring:
            let container = ContentScorer().bestContainer(in: page, structure: structure)
            var inside: [Int] = []
            var dropped: [(block: Int, reason: String)] = []
            for index in page.blocks.indices {
                if let container, !structure.contains(container, page.blocks[index].element) {
                    let negative = structure.inheritedHints[page.blocks[index].element].intersection(.negative)
                    dropped.append((index, negative.isEmpty ? "outside-article" : negative.reason))
                } else {
                    inside.append(index)
                }
            }
            let verdicts = BlockClassifier(language: language)
                .classify(inside, in: page, structure: structure, container: container, title: title)
            var kept: [Int] = []
            for (block, verdict) in zip(inside, verdicts) {
                switch verdict {
                case .good: kept.append(block)
                case .bad(let reason): dropped.append((block, reason))
                }
            }
            return Selection(kept: kept, dropped: dropped.sorted { $0.block < $1.block }, container: container)
        case .allParagraphs:
            return filter(page, structure) { block in
                block.byteCount >= 40 && block.headingLevel == nil && page.elements[block.element].tag == .p
            }
        case .bodyText:
            let selection = filter(page, structure) { _ in true }
            return selection.kept.isEmpty ? filter(page, structure, maxLinkDensity: 1) { _ in true } : selection
        }
    }

    /// Keeps the paragraphs that pass `accept` and are neither hinted as boilerplate nor link
    /// lists (more than `maxLinkDensity` link text).
    private func filter(_ page: ParsedPage, _ structure: PageStructure, maxLinkDensity: Double = 0.5,
                        accept: (PageBlock) -> Bool) -> Selection {
        var kept: [Int] = []
        var dropped: [(block: Int, reason: String)] = []
        for (index, block) in page.blocks.enumerated() {
            let negative = structure.inheritedHints[block.element].intersection(.negative)
            if !negative.isEmpty {
                dropped.append((index, negative.reason))
            } else if block.linkDensity > maxLinkDensity {
                dropped.append((index, "links"))
            } else if !accept(block) {
                dropped.append((index, "not-a-paragraph"))
            } else {
                kept.append(index)
            }
        }
        return Selection(kept: kept, dropped: dropped, container: nil)
    }
}

/// The result of one strategy: kept and dropped paragraphs (indexes into `ParsedPage.blocks`).
struct Selection: Sendable {
    var kept: [Int]
    var dropped: [(block: Int, reason: String)]
    /// The element chosen as the article container, if the strategy chooses one.
    var container: Int?

    /// The length in Unicode scalars of the text the kept paragraphs make.
    func scalarLength(in page: ParsedPage) -> Int {
        kept.reduce(0) { $0 + page.blocks[$1].scalarCount }
    }
}
