/// Where a run's results go, in input order: the output writer of the CLI, or an in-memory collector.
///
/// The runner calls ``render`` on worker threads as soon as an article is done (encode JSON there,
/// so that encoding runs in parallel), then ``accept(_:)`` and ``reject(_:)`` one at a time on the
/// calling thread, strictly in input order.
public protocol ResultSink: AnyObject {
    /// What ``render`` makes of an article: encoded bytes, or the article itself.
    associatedtype Rendered: Sendable
    /// Turns a finished article into what ``accept(_:)`` takes; runs concurrently on worker threads.
    /// An error fails the article in the pseudo-step ``ArticleFailure/outputStep``.
    var render: @Sendable (Article) throws -> Rendered { get }
    /// Takes the next successful article.
    func accept(_ rendered: Rendered) throws
    /// Takes the next failed article.
    func reject(_ failure: ArticleFailure) throws
    /// Takes a warning about an article, in input order, before the article itself (which may not
    /// follow: an emptied article skipped by `on-empty: skip`). Ignored by default.
    func warn(_ warning: RunWarning) throws
    /// Called after each batch: a sink that buffers writes it out, so that a streaming run's results
    /// reach the reader as they are ready (and a killed run leaves whole batches behind).
    func flush() throws
}

extension ResultSink {
    public func warn(_ warning: RunWarning) throws {}
    public func flush() throws {}
}

/// A sink that keeps every result in memory, in input order: for tests and for code that runs a
/// pipeline over articles it already holds.
public final class ArticleCollector: ResultSink {
    /// Every result in input order.
    public private(set) var results: [Result<Article, ArticleFailure>] = []

    public init() {}

    public let render: @Sendable (Article) throws -> Article = { $0 }
    public func accept(_ article: Article) { results.append(.success(article)) }
    public func reject(_ failure: ArticleFailure) { results.append(.failure(failure)) }
    public func warn(_ warning: RunWarning) { warnings.append(warning) }

    /// Every warning, in input order.
    public private(set) var warnings: [RunWarning] = []

    /// The successful articles, in input order.
    public var articles: [Article] { results.compactMap { try? $0.get() } }
    /// The failures, in input order.
    public var failures: [ArticleFailure] {
        results.compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
    }
}
