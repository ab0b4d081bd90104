/// A finding about a user's file: printed as `file:line:col: error|warning: message` plus a hint.
///
/// Lint, the YAML layer, pattern packs and model loading all report problems as diagnostics, so
/// every error a user can cause names the file, the position and a fix.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
    }

    /// The file the finding is about.
    public var file: String
    /// 1-based line, or nil when the finding is about the whole file.
    public var line: Int?
    /// 1-based column (in Unicode scalars), or nil.
    public var column: Int?
    public var severity: Severity
    /// What is wrong, as one sentence without a final period.
    public var message: String
    /// How to fix it (`did you mean 'clean'?`), if there is something to say.
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
                message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// `file:line:col` (or `file:line`, or `file`).
    public var location: String {
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column)"
        case let (line?, nil): return "\(file):\(line)"
        default: return file
        }
    }

    /// The first line of the report: `file:line:col: error: message`.
    public var headline: String { "\(location): \(severity.rawValue): \(message)" }

    /// The headline, then the hint on its own indented line.
    public var description: String {
        hint.map { "\(headline)\n    hint: \($0)" } ?? headline
    }
}

/// Several diagnostics thrown together (a pipeline with errors does not run).
public struct DiagnosticsError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
