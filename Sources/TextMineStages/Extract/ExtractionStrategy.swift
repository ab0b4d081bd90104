/// A way of choosing the main-text paragraphs of a page; the `extract` stage tries its configured
/// strategies in order until one gives enough text.
enum ExtractionStrategy: String, CaseIterable, Sendable {
    /// Find the article container by DOM scoring, then classify its paragraphs (jusText-style).
    case domScoring = "dom-scoring"
    /// Every `<p>`-like paragraph of the page that is not hinted as boilerplate or link-heavy.
    case allParagraphs = "all-paragraphs"
    /// The `articleBody` of the page's JSON-LD (a paywalled or script-rendered page whose text
    /// is not in its markup), one paragraph per line, in place of the JSON-LD script.
    case jsonLD = "json-ld"
    /// All visible text of the page that is not hinted as boilerplate; when that is only link
    /// lists, the link text too (a page whose text sits in a `javascript:` link still has text).
    case bodyText = "body-text"

    /// The paragraphs this strategy keeps and the ones it drops, with why, and the page they index
    /// (the parsed page, or for `json-ld` the page with the article body's paragraphs added);
    /// `language` is the index of the stopword language of the page (see ``BlockClassifier``).
    func select(from page: ParsedPage, structure: PageStructure, title: String?, language: Int?,
                articleBody: (text: String, script: Int)?) -> (page: ParsedPage, selection: Selection) {
        switch self {
        case .jsonLD:
            guard let articleBody else { return (page, Selection(kept: [], dropped: [], container: nil)) }
            return Self.articleBodyPage(page, body: articleBody.text, source: page.jsonLDSources[articleBody.script])
        default:
            return (page, select(from: page, structure: structure, title: title, language: language))
        }
    }

    /// The page with the article body's lines as paragraphs of the JSON-LD script's element (the
    /// first replaces the script's bytes, the others follow it), kept; every other paragraph dropped.
    private static func articleBodyPage(_ page: ParsedPage, body: String, source: (element: Int, bytes: Range<Int>))
        -> (page: ParsedPage, selection: Selection)
    {
        let languages = page.blocks.first?.stopwords.hits.count ?? 0
        var added: [PageBlock] = []
        for line in body.split(whereSeparator: \.isNewline) {
            let text = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !text.isEmpty else { continue }
            let bytes = added.isEmpty ? source.bytes : source.bytes.upperBound..<source.bytes.upperBound
            added.append(PageBlock(
                text: text, scalarCount: text.unicodeScalars.count, byteRange: bytes, element: source.element,
                byteCount: text.utf8.count, linkByteCount: 0, wordCount: 0, commaCount: 0, headingLevel: nil,
                isListItem: false, isQuote: false, isPreformatted: false, isTableCell: false,
                stopwords: StopwordProfile(languages: languages)))
        }
        var page = page
        let at = page.blocks.firstIndex { $0.byteRange.lowerBound >= source.bytes.lowerBound } ?? page.blocks.count
        page.blocks.insert(contentsOf: added, at: at)
        let kept = Array(at..<(at + added.count))
        let dropped = page.blocks.indices.filter { $0 < at || $0 >= at + added.count }.map { (block: $0, reason: "json-ld-body") }
        return (page, Selection(kept: kept, dropped: dropped, container: source.element))
    }

    /// The paragraphs a markup strategy keeps and the ones it drops, with why.
    private func select(from page: ParsedPage, structure: PageStructure, title: String?, language: Int?) -> Selection {
        switch self {
        case .jsonLD:
            return Selection(kept: [], dropped: [], container: nil)
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
