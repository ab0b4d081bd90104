import Foundation
import TextMineCore

/// Stages for runtime tests.

/// Upper-cases the text and records its length in metadata.
struct UpperStage: Stage {
    static let description = StageDescription(
        id: "upper", abstract: "Upper-cases the text.")
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws {
        let length = article.text.unicodeScalars.count
        try article.applyEdits([TextEdit(span: Span(start: 0, end: length), replacement: article.text.uppercased())],
                               step: context.step)
        article.metadata["length"] = MetadataField(value: .int(length), step: context.step, rule: "count")
    }
}

/// Fails on articles whose text contains "boom".
struct FragileStage: Stage {
    static let description = StageDescription(
        id: "fragile", abstract: "Fails on 'boom'.")
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws {
        if article.text.lowercased().contains("boom") { throw StageError("cannot handle boom") }
    }
}

/// Records in each article how many articles the corpus had and how many were already upper-cased.
struct CorpusCountStage: CorpusStage {
    static let description = StageDescription(
        id: "corpus-count", abstract: "Counts the corpus.")
    var corpusSize = 0
    var upperCased = 0
    init(options: StageOptions) throws {}
    mutating func prepare(corpus: [Article]) throws {
        corpusSize = corpus.count
        upperCased = corpus.filter { $0.text == $0.text.uppercased() }.count
    }
    func process(_ article: inout Article, context: StageContext) throws {
        article.metadata["corpus"] = MetadataField(value: .int(corpusSize), step: context.step, rule: "size")
        article.metadata["upper"] = MetadataField(value: .int(upperCased), step: context.step, rule: "upper")
    }
}

/// Waits until `target` articles are in `process` at once (or a timeout), recording the most seen.
final class ConcurrencyProbe: @unchecked Sendable {
    private let condition = NSCondition()
    private var inFlight = 0
    private(set) var maxInFlight = 0
    let target: Int

    init(target: Int) { self.target = target }

    func enter() {
        condition.lock()
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        condition.broadcast()
        let deadline = Date().addingTimeInterval(2)
        while maxInFlight < target, condition.wait(until: deadline) {}
        inFlight -= 1
        condition.unlock()
    }
}

struct ProbeStage: Stage {
    static let description = StageDescription(
        id: "probe", abstract: "Probes concurrency.")
    let probe: ConcurrencyProbe
    init(options: StageOptions) throws { probe = ConcurrencyProbe(target: 1) }
    init(probe: ConcurrencyProbe) { self.probe = probe }
    func process(_ article: inout Article, context: StageContext) throws { probe.enter() }
}

/// Fails to start when its option `broken` is true.
struct BrokenStartStage: Stage {
    static let model = StageOption<String>("model", default: "x.bin",
        doc: "A model.")
    static let description = StageDescription(
        id: "broken-start", abstract: "Cannot start.",
        options: [model])
    init(options: StageOptions) throws { throw StageError("model file 'x.bin' not found", option: "model") }
    func process(_ article: inout Article, context: StageContext) throws {}
}

/// Articles `a0`, `a1`… with varied texts; every seventh says "boom".
func sampleArticles(_ count: Int) -> [Article] {
    (0..<count).map { index in
        let words = (0...(index % 13)).map { "mot\($0)" }.joined(separator: " ")
        return Article(id: "a\(index)", text: index % 7 == 3 ? "boom \(words)" : "L’été \(index): \(words).")
    }
}

/// Results with stage timings zeroed, so that runs can be compared.
func withoutTimings(_ results: [Result<Article, ArticleFailure>]) -> [Result<Article, ArticleFailure>] {
    results.map { result in
        result.map { article in
            var article = article
            article.trace = article.trace.map { StepTrace(step: $0.step, seconds: 0) }
            return article
        }
    }
}

/// Removes the whole text of articles that contain "void" (as boilerplate would).
struct VoidStage: Stage {
    static let description = StageDescription(id: "void", abstract: "Empties articles that say 'void'.")
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws {
        guard article.text.contains("void") else { return }
        try article.applyEdits([.remove(Span(start: 0, end: article.scalarText.scalarCount), reason: "void: all")],
                               step: context.step)
    }
}

/// Sleeps 20 ms on articles whose text contains "slow": longer than a 1 ms step timeout, whatever
/// the machine's load.
struct SlowStage: Stage {
    static let description = StageDescription(id: "slow", abstract: "Sleeps on 'slow'.")
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws {
        if article.text.contains("slow") { usleep(1_000_000) }  // far over the tests' 0.5 s limit, so a loaded machine cannot flip the outcome
    }
}

/// Loops on 'endless' (for at most a minute, sleeping 1 ms a turn) checking its deadline each turn.
struct LoopingStage: Stage {
    static let description = StageDescription(id: "looping", abstract: "Loops on 'endless' until its deadline.")
    init(options: StageOptions) throws {}
    func process(_ article: inout Article, context: StageContext) throws {
        guard article.text.contains("endless") else { return }
        for _ in 0..<60_000 {
            try context.checkDeadline()
            usleep(1_000)
        }
    }
}

/// Records what the watch says while a stage runs.
final class WatchProbe: @unchecked Sendable {
    let watch: ArticleWatch
    private(set) var seen: [String] = []
    init(watch: ArticleWatch) { self.watch = watch }
    func look() {
        if let entry = watch.longestRunning { seen.append("\(entry.id) in \(entry.step)") }
    }
}

/// Asks its probe to look at the watch.
struct WatchProbeStage: Stage {
    static let description = StageDescription(id: "watch-probe", abstract: "Looks at the watch.")
    let probe: WatchProbe
    init(probe: WatchProbe) { self.probe = probe }
    init(options: StageOptions) throws { throw StageError("built in tests only") }
    func process(_ article: inout Article, context: StageContext) throws { probe.look() }
}
