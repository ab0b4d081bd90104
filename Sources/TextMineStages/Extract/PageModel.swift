/// One element of a parsed page, in document order (a flat tree: parents by index).
struct PageElement: Sendable {
    var tag: HTMLTag
    /// The index of the parent element, or -1 for a root.
    var parent: Int32
    /// The previous sibling element, or -1; used to build node paths.
    var previousSibling: Int32
    /// The hints of this element alone (``PageStructure`` derives inherited ones).
    var ownHints: ElementHints
    /// The UTF-8 byte offset in the HTML where the element starts (approximately at its `<`).
    var byteOffset: Int
    /// The 1-based line of the element's start tag.
    var line: Int32
}

/// A paragraph of visible text: the run of text between two block-level boundaries (jusText's
/// paragraphs), whitespace collapsed.
struct PageBlock: Sendable {
    /// The text, whitespace collapsed and trimmed.
    var text: String
    /// Its length in Unicode scalars.
    var scalarCount: Int
    /// The UTF-8 byte range in the HTML that the text came from (from its first to its last text node).
    var byteRange: Range<Int>
    /// The innermost block-level element holding the text.
    var element: Int
    /// UTF-8 bytes of the text (after collapsing whitespace) and how many of them sit inside links.
    var byteCount: Int
    var linkByteCount: Int
    /// Number of words (runs of letters and digits) and of commas (a readability cue).
    var wordCount: Int
    var commaCount: Int
    /// The heading level (1…6) when the block is a heading.
    var headingLevel: Int?
    /// Whether the block is a list item, a quotation, preformatted, or a table cell.
    var isListItem: Bool
    var isQuote: Bool
    var isPreformatted: Bool
    var isTableCell: Bool
    /// Whether the text sits in a hidden element that a script reveals (``ElementHints/revealed``).
    var isRevealed = false
    /// Words and stopword hits per language of the language packs (jusText's stopword density).
    var stopwords: StopwordProfile

    /// The share of the text that is link text.
    var linkDensity: Double { byteCount == 0 ? 0 : Double(linkByteCount) / Double(byteCount) }
}

/// A `<meta>`-like key/value pair: `name`, `property`, `itemprop` or `http-equiv` with its `content`.
struct PageMeta: Sendable, Hashable {
    /// The lowercase key (`og:title`, `author`, `article:published_time`…).
    var key: String
    /// Which attribute held the key (`name`, `property`, `itemprop`, `http-equiv`).
    var attribute: String
    var content: String
}

/// Everything the parser gathers from a page in one pass.
struct ParsedPage: Sendable {
    var elements: [PageElement] = []
    var blocks: [PageBlock] = []
    var metas: [PageMeta] = []
    /// `<link rel=canonical href>`.
    var canonical: String?
    /// `<html lang>`.
    var htmlLanguage: String?
    /// The text of the first `<title>`.
    var title: String?
    /// The text of each `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// For each JSON-LD script, its element and the UTF-8 byte range of the element in the HTML.
    var jsonLDSources: [(element: Int, bytes: Range<Int>)] = []
    /// Texts of byline-like elements (`class~=byline|author`, `rel=author`, `itemprop=author`).
    var bylines: [String] = []
    /// `datetime` values of `<time>` elements, with whether the element is marked as published.
    var times: [(value: String, published: Bool)] = []
    /// Whether the input was cut to the size limit before parsing.
    var truncated = false
}
