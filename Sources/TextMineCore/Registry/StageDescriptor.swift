/// What the registry knows about a kind of stage: its ``StageDescription``, where it comes from,
/// and how to build an instance.
///
/// Most stages are Swift types (``init(_:origin:)``), but a stage can also be described at run time,
/// such as an out-of-process stage read from a manifest. The pipeline loader, the runtime and the
/// `stages` command handle both the same way through this one description.
@dynamicMemberLookup
public struct StageDescriptor: Sendable {
    /// What the stage is: id, abstract, documentation, options and capabilities (read through this
    /// descriptor: `descriptor.options`).
    public var description: StageDescription
    /// Where the stage comes from (built in, a package, a plugin file).
    public var origin: StageOrigin
    private let factory: @Sendable (StageOptions) throws -> any Stage

    /// Describes a Swift stage type.
    public init(_ type: any Stage.Type, origin: StageOrigin = .compiled) {
        self.description = type.description
        self.origin = origin
        self.factory = { try type.init(options: $0) }
    }

    /// Describes a stage known only at run time; `make` builds an instance from validated options.
    public init(_ description: StageDescription, origin: StageOrigin,
                make: @escaping @Sendable (StageOptions) throws -> any Stage) {
        self.description = description
        self.origin = origin
        self.factory = make
    }

    /// A field of the stage's ``description``.
    public subscript<Value>(dynamicMember keyPath: KeyPath<StageDescription, Value>) -> Value {
        description[keyPath: keyPath]
    }

    /// Builds a stage instance from options validated against ``options`` (defaults filled in).
    public func make(options: StageOptions) throws -> any Stage {
        try factory(options)
    }
}

/// Where a stage comes from, shown by `textmine stages` and in messages about plugins.
public enum StageOrigin: Sendable, Hashable, CustomStringConvertible {
    /// Compiled into the program (built in, or registered by a package).
    case compiled
    /// Loaded from a dynamic library at this path.
    case library(path: String)
    /// An external program described by the manifest at this path (or the pipeline file, when the
    /// stage is declared inline).
    case process(manifest: String)

    public var description: String {
        switch self {
        case .compiled: return "compiled in"
        case .library(let path): return "plugin library \(path)"
        case .process(let manifest): return "external program (\(manifest))"
        }
    }
}
