/// A position in a YAML document: 1-based line and column, as editors and `file:line:col` show them.
public struct YAMLMark: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }

    public var description: String { "\(line):\(column)" }
}
