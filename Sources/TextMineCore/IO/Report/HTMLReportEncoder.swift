import Foundation

/// The HTML report (`output: format: html`, `textmine report`): one self-contained page (inline CSS
/// and JavaScript, nothing fetched) that shows what a run did to each article.
///
/// Each article becomes one compact JSON record inside a `<script type="application/json">`
/// element; the page's script renders the index and one article at a time from those records, so
/// that a report of 10,000 articles opens fast. The records are JSON with `<`, `>` and `&` written
/// as `\u003c`, `\u003e`, `\u0026`, so no text of an article can close the script element, and the
/// script puts every text into the page with `textContent`, never as HTML.
///
/// A record: `id`, `language`, `source`, `meta` (`[name, value, stage, rule]`), `text`, `ents`
/// (`[start, end, label, canonical, confidence]`, scalar offsets into `text`), `sum` (the selected
/// summary sentences as `[start, end]`), `method`, `kw` (phrases), `rem` (`[at, text, reason,
/// stage]`, `at` the offset of `text` where the removed text was), `trace` (`[stage, seconds]`).
public struct HTMLReportEncoder: ArticleEncoder {
    /// The page title (escaped).
    public var title: String

    public init(title: String = "TextMine report") { self.title = title }

    public var header: [UInt8] {
        Array((HTMLReportPage.head(title: title) + #"<script type="application/json" id="tm-articles">["#).utf8)
    }

    public var separator: [UInt8] { Array(",\n".utf8) }

    public var footer: [UInt8] { (try? footer(after: RunOutcome())) ?? [] }

    public var summarizesRun: Bool { true }

    public func footer(after run: RunOutcome) throws -> [UInt8] {
        var writer = ArticleJSONWriter()
        writer.beginObject()
        writer.key("failures")
        writer.array(run.failures) { writer, failure in
            writer.beginObject()
            writer.key("id"); writer.string(failure.id)
            writer.key("source"); writer.string(failure.source ?? "")
            writer.key("stage"); writer.string(failure.step)
            writer.key("error"); writer.string(failure.error)
            writer.endObject()
        }
        writer.key("stages")
        try writer.array(run.stages) { writer, stage in
            writer.beginObject()
            writer.key("name"); writer.string(stage.name)
            writer.key("calls"); writer.integer(stage.calls)
            writer.key("seconds"); try writer.number(stage.seconds)
            writer.key("failures"); writer.integer(stage.failures)
            writer.endObject()
        }
        writer.endObject()
        return Array("]</script>\n<script type=\"application/json\" id=\"tm-run\">".utf8) + Self.scriptSafe(writer.bytes)
            + Array("</script>\n".utf8) + Array(HTMLReportPage.tail.utf8)
    }

    public func encode(_ article: Article) throws -> [UInt8] {
        Self.scriptSafe(try Self.record(of: article))
    }

    /// The JSON record of one article.
    static func record(of article: Article) throws -> [UInt8] {
        var writer = ArticleJSONWriter(capacity: article.scalarText.utf8.count + 64 * article.entities.count + 256)
        writer.beginObject()
        writer.key("id"); writer.string(article.id)
        if let language = article.language { writer.key("language"); writer.string(language.code) }
        if let source = article.source {
            writer.key("source"); writer.string(source.path + (source.line.map { ":\($0)" } ?? ""))
        }
        writer.key("meta")
        try writer.array(article.metadata.keys.sorted()) { writer, name in
            let field = article.metadata[name]!
            writer.append(0x5B)
            writer.string(name); writer.append(0x2C)
            try writer.json(field.value); writer.append(0x2C)
            writer.string(field.step); writer.append(0x2C)
            writer.string(field.rule)
            writer.append(0x5D)
        }
        writer.key("text"); try writer.writeValue(of: .text, in: article)
        writer.key("ents")
        try writer.array(article.entities) { writer, entity in
            writer.append(0x5B)
            writer.integer(entity.span.start); writer.append(0x2C)
            writer.integer(entity.span.end); writer.append(0x2C)
            writer.string(entity.label); writer.append(0x2C)
            writer.string(entity.canonical); writer.append(0x2C)
            try writer.number(entity.confidence)
            writer.append(0x5D)
        }
        if let summary = article.summary {
            writer.key("method"); writer.string(summary.method)
            let spans = summary.selected.filter(summary.scores.indices.contains).map { summary.scores[$0].span }
            writer.key("sum")
            writer.array(spans) { writer, span in writer.pair(span.start, span.end) }
        }
        writer.key("kw"); writer.array(article.keywords) { $0.string($1.phrase) }
        writer.key("rem")
        let places = RemovalPlacement.currentOffsets(of: article)
        writer.array(Array(zip(article.removals, places))) { writer, item in
            writer.append(0x5B)
            writer.integer(item.1); writer.append(0x2C)
            writer.string(item.0.text); writer.append(0x2C)
            writer.string(item.0.reason); writer.append(0x2C)
            writer.string(item.0.step)
            writer.append(0x5D)
        }
        writer.key("trace")
        try writer.array(article.trace) { writer, trace in
            writer.append(0x5B)
            writer.string(trace.step)
            if let seconds = trace.seconds { writer.append(0x2C); try writer.number(seconds) }
            writer.append(0x5D)
        }
        writer.endObject()
        return writer.bytes
    }

    /// JSON made safe inside a `<script>` element: `<`, `>` and `&` (only ever inside strings) as
    /// `\u` escapes, which `JSON.parse` reads back.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return json }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case 0x3C: bytes += Array(#"\u003c"#.utf8)
            case 0x3E: bytes += Array(#"\u003e"#.utf8)
            case 0x26: bytes += Array(#"\u0026"#.utf8)
            default: bytes.append(byte)
            }
        }
        return bytes
    }
}

/// Where each removal of an article sits in its current text.
enum RemovalPlacement {
    /// For each removal, the offset of the current text where its original text was: exact with
    /// the article's alignment; else counted from the removals alone (off by the length changes of
    /// normalising edits, which only the alignment records), then moved to the nearest place where
    /// the original text that followed the removal is found.
    static func currentOffsets(of article: Article) -> [Int] {
        let length = article.scalarText.scalarCount
        if let alignment = article.alignment {
            return article.removals.map { min(length, max(0, alignment.currentOffset(ofOriginal: $0.original.start))) }
        }
        let order = article.removals.indices.sorted { article.removals[$0].original.start < article.removals[$1].original.start }
        let original = article.original.map { Array($0.unicodeScalars) } ?? []
        let current = original.isEmpty ? [] : Array(article.text.unicodeScalars)
        var placed = [Int](repeating: 0, count: article.removals.count)
        var removedBefore = 0
        for index in order {
            let removal = article.removals[index]
            let estimate = min(length, max(0, removal.original.start - removedBefore))
            placed[index] = nearest(following: removal, estimate: estimate, original: original, current: current)
            removedBefore += removal.original.length
        }
        return placed
    }

    /// The offset nearest `estimate` (within 64 scalars) where the current text goes on with the
    /// eight scalars of the original that followed the removal; `estimate` when there is none.
    private static func nearest(following removal: Removal, estimate: Int, original: [Unicode.Scalar],
                                current: [Unicode.Scalar]) -> Int {
        let end = min(original.count, removal.original.end + 8)
        guard removal.original.end < end, end - removal.original.end >= 3 else { return estimate }
        let context = original[removal.original.end..<end]
        let low = max(0, estimate - 64), high = min(current.count - context.count, estimate + 64)
        guard low <= high else { return estimate }
        var best: Int?
        for candidate in low...high where current[candidate..<(candidate + context.count)].elementsEqual(context) {
            if best.map({ abs(candidate - estimate) < abs($0 - estimate) }) ?? true { best = candidate }
        }
        return best ?? estimate
    }
}

extension Alignment {
    /// The offset of the current text that an offset of the original text maps to: inside an
    /// edited region, the region's current start.
    func currentOffset(ofOriginal offset: Int) -> Int {
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].original.end <= offset { low = mid + 1 } else { high = mid }
        }
        // Regions before `low` end at or before the offset.
        if low < regions.count, regions[low].original.start <= offset { return regions[low].current.start }
        guard low > 0 else { return offset }
        let region = regions[low - 1]
        return region.current.end + (offset - region.original.end)
    }
}

/// What the end of a report knows about the run: its failures and per-stage timing.
public struct RunOutcome: Sendable {
    /// Every failed article, in input order.
    public var failures: [ArticleFailure]
    /// Per-stage statistics (`input`, each step, `output`), empty when unknown.
    public var stages: [StepStatistics]

    public init(failures: [ArticleFailure] = [], stages: [StepStatistics] = []) {
        self.failures = failures
        self.stages = stages
    }
}

extension ArticleJSONWriter {
    /// Appends `[a,b]`.
    mutating func pair(_ a: Int, _ b: Int) {
        append(0x5B)
        integer(a)
        append(0x2C)
        integer(b)
        append(0x5D)
    }
}
