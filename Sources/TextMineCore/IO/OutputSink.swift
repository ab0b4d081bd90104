import Foundation

/// The sink of a command-line run: encoded articles to an ``OutputFile``, failures as JSON lines
/// to the dead letters (`{"error": …, "id": …, "source": …, "stage": …}`) when a file is given.
public final class OutputSink: ResultSink {
    private let output: OutputFile
    private let deadLetters: OutputFile?
    private let encoder: any ArticleEncoder
    private var count = 0
    /// Failures kept for an encoder whose footer lists them (the HTML report).
    private var failures: [ArticleFailure] = []
    /// Called with every failure, in input order (the CLI reports them on standard error).
    public var onFailure: ((ArticleFailure) -> Void)?
    /// Called with every warning, in input order (the CLI reports them on standard error).
    public var onWarning: ((RunWarning) -> Void)?

    public let render: @Sendable (Article) throws -> [UInt8]

    public init(encoder: any ArticleEncoder, output: OutputFile, deadLetters: OutputFile? = nil) throws {
        self.encoder = encoder
        self.output = output
        self.deadLetters = deadLetters
        self.render = { try encoder.encode($0) }
        try output.write(encoder.header)
    }

    public func accept(_ rendered: [UInt8]) throws {
        if count > 0 { try output.write(encoder.separator) }
        count += 1
        try output.write(rendered)
    }

    public func reject(_ failure: ArticleFailure) throws {
        onFailure?(failure)
        if encoder.summarizesRun { failures.append(failure) }
        guard let deadLetters else { return }
        try deadLetters.write(Self.deadLetter(failure))
    }

    public func warn(_ warning: RunWarning) {
        onWarning?(warning)
    }

    /// Writes out both files (after each batch of a run).
    public func flush() throws {
        try output.flush()
        try deadLetters?.flush()
    }

    /// Writes the footer (with the run's failures and per-stage statistics for an encoder that
    /// summarizes the run) and flushes both files.
    public func finish(report: RunReport? = nil) throws {
        try output.write(encoder.summarizesRun
            ? encoder.footer(after: RunOutcome(failures: failures, stages: report?.steps ?? [])) : encoder.footer)
        try output.flush()
        try deadLetters?.flush()
    }

    /// One dead-letter line.
    static func deadLetter(_ failure: ArticleFailure) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(failure)) + [0x0A]
    }
}

extension OutputFormat {
    /// The encoder of the format, writing the fields of `selection` (plain text writes its own) and,
    /// for tables, rows of `rows`.
    public func encoder(fields selection: FieldSelection = .all, rows: TableRows = .articles) -> any ArticleEncoder {
        switch self {
        case .jsonl: return JSONLinesEncoder(fields: selection)
        case .json: return JSONArrayEncoder(fields: selection)
        case .text: return PlainTextEncoder()
        case .yaml: return YAMLSequenceEncoder(fields: selection)
        case .csv: return TableEncoder(separator: UInt8(ascii: ","), rows: rows, fields: selection)
        case .tsv: return TableEncoder(separator: UInt8(ascii: "\t"), rows: rows, fields: selection)
        case .html: return HTMLReportEncoder()
        }
    }
}
