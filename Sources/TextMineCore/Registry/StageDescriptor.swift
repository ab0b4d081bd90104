/// What the registry knows about a kind of stage: its documentation, option schema, capabilities,
/// where it comes from, and how to build an instance.
///
/// Most stages are Swift types (``init(_:origin:)``), but a stage can also be described at run time,
/// such as an out-of-process stage read from a manifest. The pipeline loader, the runtime and the
/// `stages` command handle both the same way through this one description.
public struct StageDescriptor: Sendable {
    /// The name used after `use:` in pipelines.
    public var id: StageID
    /// One line that says what the stage does.
    public var summary: String
    /// Longer documentation (Markdown).
    public var documentation: String
    /// The options the stage accepts.
    public var options: OptionSchema
    /// What earlier stages must have produced.
    public var requires: Set<Capability>
    /// What this stage adds to the article.
    public var produces: Set<Capability>
    /// The languages the stage has its own rules, packs or models for.
    public var languages: LanguageSupport
    /// Where the stage comes from (built in, a package, a plugin file).
    public var origin: StageOrigin
    private let factory: @Sendable (StageOptions) throws -> any Stage

    /// Describes a Swift stage type.
    public init(_ type: any Stage.Type, origin: StageOrigin = .compiled) {
        self.id = type.id
        self.summary = type.summary
        self.documentation = type.documentation
        self.options = type.options
        self.requires = type.requires
        self.produces = type.produces
        self.languages = type.languages
        self.origin = origin
        self.factory = { try type.init(options: $0) }
    }

    /// Describes a stage known only at run time; `make` builds an instance from validated options.
    public init(id: StageID, summary: String, documentation: String = "", options: OptionSchema = OptionSchema(),
                requires: Set<Capability> = [], produces: Set<Capability> = [],
                languages: LanguageSupport = .any, origin: StageOrigin,
                make: @escaping @Sendable (StageOptions) throws -> any Stage) {
        self.id = id
        self.summary = summary
        self.documentation = documentation
        self.options = options
        self.requires = requires
        self.produces = produces
        self.languages = languages
        self.origin = origin
        self.factory = make
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
