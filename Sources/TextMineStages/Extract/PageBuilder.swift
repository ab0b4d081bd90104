import CLibXML2
import Foundation

/// Turns the parser's SAX events into a ``ParsedPage``: the element list, the paragraphs of
/// visible text with their source byte ranges, and the raw metadata (meta tags, JSON-LD, bylines).
///
/// Called by ``PageParser`` from libxml2 callbacks; not reusable across parses.
final class PageBuilder {
    /// The parser context, to read the current source position.
    @exclusivity(unchecked) var context: htmlParserCtxtPtr?

    private let matcher: HintMatcher
    /// The language packs whose stopwords each paragraph is counted against.
    private let library: PackLibrary
    /// What was cut from the page before parsing: maps parser offsets back to the page.
    @exclusivity(unchecked) private var input: ParserInput
    @exclusivity(unchecked) private var page = ParsedPage()

    /// Open elements, innermost last.
    @exclusivity(unchecked) private var open: [Int32] = []
    /// The last child element of each element (to link siblings), by element index.
    @exclusivity(unchecked) private var lastChild: [Int32] = []
    /// The last root element (elements with no parent are siblings).
    @exclusivity(unchecked) private var lastRoot: Int32 = -1

    /// Nesting counts of open elements of each kind.
    @exclusivity(unchecked) private var skipDepth = 0
    @exclusivity(unchecked) private var revealedDepth = 0
    @exclusivity(unchecked) private var linkDepth = 0
    @exclusivity(unchecked) private var headingLevels: [Int] = []
    @exclusivity(unchecked) private var listItemDepth = 0
    @exclusivity(unchecked) private var quoteDepth = 0
    @exclusivity(unchecked) private var preDepth = 0
    @exclusivity(unchecked) private var cellDepth = 0

    /// Where the previous event ended in the source (bytes).
    @exclusivity(unchecked) private var lastPosition = 0

    // The paragraph being gathered.
    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var pendingSpace = false
    @exclusivity(unchecked) private var textStart = 0
    @exclusivity(unchecked) private var textEnd = 0
    @exclusivity(unchecked) private var linkBytes = 0
    @exclusivity(unchecked) private var owner = -1
    @exclusivity(unchecked) private var ownerHeading: Int?
    @exclusivity(unchecked) private var ownerFlags: (listItem: Bool, quote: Bool, pre: Bool, cell: Bool, revealed: Bool) =
        (false, false, false, false, false)
    @exclusivity(unchecked) private var lastWasBreak = false

    // Captures.
    private enum Capture { case title, jsonLD, byline(element: Int) }
    @exclusivity(unchecked) private var capture: Capture?
    @exclusivity(unchecked) private var captured: [UInt8] = []

    /// The hints of the `class` and `id` values seen so far: pages repeat a few hundred values
    /// thousands of times.
    @exclusivity(unchecked) private var hintCache = HintCache()

    init(hints: HintMatcher, library: PackLibrary, input: ParserInput) {
        matcher = hints
        self.library = library
        self.input = input
        text.reserveCapacity(4096)
    }

    /// The page, with the last paragraph flushed.
    func finish(truncated: Bool) -> ParsedPage {
        flushParagraph()
        page.truncated = truncated
        dropRevealedCopies()
        return page
    }

    /// Drops revealed paragraphs that repeat visible text: some pages hide a second copy of the
    /// article behind a paywall class (for search engines), and a copy is no more article than
    /// other hidden text. A paragraph is a copy when its first 64 bytes (all of it, if shorter)
    /// occur in the visible text.
    private func dropRevealedCopies() {
        guard page.blocks.contains(where: \.isRevealed) else { return }
        var visible: [UInt8] = []
        for block in page.blocks where !block.isRevealed {
            visible.append(contentsOf: block.text.utf8)
            visible.append(0x0A)
        }
        page.blocks.removeAll { block in
            guard block.isRevealed else { return false }
            let probe = Array(block.text.utf8.prefix(64))
            return visible.withUnsafeBufferPointer { haystack in
                probe.withUnsafeBufferPointer { Self.occurs($0, in: haystack) }
            }
        }
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    private static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return false }
        var start = 0
        while haystack.count - start >= needle.count,
            let found = memchr(base + start, Int32(first), haystack.count - start - needle.count + 1)
        {
            let offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if memcmp(base + offset, needleBase, needle.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }

    // MARK: - Events

    func startElement(name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let tag = HTMLTag(name: name)
        let position = currentPosition()
        if tag == .br {
            if lastWasBreak { flushParagraph() } else { pendingSpace = true }
            lastWasBreak = true
            lastPosition = position
            return
        }
        lastWasBreak = false
        if tag.isBlock || tag == .img { flushParagraph() }

        let parent = open.last ?? -1
        var own = ElementHints(tag: tag).union(input.hints(ofTagEndingAt: position))
        var isHidden = false
        if let attributes { scanAttributes(tag: tag, attributes, hints: &own, hidden: &isHidden) }
        if isHidden { own.insert(.hidden) }
        // `revealed` stays only where it cancels a `hidden`: the text inside is marked.
        if own.contains(.revealed) { if own.contains(.hidden) { own.remove(.hidden) } else { own.remove(.revealed) } }
        let index = Int32(page.elements.count)
        let previous: Int32
        if parent >= 0 {
            previous = lastChild[Int(parent)]
            lastChild[Int(parent)] = index
        } else {
            previous = lastRoot
            lastRoot = index
        }
        // libxml2's line is the line where the start tag ends: add the lines cut before that.
        // (Offsets mapped in ascending order: the start of the tag, then its end.)
        let byteOffset = input.pageOffset(of: lastPosition).offset
        let cutLines = input.pageOffset(of: position).removedLines
        page.elements.append(PageElement(
            tag: tag, parent: parent, previousSibling: previous, ownHints: own, byteOffset: byteOffset,
            line: Int32(clamping: context?.pointee.input.pointee.line ?? 0) &+ cutLines))
        lastChild.append(-1)
        open.append(index)

        if tag.isSkipped || own.contains(.hidden) { skipDepth += 1 }
        if own.contains(.revealed) { revealedDepth += 1 }
        switch tag {
        case .a: linkDepth += 1
        case .li, .dd, .dt: listItemDepth += 1
        case .blockquote: quoteDepth += 1
        case .pre: preDepth += 1
        case .td, .th: cellDepth += 1
        default: break
        }
        if let level = tag.headingLevel { headingLevels.append(level) }
        if capture == nil {
            if tag == .title && page.title == nil && !open.dropLast().contains(where: { page.elements[Int($0)].tag == .svg }) {
                capture = .title
            } else if own.contains(.byline) && page.bylines.count < 8 && skipDepth == 0 {
                capture = .byline(element: Int(index))
            }
        }
        lastPosition = position + (position < endPosition() && currentByte() == UInt8(ascii: ">") ? 1 : 0)
    }

    func endElement(name: UnsafePointer<UInt8>) {
        // `<br>` is not pushed (it only breaks lines), but libxml2 closes it like any element.
        if name[0] | 0x20 == UInt8(ascii: "b"), name[1] | 0x20 == UInt8(ascii: "r"), name[2] == 0 { return }
        guard let index = open.popLast() else { return }
        let element = page.elements[Int(index)]
        let tag = element.tag
        lastWasBreak = false
        if tag.isBlock { flushParagraph() }
        if tag.isSkipped || element.ownHints.contains(.hidden) { skipDepth -= 1 }
        if element.ownHints.contains(.revealed) { revealedDepth -= 1 }
        switch tag {
        case .a: linkDepth -= 1
        case .li, .dd, .dt: listItemDepth -= 1
        case .blockquote: quoteDepth -= 1
        case .pre: preDepth -= 1
        case .td, .th: cellDepth -= 1
        default: break
        }
        if tag.headingLevel != nil { headingLevels.removeLast() }
        switch capture {
        case .title where tag == .title:
            page.title = collapsed(captured)
            endCapture()
        case .jsonLD where tag == .script:
            page.jsonLD.append(String(decoding: captured, as: UTF8.self))
            let end = input.pageOffset(of: currentPosition()).offset
            page.jsonLDSources.append((Int(index), min(element.byteOffset, end)..<end))
            endCapture()
        case .byline(let element) where element == Int(index):
            let byline = collapsed(captured)
            if !byline.isEmpty && byline.utf8.count < 300 { page.bylines.append(byline) }
            endCapture()
        default: break
        }
        lastPosition = currentPosition()
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        let position = currentPosition()
        defer { lastPosition = position }
        if capture != nil && captured.count < 1 << 20 { captured.append(contentsOf: bytes) }
        guard skipDepth == 0 else { return }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                continue
            }
            if byte == 0xC2, index < count, bytes[index] == 0xA0 {  // U+00A0 NO-BREAK SPACE
                index += 1
                pendingSpace = true
                continue
            }
            if text.isEmpty {
                textStart = lastPosition
                startParagraph()
            } else if pendingSpace {
                text.append(0x20)
                if linkDepth > 0 { linkBytes += 1 }
            }
            pendingSpace = false
            text.append(byte)
            if linkDepth > 0 { linkBytes += 1 }
            lastWasBreak = false
        }
        if !text.isEmpty { textEnd = position }
    }

    // MARK: - Paragraphs

    private func startParagraph() {
        owner = -1
        for index in open.reversed() where page.elements[Int(index)].tag.isBlock {
            owner = Int(index)
            break
        }
        if owner < 0 { owner = Int(open.last ?? 0) }
        ownerHeading = headingLevels.last
        ownerFlags = (listItemDepth > 0, quoteDepth > 0, preDepth > 0, cellDepth > 0, revealedDepth > 0)
        linkBytes = 0
    }

    private func flushParagraph() {
        pendingSpace = false
        guard !text.isEmpty else { return }
        defer { text.removeAll(keepingCapacity: true) }
        let string = String(decoding: text, as: UTF8.self)
        var words = 0
        var commas = 0
        var inWord = false
        var scalars = 0
        for byte in text {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            let isWord = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
            if isWord && !inWord { words += 1 }
            inWord = isWord
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        let start = input.pageOffset(of: textStart).offset
        let end = input.pageOffset(of: max(textStart, textEnd)).offset
        page.blocks.append(PageBlock(
            text: string, scalarCount: scalars, byteRange: start..<end, element: max(owner, 0),
            byteCount: text.count, linkByteCount: min(linkBytes, text.count),
            wordCount: words, commaCount: commas, headingLevel: ownerHeading,
            isListItem: ownerFlags.listItem, isQuote: ownerFlags.quote, isPreformatted: ownerFlags.pre,
            isTableCell: ownerFlags.cell, isRevealed: ownerFlags.revealed,
            stopwords: BlockCounts(text, 0..<text.count, library: library).profile))
    }

    /// Captured text, whitespace collapsed.
    private func collapsed(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var space = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                space = !result.isEmpty
                continue
            }
            if byte == 0xA0, result.last == 0xC2 {  // U+00A0 NO-BREAK SPACE
                result.removeLast()
                space = !result.isEmpty
                continue
            }
            if space { result.append(0x20) }
            space = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func endCapture() {
        capture = nil
        captured.removeAll(keepingCapacity: true)
    }

    // MARK: - Attributes

    private func scanAttributes(tag: HTMLTag, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>,
                                hints: inout ElementHints, hidden: inout Bool) {
        var metaKey: (attribute: String, key: String)?
        var metaContent: String?
        var rel: String?
        var href: String?
        var index = 0
        while let name = attributes[index] {
            let value = attributes[index + 1]
            index += 2
            guard let value else {  // a boolean attribute
                if equals(name, "hidden") { hidden = true }
                if equals(name, "pubdate") { metaKey = ("pubdate", "pubdate") }
                continue
            }
            switch name[0] {
            case UInt8(ascii: "c"):
                if equals(name, "class"), tag != .html, tag != .body {
                    hints.formUnion(classHints(value))
                } else if equals(name, "content") {
                    metaContent = String(cString: value)
                }
            case UInt8(ascii: "i"):
                if equals(name, "id"), tag != .html, tag != .body {
                    hints.formUnion(classHints(value))
                } else if equals(name, "itemprop") {
                    let prop = String(cString: value).lowercased()
                    if prop == "articlebody" { hints.insert(.articleBody) }
                    if prop == "author" || prop == "creator" { hints.insert(.byline) }
                    metaKey = ("itemprop", prop)
                }
            case UInt8(ascii: "r"):
                if equals(name, "role") {
                    hints.formUnion(matcher.hints(role: String(cString: value).lowercased()))
                } else if equals(name, "rel") {
                    rel = String(cString: value).lowercased()
                    if rel == "author" { hints.insert(.byline) }
                }
            case UInt8(ascii: "s"):
                if equals(name, "style") { hidden = hidden || StyleAttribute.hides(bytes(value)) }
            case UInt8(ascii: "a"):
                if equals(name, "aria-hidden") && equals(value, "true") { hidden = true }
            case UInt8(ascii: "n"):
                if equals(name, "name") { metaKey = ("name", String(cString: value).lowercased()) }
            case UInt8(ascii: "p"):
                if equals(name, "property") {
                    metaKey = ("property", String(cString: value).lowercased())
                } else if equals(name, "pubdate") {
                    metaKey = ("pubdate", "pubdate")
                }
            case UInt8(ascii: "h"):
                if equals(name, "href") {
                    href = String(cString: value)
                } else if equals(name, "http-equiv") {
                    metaKey = ("http-equiv", String(cString: value).lowercased())
                } else if equals(name, "hidden") {
                    hidden = true
                }
            case UInt8(ascii: "l"):
                if equals(name, "lang"), tag == .html { page.htmlLanguage = String(cString: value) }
            case UInt8(ascii: "t"):
                if equals(name, "type"), tag == .script, capture == nil,
                    String(cString: value).lowercased().contains("ld+json")
                {
                    capture = .jsonLD
                }
            case UInt8(ascii: "d"):
                if equals(name, "datetime"), tag == .time, page.times.count < 16 {
                    metaContent = String(cString: value)
                }
            default:
                break
            }
        }
        switch tag {
        case .meta:
            if let metaKey, let metaContent, !metaContent.isEmpty, page.metas.count < 512 {
                page.metas.append(PageMeta(key: metaKey.key, attribute: metaKey.attribute, content: metaContent))
            }
        case .link:
            if let rel, let href, rel.split(separator: " ").contains("canonical") { page.canonical = href }
        case .time:
            if let metaContent {
                let published = metaKey.map { $0.key.contains("datepublished") || $0.key == "pubdate" } ?? false
                page.times.append((metaContent, published))
            }
        default:
            if let metaKey, metaKey.attribute == "itemprop", let metaContent, page.metas.count < 512 {
                page.metas.append(PageMeta(key: metaKey.key, attribute: "itemprop", content: metaContent))
            }
        }
    }

    /// The hints of a `class` or `id` value, from the cache or the matcher.
    private func classHints(_ value: UnsafePointer<UInt8>) -> ElementHints {
        hintCache.hints(of: bytes(value), matcher: matcher)
    }

    /// The bytes of a NUL-terminated attribute value.
    private func bytes(_ value: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var length = 0
        while value[length] != 0 { length += 1 }
        return UnsafeBufferPointer(start: value, count: length)
    }

    /// Compares a NUL-terminated attribute name or value with an ASCII literal, ignoring case.
    private func equals(_ bytes: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let expected = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount {
            var byte = bytes[index]
            if byte == 0 { return false }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != expected[index] { return false }
        }
        return bytes[literal.utf8CodeUnitCount] == 0
    }

    // MARK: - Source positions (offsets in the bytes parsed; `input` maps them to the page)

    private func currentPosition() -> Int {
        guard let input = context?.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur else {
            return lastPosition
        }
        return Int(input.pointee.consumed) + (cur - base)
    }

    private func endPosition() -> Int {
        guard let input = context?.pointee.input, let base = input.pointee.base, let end = input.pointee.end else {
            return 0
        }
        return Int(input.pointee.consumed) + (end - base)
    }

    private func currentByte() -> UInt8 {
        context?.pointee.input.pointee.cur.pointee ?? 0
    }
}
