import TextMineCore

/// Turns a web page into an article: finds the main text of the HTML in `text`, replaces the text
/// with it (paragraphs and headings joined by blank lines) and fills the page metadata.
///
/// Nothing is lost: the HTML stays in `original`, every extracted block maps back to its bytes
/// through `alignment`, dropped paragraphs are `removals` with their reason, and the `extract`
/// layer lists each block's node path and line and each strategy tried.
public struct ExtractStage: Stage {
    static let strategies = StageOption<[ExtractionStrategy]>("strategies", default: [.domScoring, .allParagraphs, .jsonLD, .bodyText],
        doc: "Strategies to try in order until one gives `min-length` characters (and half the JSON-LD article body, if any).")
    static let minLength = StageOption<Int>("min-length", in: 0...1_000_000, default: 200,
        doc: "The fewest characters a strategy must extract to be accepted.")
    static let maxBytes = StageOption<Int>("max-bytes", in: 1024...Int(Int32.max), default: 64 << 20,
        doc: "Pages larger than this many bytes are cut before parsing (best effort, bounded memory).")
    static let packs = PackLibrary.option(adding: "stopwords")

    public static let description = StageDescription(
        id: "extract",
        abstract: "Extracts the main text and metadata of a web page (HTML in the text) with libxml2.",
        documentation: """
            Parses the article's text as HTML (libxml2, tolerant of broken markup; the `html` input \
            format puts the page there, decoded to UTF-8) and replaces it with the page's main text: \
            paragraphs and headings joined by blank lines, without navigation, comments, share bars, \
            related links, cookie banners or ads. The strategies in `strategies` are tried in order \
            until one gives at least `min-length` characters (and half of the JSON-LD `articleBody`, \
            when the page declares one: the `json-ld` strategy then takes over from markup that hides \
            the text); each attempt is recorded in the `extract` layer. Metadata (title, authors, date, site, language, url, description) comes \
            from Open Graph, JSON-LD, `<meta>`, `<link rel=canonical>`, `<title>`, `<time>` and the \
            visible byline, each with the rule that found it. See docs/stages/extract.md.
            """,
        options: [strategies, minLength, maxBytes, packs],
        produces: [.metadata, .blocks, .boilerplateRemoved])

    private let strategies: [ExtractionStrategy]
    private let minLength: Int
    private let maxBytes: Int
    private let hints = HintMatcher()
    private let library: PackLibrary

    public init(options: StageOptions) throws {
        strategies = options[Self.strategies]
        guard !strategies.isEmpty else { throw StageError("'strategies' lists no strategy", option: "strategies") }
        minLength = options[Self.minLength]
        maxBytes = options[Self.maxBytes]
        library = try PackLibrary(userPacks: options[Self.packs])
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        guard article.text.utf8.contains(where: { $0 > 0x20 }) else {
            throw StageError("empty page: there is no HTML to extract text from")
        }
        if BinarySniffer.looksBinary(article.text) {
            throw StageError("not an HTML page: the input looks like binary data")
        }
        // The article's shared UTF-8 view: parsed here, and reused by `applyEdits`.
        let html = article.scalarText
        let page = html.utf8.withUnsafeBufferPointer {
            PageParser.parse($0, maxBytes: maxBytes, hints: hints, library: library)
        }

        // Text outside every element (`\n<`) has no element to belong to: the analyses below index
        // by element (found by fuzzing; it trapped).
        guard !page.elements.isEmpty else {
            throw StageError("not an HTML page: it has no element")
        }
        let metadata = PageMetadata(page: page)
        let title = metadata.fields["title"]?.value.stringValue
        let structure = PageStructure(page: page)
        var paths = NodePaths(page: page, structure: structure)
        let language = stopwordLanguage(of: page, declared: article.language)
        var attempts: [ExtractLayer.Attempt] = []
        // A page that declares its article body in JSON-LD: markup giving less than half of it
        // hides the text (a paywall, a script-rendered page).
        let declaredLength = metadata.articleBody.map { $0.text.unicodeScalars.count / 2 } ?? 0
        var chosen: (strategy: ExtractionStrategy, page: ParsedPage, selection: Selection, length: Int)?
        for strategy in strategies {
            let (candidate, selection) = strategy.select(
                from: page, structure: structure, title: title, language: language, articleBody: metadata.articleBody)
            let length = selection.scalarLength(in: candidate)
            attempts.append(ExtractLayer.Attempt(
                strategy: strategy.rawValue, length: length, accepted: false,
                container: selection.container.map { paths.path(of: $0) }))
            if chosen == nil || length > chosen!.length { chosen = (strategy, candidate, selection, length) }
            if length >= minLength && (length >= declaredLength || strategy == .jsonLD) {
                chosen = (strategy, candidate, selection, length)
                break
            }
        }
        guard let chosen, chosen.length > 0 else {
            throw StageError("no text found in the page (\(page.blocks.count) paragraphs, all boilerplate or empty)")
        }
        if let index = attempts.firstIndex(where: { $0.strategy == chosen.strategy.rawValue }) {
            attempts[index].accepted = true
        }

        let extracted = chosen.page  // the page the chosen selection indexes
        let edits = Self.edits(for: chosen.selection, page: extracted, html: html, step: context.step)
        try article.applyEdits(edits.edits, step: context.step)
        article.blocks = edits.blocks
        for (name, found) in metadata.fields {
            article.metadata[name] = MetadataField(value: found.value, step: context.step, rule: found.rule)
        }
        if article.language == nil { article.language = metadata.fields["language"]?.value.stringValue.flatMap { LanguageCode($0) } }
        article[layer: ExtractLayer.self] = ExtractLayer(
            strategy: chosen.strategy.rawValue, attempts: attempts,
            blocks: zip(chosen.selection.kept, edits.blocks).map { index, block in
                let paragraph = extracted.blocks[index]
                return ExtractLayer.SourceBlock(
                    span: block.span, role: block.role.rawValue, node: paths.path(of: paragraph.element),
                    line: Int(extracted.elements[paragraph.element].line),
                    bytes: [paragraph.byteRange.lowerBound, paragraph.byteRange.upperBound])
            },
            dropped: chosen.selection.dropped.map { index, reason in
                let paragraph = extracted.blocks[index]
                return ExtractLayer.DroppedBlock(
                    reason: reason, node: paths.path(of: paragraph.element),
                    line: Int(extracted.elements[paragraph.element].line), text: Self.prefix(paragraph.text, scalars: 200))
            },
            truncated: extracted.truncated)
    }

    /// The language whose stopwords measure the page's paragraphs: the article's language when a
    /// pack has its stopwords, else the language whose stopwords are densest in the page's text
    /// (at least 15% of its words); nil when no pack fits (the paragraphs are then judged without).
    func stopwordLanguage(of page: ParsedPage, declared: LanguageCode?) -> Int? {
        if let declared, let index = library.languages.firstIndex(of: declared) { return index }
        var total = StopwordProfile(languages: library.languages.count)
        for block in page.blocks {
            total.words += block.stopwords.words
            for index in total.hits.indices { total.hits[index] += block.stopwords.hits[index] }
        }
        guard let best = total.bestLanguage, total.density(best) >= 0.15 else { return nil }
        return best
    }

    /// The edits that turn the HTML into the extracted text, and the blocks of that text.
    ///
    /// Each kept paragraph's source bytes are replaced by its text, markup between kept
    /// paragraphs by a blank line, and each dropped paragraph's source is removed with its reason.
    static func edits(for selection: Selection, page: ParsedPage, html: ScalarText, step: String)
        -> (edits: [TextEdit], blocks: [Block])
    {
        var keep = [Bool](repeating: false, count: page.blocks.count)
        for index in selection.kept { keep[index] = true }
        var reasons = [String?](repeating: nil, count: page.blocks.count)
        for (index, reason) in selection.dropped where reasons[index] == nil { reasons[index] = reason }
        var pieces: [(bytes: Range<Int>, replacement: String, reason: String?)] = []
        var blocks: [Block] = []
        var cursor = 0
        var output = 0
        let end = html.utf8.count
        for (index, paragraph) in page.blocks.enumerated() {
            let start = min(max(paragraph.byteRange.lowerBound, cursor), end)
            let stop = min(max(paragraph.byteRange.upperBound, start), end)
            if keep[index] {
                let separator = blocks.isEmpty ? "" : "\n\n"
                pieces.append((cursor..<start, separator, nil))
                pieces.append((start..<stop, paragraph.text, nil))
                output += separator.unicodeScalars.count
                let length = paragraph.scalarCount
                blocks.append(Block(span: Span(start: output, end: output + length), role: role(of: paragraph)))
                output += length
                cursor = stop
            } else if stop > start {
                pieces.append((cursor..<start, "", nil))
                pieces.append((start..<stop, "", "\(step): \(reasons[index] ?? "boilerplate")"))
                cursor = stop
            }
        }
        pieces.append((cursor..<end, "", nil))
        pieces.removeAll { $0.bytes.isEmpty && $0.replacement.isEmpty }
        let edits = pieces.map { piece in
            TextEdit(span: html.span(ofBytes: piece.bytes), replacement: piece.replacement, reason: piece.reason)
        }
        return (edits, blocks)
    }

    /// The first `scalars` Unicode scalars of a text.
    static func prefix(_ text: String, scalars: Int) -> String {
        if text.utf8.count <= scalars { return text }  // fewer bytes than scalars wanted
        var count = 0
        for (offset, byte) in text.utf8.enumerated() where byte & 0xC0 != 0x80 {
            if count == scalars { return String(decoding: text.utf8.prefix(offset), as: UTF8.self) }
            count += 1
        }
        return text
    }

    private static func role(of paragraph: PageBlock) -> BlockRole {
        if paragraph.headingLevel != nil { return .heading }
        if paragraph.isQuote { return .quote }
        if paragraph.isListItem { return .listItem }
        return .body
    }
}
