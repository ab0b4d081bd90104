import Foundation

/// The bytes handed to libxml2: the page without the contents of the elements that never give
/// text (`<script>` other than JSON-LD, `<style>`, `<svg>`) nor of comments, with the map from
/// offsets and lines in those bytes back to the page's.
///
/// Inline scripts, style sheets and icons are about half the bytes of a news page, and libxml2
/// reads them character by character; finding their ends with `memchr` and cutting them before
/// parsing halves the parse. Only the contents go: the start and end tags stay, so the elements
/// are still there (and skipped) for the page structure. Where the cut ends follows libxml2's own
/// rules (a script ends at the first `</script`, any case; a quoted attribute value may hold `>`),
/// so the parse of what remains is the parse of the page; an element without an end is left whole.
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

    /// Condenses a page.
    init(_ page: UnsafeBufferPointer<UInt8>) {
        guard let base = page.baseAddress else { return }
        let count = page.count
        var copied = 0  // page bytes before this are in `condensed` (or cut)
        var removedBytes = 0
        var removedLines: Int32 = 0
        var index = 0
        while index < count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            let open = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            index = open + 1
            guard let body = Self.rawContent(in: page, tagAt: open) else { continue }
            index = body.upperBound
            guard body.count > 0 else { continue }
            if condensed.isEmpty { condensed.reserveCapacity(count / 2) }
            condensed.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<body.lowerBound]))
            copied = body.upperBound
            removedBytes += body.count
            removedLines += Self.newlines(in: UnsafeBufferPointer(rebasing: page[body]))
            cuts.append(Cut(offset: condensed.count, removedBytes: removedBytes, removedLines: removedLines))
        }
        if !cuts.isEmpty { condensed.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...])) }
    }

    /// Calls `body` with the bytes to parse: the condensed bytes, or the page when nothing was cut.
    func withBytes<Result>(of page: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        cuts.isEmpty ? body(page) : condensed.withUnsafeBufferPointer(body)
    }

    /// The page offset of an offset in the condensed bytes, and the lines cut before it.
    ///
    /// An offset at a cut maps past the cut (to the element's end tag). Fast when successive
    /// offsets ascend, as the parser's do.
    mutating func pageOffset(of offset: Int) -> (offset: Int, removedLines: Int32) {
        while cursor < cuts.count && cuts[cursor].offset <= offset { cursor += 1 }
        while cursor > 0 && cuts[cursor - 1].offset > offset { cursor -= 1 }
        guard cursor > 0 else { return (offset, 0) }
        let cut = cuts[cursor - 1]
        return (offset + cut.removedBytes, cut.removedLines)
    }

    // MARK: - Scanning

    /// The content to cut of the markup starting with the `<` at `open`: a comment's text, or the
    /// content of a `script` (not JSON-LD), `style` or `svg` element; nil for any other markup.
    /// An empty range means the markup was read but there is nothing to cut.
    private static func rawContent(in page: UnsafeBufferPointer<UInt8>, tagAt open: Int) -> Range<Int>? {
        let count = page.count
        guard open + 3 < count else { return nil }
        if page[open + 1] == UInt8(ascii: "!") {
            guard page[open + 2] == UInt8(ascii: "-"), page[open + 3] == UInt8(ascii: "-") else { return nil }
            let start = open + 4
            guard let end = find("-->", in: page, from: start) else { return nil }
            return start..<end
        }
        let kind: RawElement
        if matchesName("script", in: page, at: open + 1) {
            kind = .script
        } else if matchesName("style", in: page, at: open + 1) {
            kind = .style
        } else if matchesName("svg", in: page, at: open + 1) {
            kind = .svg
        } else {
            return nil
        }
        // The end of the start tag: the first `>` outside quoted attribute values (a quote opens
        // a value only after `=`).
        var index = open + 1
        var quote: UInt8 = 0
        var afterEquals = false
        while index < count {
            let byte = page[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: ">") {
                break
            } else if byte == UInt8(ascii: "=") {
                afterEquals = true
            } else if afterEquals && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                quote = byte
                afterEquals = false
            } else if byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x0C {
                afterEquals = false
            }
            index += 1
        }
        guard index < count else { return nil }
        let start = index + 1
        if page[index - 1] == UInt8(ascii: "/") { return start..<start }  // `<script … />` has no content
        if kind == .script, containsCaseInsensitive("ld+json", in: UnsafeBufferPointer(rebasing: page[open..<index])) {
            return start..<start  // JSON-LD is metadata: keep it
        }
        let closing: StaticString
        switch kind {
        case .script: closing = "</script"
        case .style: closing = "</style"
        case .svg: closing = "</svg"
        }
        var search = start
        while let end = find("</", in: page, from: search) {
            if matchesCaseInsensitive(closing, in: page, at: end)
                && (kind != .svg || end + 5 >= count || !isNameByte(page[end + 5]))
            {
                return start..<end
            }
            search = end + 2
        }
        return nil
    }

    private enum RawElement { case script, style, svg }

    /// Whether the tag name at `index` is `name` (any case), followed by a byte that ends a name.
    private static func matchesName(_ name: StaticString, in page: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let length = name.utf8CodeUnitCount
        guard index + length < page.count, matchesCaseInsensitive(name, in: page, at: index) else { return false }
        return !isNameByte(page[index + length])
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".")
    }

    /// Whether the bytes at `index` spell the lowercase ASCII `literal`, in any case.
    private static func matchesCaseInsensitive(_ literal: StaticString, in page: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
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

    private static func containsCaseInsensitive(_ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        for index in 0...(bytes.count - length) where matchesCaseInsensitive(literal, in: bytes, at: index) {
            return true
        }
        return false
    }

    /// The offset of the first occurrence of an ASCII `literal` at or after `start`.
    private static func find(_ literal: StaticString, in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = page.baseAddress else { return nil }
        let length = literal.utf8CodeUnitCount
        let first = Int32(literal.utf8Start[0])
        var index = start
        while index + length <= page.count, let found = memchr(base + index, first, page.count - index) {
            let candidate = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            guard candidate + length <= page.count else { return nil }
            if memcmp(base + candidate, literal.utf8Start, length) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
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
