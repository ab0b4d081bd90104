/// A problem with a YAML document: a syntax error (with libyaml's wording and position), a
/// duplicate key, an undefined alias or an alias bomb.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the document came from (as given to the parser).
    public var file: String
    /// Where the problem is.
    public var mark: YAMLMark
    /// What is wrong, as one sentence without a final period.
    public var message: String
    /// How to fix it, if there is something to say.
    public var hint: String?

    /// An error at `mark` in `file`.
    public init(file: String, mark: YAMLMark, message: String, hint: String? = nil) {
        self.file = file
        self.mark = mark
        self.message = message
        self.hint = hint
    }

    /// `file:line:col: error: message`, then the hint on its own indented line.
    public var description: String {
        let headline = "\(file):\(mark): error: \(message)"
        return hint.map { "\(headline)\n    hint: \($0)" } ?? headline
    }
}
