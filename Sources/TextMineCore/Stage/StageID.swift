/// The stable name of a stage type, as written after `use:` in a pipeline (`clean`, `entities`).
public struct StageID: StringName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
