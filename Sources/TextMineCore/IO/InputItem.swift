/// One unit of work for ``PipelineRunner``: an article in memory, an input that already failed, or
/// input still to read and decode (which happens on a worker thread, so that reading and decoding
/// run in parallel too).
public enum InputItem: Sendable {
    /// An article built in code.
    case article(Article)
    /// An input that failed before decoding (a path that does not exist, say).
    case failure(ArticleFailure)
    /// A file to read and decode as a whole.
    case file(path: String, byteCount: Int, decoder: any ArticleDecoder)
    /// Bytes already read (standard input, or whole lines of a line-delimited file).
    case bytes([UInt8], location: InputLocation, decoder: any ArticleDecoder)

    /// The item's size in bytes (text bytes for an article), for batching and progress.
    public var byteCount: Int {
        switch self {
        case .article(let article): return article.text.utf8.count
        case .failure: return 0
        case .file(_, let byteCount, _): return byteCount
        case .bytes(let bytes, _, _): return bytes.count
        }
    }

    /// The decoder that reads the item (none for articles and failures).
    public var decoder: (any ArticleDecoder)? {
        switch self {
        case .article, .failure: return nil
        case .file(_, _, let decoder), .bytes(_, _, let decoder): return decoder
        }
    }

    /// Reads and decodes the item.
    public func decode() -> [Result<Article, ArticleFailure>] {
        switch self {
        case .article(let article): return [.success(article)]
        case .failure(let failure): return [.failure(failure)]
        case .bytes(let bytes, let location, let decoder): return decoder.decode(bytes, from: location)
        case .file(let path, _, let decoder):
            let location = InputLocation(path: path)
            do {
                return decoder.decode(try FileBytes.read(path), from: location)
            } catch {
                return [.failure(ArticleFailure(id: location.baseName, source: path, step: ArticleFailure.inputStep,
                                                error: "\(error)"))]
            }
        }
    }
}
