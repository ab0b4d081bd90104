/// What an element's tag, `class`, `id`, `role` and `itemprop` say about its content.
///
/// A bit set: the negative kinds name why a block is dropped (`extract: navigation`…); the positive
/// bits mark likely article containers. Computed once per element while parsing, from lowercase
/// attribute bytes, with no `String` built.
struct ElementHints: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let navigation = ElementHints(rawValue: 1 << 0)
    static let comments = ElementHints(rawValue: 1 << 1)
    static let share = ElementHints(rawValue: 1 << 2)
    static let related = ElementHints(rawValue: 1 << 3)
    static let cookie = ElementHints(rawValue: 1 << 4)
    static let advertising = ElementHints(rawValue: 1 << 5)
    static let sidebar = ElementHints(rawValue: 1 << 6)
    static let footer = ElementHints(rawValue: 1 << 7)
    static let subscribe = ElementHints(rawValue: 1 << 8)
    static let byline = ElementHints(rawValue: 1 << 9)
    static let hidden = ElementHints(rawValue: 1 << 10)
    static let form = ElementHints(rawValue: 1 << 11)
    static let pageHeader = ElementHints(rawValue: 1 << 12)
    static let caption = ElementHints(rawValue: 1 << 13)
    static let tags = ElementHints(rawValue: 1 << 14)
    /// Content a script reveals, which the `hidden` attribute or `display:none` does not hide: a
    /// React streamed segment (`<div hidden id="S:1">`, moved into place when the page loads) or
    /// text behind a paywall (`class="paywall"`, shown to subscribers).
    static let revealed = ElementHints(rawValue: 1 << 15)

    /// A likely article container (`article`, `main`, `content`, `post`…).
    static let content = ElementHints(rawValue: 1 << 20)
    /// A sure article body (`itemprop=articleBody`, `article-body`, `entry-content`…).
    static let articleBody = ElementHints(rawValue: 1 << 21)
    /// An `<article>` or `<main>` element, or `role=main|article`.
    static let articleTag = ElementHints(rawValue: 1 << 22)

    /// Every kind that makes a block boilerplate.
    static let negative: ElementHints = [
        .navigation, .comments, .share, .related, .cookie, .advertising, .sidebar, .footer,
        .subscribe, .byline, .hidden, .form, .tags,
    ]

    /// The removal reason of the strongest negative kind (`navigation`, `comments`…).
    var reason: String {
        let names: [(ElementHints, String)] = [
            (.hidden, "hidden"), (.cookie, "cookie-banner"), (.comments, "comments"), (.share, "share"),
            (.related, "related"), (.advertising, "advertising"), (.subscribe, "subscribe"),
            (.navigation, "navigation"), (.footer, "footer"), (.sidebar, "sidebar"), (.byline, "byline"),
            (.tags, "tags"), (.form, "form"),
        ]
        for (kind, name) in names where contains(kind) { return name }
        return "low-content"
    }

    /// Hints from the element's tag alone.
    init(tag: HTMLTag) {
        switch tag {
        case .nav, .menu: self = .navigation
        case .footer: self = .footer
        case .aside: self = .sidebar
        case .form: self = .form
        case .dialog: self = .cookie
        case .header: self = .pageHeader
        case .figcaption: self = .caption
        case .article, .main: self = .articleTag
        default: self = []
        }
    }

    init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// What one class name says (see ``HintMatcher/hints(ofName:)``). The names of a value combine:
/// their hints add up, and a hiding class name (Bootstrap's `hidden` and `d-none`, Tailwind's
/// `hidden` and `invisible`…) hides the element unless another name shows it again at some screen
/// size (Tailwind's `hidden md:block`).
struct NameHints: Sendable {
    var hints: ElementHints = []
    /// A hiding class name.
    var hides = false
    /// A name with a `:` (a responsive variant).
    var responsive = false
}

/// Finds semantic hints in `class`, `id` and `itemprop` values.
///
/// Long patterns match inside words (`comment` in `articlecomments`); short, ambiguous ones only
/// as whole words (`ad` in `ad-slot`, not in `header`). Compound names written with separators
/// (`article-body`, `entry_content`) are also matched joined, so `articlebody` covers them.
struct HintMatcher: Sendable {
    /// The patterns' bytes, one after the other, in `order`; pattern `i` of that order is
    /// `bytes[offsets[i]..<offsets[i + 1]]`, gives `kinds[i]`, and is an exception when
    /// `isException[i]` (flat arrays: no reference counting in the matching loop).
    private let bytes: [UInt8]
    private let offsets: [Int32]
    private let kinds: [ElementHints]
    private let isException: [Bool]
    /// Patterns grouped by their first two bytes: the patterns starting with bytes `k` are
    /// `start[k]..<start[k + 1]` (a flat table: one array read per byte of input).
    private let start: [Int32]
    /// Whole-word patterns, packed into 64 bits (at most eight bytes).
    private let words: [(word: UInt64, hints: ElementHints)]

    init() {
        let substrings: [(String, ElementHints)] = [
            ("comment", .comments), ("disqus", .comments), ("discussion", .comments),
            ("share", .share), ("social", .share), ("sociable", .share),
            ("related", .related), ("recommend", .related), ("morestories", .related), ("readmore", .related),
            ("outbrain", .related), ("taboola", .related), ("teaser", .related),
            ("cookie", .cookie), ("consent", .cookie), ("gdpr", .cookie),
            ("advert", .advertising), ("adsbygoogle", .advertising), ("sponsor", .advertising),
            ("promo", .advertising), ("banner", .advertising), ("dfp", .advertising),
            ("newsletter", .subscribe), ("subscri", .subscribe), ("signup", .subscribe),
            ("login", .subscribe), ("popup", .subscribe), ("modal", .subscribe),
            ("sidebar", .sidebar), ("widget", .sidebar),
            ("breadcrumb", .navigation), ("navigation", .navigation), ("navbar", .navigation),
            ("menu", .navigation), ("pagination", .navigation), ("pager", .navigation),
            ("skiplink", .navigation), ("toolbar", .navigation), ("masthead", .navigation),
            ("footer", .footer), ("copyright", .footer),
            ("byline", .byline), ("author", .byline), ("dateline", .byline),
            ("caption", .caption), ("credit", .caption),
            ("visuallyhidden", .hidden), ("offscreen", .hidden),
            ("articlebody", .articleBody), ("storybody", .articleBody), ("articletext", .articleBody),
            ("articlecontent", .articleBody), ("entrycontent", .articleBody), ("postcontent", .articleBody),
            ("postbody", .articleBody), ("storycontent", .articleBody), ("bodytext", .articleBody),
            ("article", .content), ("content", .content), ("entry", .content), ("story", .content),
            ("post", .content), ("blog", .content), ("main", .content),
        ]
        let words: [(String, ElementHints)] = [
            ("ad", .advertising), ("ads", .advertising), ("adv", .advertising), ("nav", .navigation),
            ("tag", .tags), ("tags", .tags), ("keywords", .tags), ("meta", .byline), ("share", .share),
            ("rss", .share), ("sr", .hidden), ("paywall", .revealed),
        ]
        // Words that contain a pattern but mean something else.
        let exceptions: [(String, ElementHints)] = [
            ("commentar", .comments), ("shared", .share), ("sharp", .share), ("unrelated", .related),
            ("postal", .content), ("poster", .content), ("domain", .content), ("navigator", .navigation),
            ("authorit", .byline),
        ]
        let patterns = substrings.map { (Array($0.0.utf8), $0.1, false) } + exceptions.map { (Array($0.0.utf8), $0.1, true) }
        let keys = patterns.map { Int($0.0[0]) << 8 | Int($0.0[1]) }
        let sorted = patterns.indices.sorted { keys[$0] < keys[$1] }
        var start = [Int32](repeating: 0, count: 65_537)
        for key in keys { start[key + 1] += 1 }
        for index in 1..<start.count { start[index] += start[index - 1] }
        self.start = start
        bytes = sorted.flatMap { patterns[$0].0 }
        offsets = sorted.reduce(into: [0]) { offsets, index in offsets.append(offsets.last! + Int32(patterns[index].0.count)) }
        kinds = sorted.map { patterns[$0].1 }
        isException = sorted.map { patterns[$0].2 }
        var table: [UInt64: ElementHints] = [:]
        for (word, hint) in words { table[Self.packed(Array(word.utf8)[...]), default: []].insert(hint) }
        self.words = table.map { ($0.key, $0.value) }
    }

    /// What one lowercase class name (a run of bytes above space in a `class` or `id` value) says:
    /// substring patterns inside each of its words (words split at anything but letters and
    /// digits), then whole-word patterns; a word holding an exception (`commentary`, `shared`) loses
    /// the hint it would give. A name written with separators (`article-body`, `entry_content`) is
    /// also matched joined, so `articlebody` covers it. What CSS conventions say (see
    /// ``NameHints``) is kept apart: it depends on the value's other names.
    func hints(ofName name: UnsafeBufferPointer<UInt8>) -> NameHints {
        var result = Self.conventionHints(ofName: name)
        let count = name.count
        var start = 0
        while start < count {
            while start < count, !isWordByte(name[start]) { start += 1 }
            var end = start
            while end < count, isWordByte(name[end]) { end += 1 }
            if end > start {
                result.hints.formUnion(substringHints(in: name, start..<end))
                if end - start <= 8 {
                    let packed = Self.packed(name[start..<end])
                    for entry in words where entry.word == packed { result.hints.formUnion(entry.hints) }
                }
            }
            start = end
        }
        if name.contains(UInt8(ascii: "-")) || name.contains(UInt8(ascii: "_")) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { joined in
                var length = 0
                for byte in name where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                    joined[length] = byte
                    length += 1
                }
                let buffer = UnsafeBufferPointer(rebasing: joined[..<length])
                var start = 0
                while start < buffer.count {
                    while start < buffer.count, !isWordByte(buffer[start]) { start += 1 }
                    var end = start
                    while end < buffer.count, isWordByte(buffer[end]) { end += 1 }
                    if end > start { result.hints.formUnion(substringHints(in: buffer, start..<end)) }
                    start = end
                }
            }
        }
        return result
    }

    private func substringHints(in value: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> ElementHints {
        var found: ElementHints = []
        var exceptions: ElementHints = []
        guard word.count > 1 else { return found }
        start.withUnsafeBufferPointer { start in
            bytes.withUnsafeBufferPointer { bytes in
                for index in word.lowerBound..<(word.upperBound - 1) {
                    let key = Int(value[index]) << 8 | Int(value[index + 1])
                    let first = Int(start[key])
                    let end = Int(start[key + 1])
                    guard first < end else { continue }
                    for slot in first..<end {
                        let patternStart = Int(offsets[slot])
                        let length = Int(offsets[slot + 1]) - patternStart
                        guard index + length <= word.upperBound else { continue }
                        var matched = 2
                        while matched < length, value[index + matched] == bytes[patternStart + matched] { matched += 1 }
                        if matched == length {
                            if isException[slot] { exceptions.formUnion(kinds[slot]) } else { found.formUnion(kinds[slot]) }
                        }
                    }
                }
            }
        }
        return found.subtracting(exceptions)
    }

    /// Class names that hide an element in the common CSS frameworks (Bootstrap's `hidden` and
    /// `d-none`, Tailwind's `hidden` and `invisible`…).
    private static let hidingClassNames: [[UInt8]] =
        ["hidden", "hide", "d-none", "invisible", "is-hidden", "u-hidden", "js-hidden", "hidden-content"].map { Array($0.utf8) }

    /// What CSS conventions say of one class name (or id value): whether it is a hiding class name,
    /// whether it shows the element at some screen size (any name with a `:`), and whether it is a
    /// React streamed segment's id (`s:` + letters and digits: ``revealed``).
    private static func conventionHints(ofName name: UnsafeBufferPointer<UInt8>) -> NameHints {
        var result = NameHints()
        if name.contains(UInt8(ascii: ":")) {
            result.responsive = true
            if name.count > 2, name[0] == UInt8(ascii: "s"), name[1] == UInt8(ascii: ":"),
                name.dropFirst(2).allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) })
            {
                result.hints.insert(.revealed)
            }
        } else if hidingClassNames.contains(where: { $0.count == name.count && $0.elementsEqual(name) }) {
            result.hides = true
        }
        return result
    }

    /// The hints of a `role` value (one ARIA role).
    func hints(role: String) -> ElementHints {
        switch role {
        case "navigation", "menu", "menubar", "search", "banner": return .navigation
        case "contentinfo": return .footer
        case "complementary": return .sidebar
        case "dialog", "alertdialog": return .cookie
        case "main", "article": return .articleTag
        default: return []
        }
    }

    private static func packed<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var key: UInt64 = 0
        for (index, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    @inline(__always)
    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}
