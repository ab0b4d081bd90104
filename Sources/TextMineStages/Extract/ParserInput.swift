import Foundation

/// The bytes handed to libxml2: the page without what never reaches the extractor, with the map
/// from offsets and lines in those bytes back to the page's.
///
/// Cut before parsing: the contents of `<script>` (but JSON-LD), `<style>` and `<svg>` elements and
/// of comments, and the attributes the extractor never reads (`src`, `srcset`, `data-*`, `href`
/// outside `<link>`…). They are about three quarters of the bytes of a news page, and libxml2
/// reads every byte through its character decoder; finding their ends with `memchr` and a small
/// tag scanner is several times cheaper. Tags themselves stay, so every element is still there.
/// `class` and `id` values (a fifth of what remains) are read here too: their hints are kept by
/// the offset where the start tag ends, which is where libxml2 reports the element. Runs of white
/// space between tags and in text are cut to their first byte (the extractor collapses them).
///
/// The scanner follows libxml2's own tokenizing rules (2.9: a start tag is `<` and an ASCII
/// letter; names of at most 100 bytes; a bogus attribute runs to the next blank; a quoted value
/// may hold `>`; a script ends at the first `</script`, any case; an end tag at the next `>`), so
/// the parse of what remains is the parse of the page. Where it cannot be sure (a NUL byte, an
/// unclosed quote), it stops cutting attributes.
struct ParserInput {
    /// One cut: where it is in the condensed bytes, and the page bytes and lines cut up to it.
    struct Cut {
        var offset: Int
        var removedBytes: Int
        var removedLines: Int32
    }

    /// The condensed bytes (empty when nothing was cut: the page itself is parsed then).
    private(set) var condensed: [UInt8] = []
    /// The cuts in ascending order.
    private(set) var cuts: [Cut] = []
    /// The cut before which the last mapped offset lies (offsets are mapped in ascending order).
    private var cursor = 0
    /// The hints of the `class` and `id` values cut, by the condensed offset where their start
    /// tag ends (`>` or `/>`), ascending.
    private var elementHints: [(offset: Int, hints: ElementHints)] = []
    private var hintCursor = 0

    /// Condenses a page; `matcher` reads the `class` and `id` values it cuts.
    init(_ page: UnsafeBufferPointer<UInt8>, matcher: HintMatcher) {
        var scanner = Scanner(page: page, matcher: matcher)
        scanner.run()
        elementHints = scanner.elementHints
        guard !scanner.ranges.isEmpty else { return }
        condensed.reserveCapacity(page.count - scanner.ranges.reduce(0) { $0 + $1.count } + 1)
        var copied = 0
        var removedBytes = 0
        var removedLines: Int32 = 0
        for range in scanner.ranges {
            condensed.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<range.lowerBound]))
            copied = range.upperBound
            removedBytes += range.count
            removedLines += Self.newlines(in: UnsafeBufferPointer(rebasing: page[range]))
            cuts.append(Cut(offset: condensed.count, removedBytes: removedBytes, removedLines: removedLines))
        }
        condensed.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...]))
    }

    /// Calls `body` with the bytes to parse: the condensed bytes, or the page when nothing was cut.
    func withBytes<Result>(of page: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        cuts.isEmpty ? body(page) : condensed.withUnsafeBufferPointer(body)
    }

    /// The page offset of an offset in the condensed bytes, and the lines cut before it.
    ///
    /// An offset at a cut maps past the cut. Fast when successive offsets ascend, as the
    /// parser's do.
    mutating func pageOffset(of offset: Int) -> (offset: Int, removedLines: Int32) {
        while cursor < cuts.count && cuts[cursor].offset <= offset { cursor += 1 }
        while cursor > 0 && cuts[cursor - 1].offset > offset { cursor -= 1 }
        guard cursor > 0 else { return (offset, 0) }
        let cut = cuts[cursor - 1]
        return (offset + cut.removedBytes, cut.removedLines)
    }

    /// The hints of the cut `class` and `id` values of the element whose start tag ends at a
    /// condensed offset (empty when none were cut). Offsets must be asked in ascending order.
    mutating func hints(ofTagEndingAt offset: Int) -> ElementHints {
        while hintCursor < elementHints.count && elementHints[hintCursor].offset < offset { hintCursor += 1 }
        guard hintCursor < elementHints.count, elementHints[hintCursor].offset == offset else { return [] }
        return elementHints[hintCursor].hints
    }

    private static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard var pointer = bytes.baseAddress else { return 0 }
        let end = pointer + bytes.count
        var lines: Int32 = 0
        while pointer < end, let found = memchr(pointer, 0x0A, end - pointer) {
            lines += 1
            pointer = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return lines
    }
}

/// Finds the byte ranges of a page to cut (ascending, not overlapping, adjacent ones merged).
private struct Scanner {
    let page: UnsafeBufferPointer<UInt8>
    let matcher: HintMatcher
    private(set) var ranges: [Range<Int>] = []
    /// Bytes in `ranges`.
    private var removed = 0
    private(set) var elementHints: [(offset: Int, hints: ElementHints)] = []
    private var hintCache = HintCache()
    /// Whether unneeded attributes are cut (not when the page holds NUL bytes, which libxml2
    /// reads as ends of input in places).
    private var cutsAttributes: Bool

    init(page: UnsafeBufferPointer<UInt8>, matcher: HintMatcher) {
        self.page = page
        self.matcher = matcher
        cutsAttributes = page.baseAddress.map { memchr($0, 0, page.count) == nil } ?? false
    }

    /// Elements whose content is cut.
    private enum RawElement { case script, style, svg }

    mutating func run() {
        let count = page.count
        var index = 0
        while index < count {
            let open = text(from: index)
            guard open + 1 < count else { return }
            let next = page[open + 1]
            if next == UInt8(ascii: "!") {
                index = comment(at: open) ?? open + 2
            } else if next == UInt8(ascii: "/") {
                index = endTag(at: open)
            } else if isLetter(next) {
                guard let end = startTag(at: open) else { return }
                index = end
            } else {
                index = open + 1
            }
        }
    }

    // MARK: - Markup

    /// Cuts a comment's text; returns where scanning goes on, nil when `<!` opens no comment.
    private mutating func comment(at open: Int) -> Int? {
        guard open + 3 < page.count, page[open + 2] == UInt8(ascii: "-"), page[open + 3] == UInt8(ascii: "-") else {
            return nil
        }
        let start = open + 4
        guard let end = find("-->", from: start) else { return page.count }  // the rest is the comment
        cut(start..<end)
        return end + 3
    }

    /// Skips an end tag: its name, then anything up to the next `>` (libxml2's recovery).
    private func endTag(at open: Int) -> Int {
        guard open + 2 < page.count, isNameStart(page[open + 2]) else { return open + 2 }
        guard let end = find(">", from: open + 2) else { return page.count }
        return end + 1
    }

    /// Reads a start tag, cutting unneeded attributes, then the content of a raw element; returns
    /// where scanning goes on, or nil when the rest of the page must be left as it is.
    private mutating func startTag(at open: Int) -> Int? {
        let count = page.count
        var index = open + 1
        let nameStart = index
        while index < count && index - nameStart < 100 && isNameByte(page[index]) { index += 1 }
        let name = nameStart..<index
        let raw: RawElement? = matches("script", name) ? .script : matches("style", name) ? .style
            : matches("svg", name) ? .svg : nil
        let isLink = matches("link", name)
        let isScript = raw == .script
        // libxml2 keeps the first of repeated attributes; `<html>` and `<body>` classes say nothing.
        var seenClass = false
        var seenID = false
        var seenHintAttributes: UInt8 = 0
        let readsClasses = !matches("html", name) && !matches("body", name)
        var hints: ElementHints = []
        // Attributes: (S Attribute)* S? up to `>` or `/>`.
        index = skipBlanks(index)
        while index < count, page[index] != UInt8(ascii: ">"),
            !(page[index] == UInt8(ascii: "/") && index + 1 < count && page[index + 1] == UInt8(ascii: ">"))
        {
            let attributeStart = index
            guard isNameStart(page[index]) else {  // bogus: up to the next blank or the end of the tag
                while index < count, !isBlank(page[index]), page[index] != UInt8(ascii: ">"),
                    !(page[index] == UInt8(ascii: "/") && index + 1 < count && page[index + 1] == UInt8(ascii: ">"))
                {
                    index += 1
                }
                index = skipBlanks(index)
                continue
            }
            while index < count && index - attributeStart < 100 && isNameByte(page[index]) { index += 1 }
            let attributeName = attributeStart..<index
            var valueEnd = index
            index = skipBlanks(index)
            var value: Range<Int>?  // nil: an attribute without a value
            if index < count, page[index] == UInt8(ascii: "=") {
                index = skipBlanks(index + 1)
                guard index < count else { return nil }
                let quote = page[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = find(quote, from: index + 1) else { return nil }  // the value runs to the end
                    value = (index + 1)..<close
                    index = close + 1
                } else {
                    let start = index
                    while index < count, !isBlank(page[index]), page[index] != UInt8(ascii: ">") { index += 1 }
                    value = start..<index
                }
                valueEnd = index
                index = skipBlanks(index)
            }
            var isRead = false
            let isClass = matches("class", attributeName)
            if let value, isClass || matches("id", attributeName) {
                let isFirst = isClass ? !seenClass : !seenID
                if isClass { seenClass = true } else { seenID = true }
                // Values with character references are left to libxml2, which decodes them.
                if isFirst && cutsAttributes && find(UInt8(ascii: "&"), in: value) == nil {
                    if readsClasses {
                        hints.formUnion(hintCache.hints(of: UnsafeBufferPointer(rebasing: page[value]), matcher: matcher))
                    }
                    isRead = true
                }
            } else if cutsAttributes, let attribute = hintAttribute(attributeName, onLink: isLink) {
                if seenHintAttributes & attribute.bit == 0 {
                    seenHintAttributes |= attribute.bit
                    if let read = self.hints(of: attribute, value: value) {
                        hints.formUnion(read)
                        isRead = true
                    }
                } else {
                    isRead = true  // a repeat, which libxml2 ignores
                }
            }
            if cutsAttributes && (isRead || !isNeeded(attributeName, onLink: isLink, onScript: isScript))
                && (value != nil || index < count)
            {
                // The attribute and the blanks after it: the blank before it separates what follows.
                cut(attributeStart..<(index < count && page[index] == UInt8(ascii: ">") ? valueEnd : index))
            }
        }
        guard index < count else { return nil }
        // libxml2 reports the element with its input at the tag's end (all cuts so far are before it).
        if !hints.isEmpty { elementHints.append((index - removed, hints)) }
        if page[index] == UInt8(ascii: "/") { return index + 2 }  // `<x … />`: no content
        let contentStart = index + 1
        guard let raw else { return contentStart }
        guard let end = rawContentEnd(raw, from: contentStart) else {
            // An unclosed script or style runs to the end of the page for libxml2; an `svg` is
            // parsed as markup.
            return raw == .svg ? contentStart : count
        }
        // JSON-LD is metadata: kept as it is.
        if !(raw == .script && contains("ld+json", in: open..<index)) { cut(contentStart..<end) }
        return end
    }

    /// The attributes besides `class` and `id` whose meaning is an element hint, read here rather
    /// than by the builder when libxml2 would give it the very same bytes (no character reference,
    /// ASCII where the builder lowercases the value as a `String`).
    private enum HintAttribute: UInt8 {
        case style, ariaHidden, hidden, role, rel

        /// The attribute's flag among those seen in a tag.
        var bit: UInt8 { 1 << rawValue }
    }

    /// The hint attribute a name is (`rel` only outside `<link>`, where it also names the canonical URL).
    private func hintAttribute(_ name: Range<Int>, onLink isLink: Bool) -> HintAttribute? {
        switch name.count {
        case 3 where !isLink && matches("rel", name): return .rel
        case 4 where matches("role", name): return .role
        case 5 where matches("style", name): return .style
        case 6 where matches("hidden", name): return .hidden
        case 11 where matches("aria-hidden", name): return .ariaHidden
        default: return nil
        }
    }

    /// The hints of an attribute as ``PageBuilder`` reads them, or nil when its value is left to
    /// libxml2 and the builder.
    private func hints(of attribute: HintAttribute, value: Range<Int>?) -> ElementHints? {
        if attribute == .hidden { return .hidden }  // with or without a value
        guard let value else { return [] }  // the builder reads nothing else without a value
        guard find(UInt8(ascii: "&"), in: value) == nil else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: page[value])
        switch attribute {
        case .style:
            return StyleAttribute.hides(bytes) ? .hidden : []
        case .ariaHidden:
            return matches("true", value) ? .hidden : []
        case .role, .rel:
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let lowercase = String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            if attribute == .role { return matcher.hints(role: lowercase) }
            return lowercase == "author" ? .byline : []
        case .hidden:
            return .hidden
        }
    }

    /// Reads text up to the next `<` (or the end of the page) and returns where it is, cutting
    /// each run of white space down to its first byte: the extractor collapses white space anyway,
    /// and pages indent their markup with as many bytes as they have text.
    ///
    /// Eight bytes at a time while they hold no `<` and no two bytes in a row at or below space.
    private mutating func text(from start: Int) -> Int {
        let count = page.count
        guard let base = page.baseAddress else { return count }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index < count {
            if index &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let angle = word ^ (ones &* 0x3C)  // zero bytes where `<` is
                let angles = (angle &- ones) & ~angle & highs
                // The high bit of every byte at or below space (and of some bytes right after one).
                let lows = (word &- ones &* 0x21) & ~word & highs
                if angles == 0 && lows & (lows &>> 8) == 0 {
                    // A low last byte may start a run with the next word's first: start there.
                    index &+= lows & 0x8000_0000_0000_0000 != 0 ? 7 : 8
                    continue
                }
            }
            let byte = page[index]
            if byte == UInt8(ascii: "<") { return index }
            index += 1
            if isBlank(byte) {
                let runStart = index
                while index < count && isBlank(page[index]) { index += 1 }
                cut(runStart..<index)
            }
        }
        return count
    }

    /// Where the content of a raw element ends: a script or style at the first `</script` or
    /// `</style` (any case, as libxml2 reads them), an `svg` at the first `</svg` end tag.
    private func rawContentEnd(_ raw: RawElement, from start: Int) -> Int? {
        let closing: StaticString
        switch raw {
        case .script: closing = "</script"
        case .style: closing = "</style"
        case .svg: closing = "</svg"
        }
        var search = start
        while let end = find("</", from: search) {
            let nameEnd = end + closing.utf8CodeUnitCount
            if matches(closing, at: end) && (raw != .svg || nameEnd >= page.count || !isNameByte(page[nameEnd])) {
                return end
            }
            search = end + 2
        }
        return nil
    }

    /// Whether the extractor reads an attribute (see ``PageBuilder``): everything else is cut.
    private func isNeeded(_ name: Range<Int>, onLink isLink: Bool, onScript isScript: Bool) -> Bool {
        switch name.count {
        case 2: return matches("id", name)
        case 3: return matches("rel", name)
        case 4: return matches("role", name) || matches("name", name) || matches("lang", name)
            || (isScript && matches("type", name)) || (isLink && matches("href", name))
        case 5: return matches("class", name) || matches("style", name)
        case 6: return matches("hidden", name)
        case 7: return matches("content", name) || matches("pubdate", name) || matches("charset", name)
        case 8: return matches("itemprop", name) || matches("property", name) || matches("datetime", name)
        case 10: return matches("http-equiv", name)
        case 11: return matches("aria-hidden", name)
        default: return false
        }
    }

    // MARK: - Bytes

    private mutating func cut(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        removed += range.count
        if let last = ranges.last, last.upperBound == range.lowerBound {
            ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
        } else {
            ranges.append(range)
        }
    }

    /// libxml2's `IS_BLANK_CH`: space, tab, line feed, carriage return.
    private func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func skipBlanks(_ start: Int) -> Int {
        var index = start
        while index < page.count && isBlank(page[index]) { index += 1 }
        return index
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    /// Whether the bytes of `range` spell the lowercase ASCII `literal`, in any case.
    private func matches(_ literal: StaticString, _ range: Range<Int>) -> Bool {
        range.count == literal.utf8CodeUnitCount && matches(literal, at: range.lowerBound)
    }

    /// Whether the bytes at `index` start with the lowercase ASCII `literal`, in any case.
    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= page.count else { return false }
        let expected = literal.utf8Start
        for offset in 0..<length {
            var byte = page[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != expected[offset] { return false }
        }
        return true
    }

    private func contains(_ literal: StaticString, in range: Range<Int>) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard range.count >= length else { return false }
        for index in range.lowerBound...(range.upperBound - length) where matches(literal, at: index) { return true }
        return false
    }

    /// The offset of the first `byte` in `range`.
    private func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = page.baseAddress, !range.isEmpty,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// The offset of the first `byte` at or after `start`.
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard let base = page.baseAddress, start < page.count,
            let found = memchr(base + start, Int32(byte), page.count - start)
        else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// The offset of the first occurrence of an ASCII `literal` at or after `start`.
    private func find(_ literal: StaticString, from start: Int) -> Int? {
        guard let base = page.baseAddress else { return nil }
        let length = literal.utf8CodeUnitCount
        var index = start
        while let candidate = find(literal.utf8Start[0], from: index) {
            guard candidate + length <= page.count else { return nil }
            if memcmp(base + candidate, literal.utf8Start, length) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
