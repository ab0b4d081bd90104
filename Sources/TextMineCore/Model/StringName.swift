/// A name from an open set, such as a stage id, a capability, a block role or an input format:
/// a string underneath, written as a plain string in YAML and JSON, ordered by its text, and
/// extensible by anyone with a static constant (`static let quote: BlockRole = "quote"`).
///
/// A conforming type only stores `rawValue` and provides `init(rawValue:)`; literal syntax,
/// ordering and the description come from this protocol, and Codable's string form from the
/// standard library's `RawRepresentable` defaults.
public protocol StringName: RawRepresentable<String>, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    init(rawValue: String)
}

extension StringName {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
