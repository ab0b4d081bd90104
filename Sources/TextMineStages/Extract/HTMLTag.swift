/// The HTML elements the extractor tells apart, with what each means for main-text extraction.
///
/// Tags are recognised from the parser's lowercase names by a packed 64-bit key (names of up to
/// eight bytes), so no `String` is built per element.
enum HTMLTag: UInt8, Sendable {
    case other
    // Structure
    case html, head, body, title, meta, link, base
    // Skipped entirely (no visible article text)
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, select,
        textarea, button, video, audio, picture, source, map
    // Block-level containers
    case div, section, article, main, header, footer, nav, aside, form, fieldset, figure,
        figcaption, address, details, summary, dialog, menu, center
    // Paragraph-level blocks
    case p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre, table, thead, tbody,
        tfoot, tr, td, th, caption, hr, br, hgroup
    // Inline elements with meaning
    case a, time, img, input, label

    /// Whether the element starts and ends a paragraph (jusText's block boundaries).
    var isBlock: Bool {
        switch self {
        case .div, .section, .article, .main, .header, .footer, .nav, .aside, .form, .fieldset,
            .figure, .figcaption, .address, .details, .summary, .dialog, .menu, .center, .p, .h1, .h2,
            .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .thead,
            .tbody, .tfoot, .tr, .td, .th, .caption, .hr, .body, .html, .hgroup, .title:
            return true
        default:
            return false
        }
    }

    /// Whether the element's content is never article text.
    var isSkipped: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
            .select, .textarea, .button, .video, .audio, .map, .head:
            return true
        default:
            return false
        }
    }

    /// The heading level 1…6, or nil.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }

    /// Recognises a tag from its lowercase name bytes.
    init(name: UnsafePointer<UInt8>) {
        var key: UInt64 = 0
        var index = 0
        while name[index] != 0 {
            guard index < 8 else {
                self = HTMLTag.longTag(name)
                return
            }
            var byte = name[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            key |= UInt64(byte) << (8 * UInt64(index))
            index += 1
        }
        self = HTMLTag.lookUp(key)
    }

    /// The tag of a packed name: a small open-addressing table with a multiplicative hash (a
    /// `Dictionary` would hash every element's name with SipHash).
    private static func lookUp(_ key: UInt64) -> HTMLTag {
        let mask = keyTable.count - 1
        var slot = slot(of: key, mask: mask)
        while true {
            let entry = keyTable[slot]
            if entry.key == key { return entry.tag }
            if entry.key == 0 { return .other }
            slot = (slot + 1) & mask
        }
    }

    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Packed names (0: an empty slot) and their tags, a quarter full.
    private static let keyTable: [(key: UInt64, tag: HTMLTag)] = {
        var table = [(key: UInt64, tag: HTMLTag)](repeating: (0, .other), count: 512)
        for (name, tag) in names where name.utf8.count <= 8 {
            let key = key(name)
            var slot = slot(of: key, mask: table.count - 1)
            while table[slot].key != 0 { slot = (slot + 1) & (table.count - 1) }
            table[slot] = (key, tag)
        }
        return table
    }()

    /// Tags whose names are longer than a packed key holds.
    private static func longTag(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        let string = String(cString: name).lowercased()
        switch string {
        case "blockquote": return .blockquote
        case "figcaption": return .figcaption
        default: return .other
        }
    }

    /// The packed key of a tag name (its bytes, little-endian, in a 64-bit word).
    private static func key(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    /// The tag's name (`*` for unknown tags), for node paths.
    var name: String { HTMLTag.nameTable[Int(rawValue)] }

    /// The tag's name as UTF-8 bytes.
    var nameBytes: [UInt8] { HTMLTag.nameBytesTable[Int(rawValue)] }

    private static let nameBytesTable: [[UInt8]] = nameTable.map { Array($0.utf8) }

    private static let nameTable: [String] = {
        var table = [String](repeating: "*", count: Int(HTMLTag.label.rawValue) + 1)
        for (name, tag) in names { table[Int(tag.rawValue)] = name }
        return table
    }()

    private static let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta),
            ("link", .link), ("base", .base), ("script", .script), ("style", .style),
            ("noscript", .noscript), ("template", .template), ("svg", .svg), ("math", .math),
            ("iframe", .iframe), ("object", .object), ("embed", .embed), ("canvas", .canvas),
            ("select", .select), ("textarea", .textarea), ("button", .button), ("video", .video),
            ("audio", .audio), ("picture", .picture), ("source", .source), ("map", .map),
            ("div", .div), ("section", .section), ("article", .article), ("main", .main),
            ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside), ("form", .form),
            ("fieldset", .fieldset), ("figure", .figure),
            ("address", .address), ("details", .details), ("summary", .summary), ("dialog", .dialog),
            ("menu", .menu), ("center", .center), ("p", .p), ("h1", .h1), ("h2", .h2), ("h3", .h3),
            ("h4", .h4), ("h5", .h5), ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl),
            ("dt", .dt), ("dd", .dd), ("pre", .pre), ("table", .table),
            ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr), ("td", .td),
            ("th", .th), ("caption", .caption), ("hr", .hr), ("br", .br), ("hgroup", .hgroup),
            ("a", .a), ("time", .time), ("img", .img), ("input", .input), ("label", .label),
            ("blockquote", .blockquote), ("figcaption", .figcaption),
        ]
}
