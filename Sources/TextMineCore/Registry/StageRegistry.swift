/// The stages a pipeline can `use:`, by id.
///
/// `StageRegistry.builtIn` (from `TextMineStages`) holds the built-in stages; packages add theirs
/// with ``register(_:)`` or ``registering(_:)`` and hand the registry to the runtime or the CLI.
/// Plugins (dynamic libraries, out-of-process stages) add ``StageDescriptor``s.
public struct StageRegistry: Sendable {
    private var descriptors: [StageID: StageDescriptor] = [:]

    /// An empty registry.
    public init() {}

    /// A registry holding the given stage types.
    public init(_ types: [any Stage.Type]) {
        for type in types { register(type) }
    }

    /// Adds a stage type; a type with the same id replaces the earlier one (so a package can
    /// override a built-in).
    public mutating func register(_ type: any Stage.Type) {
        register(StageDescriptor(type))
    }

    /// Adds a stage description (a plugin's stage); one with the same id replaces the earlier one.
    public mutating func register(_ descriptor: StageDescriptor) {
        descriptors[descriptor.id] = descriptor
    }

    /// A copy of this registry with more stage types.
    public func registering(_ types: [any Stage.Type]) -> StageRegistry {
        var copy = self
        for type in types { copy.register(type) }
        return copy
    }

    /// The stage with this id.
    public subscript(id: StageID) -> StageDescriptor? { descriptors[id] }

    /// All ids, sorted.
    public var ids: [StageID] { descriptors.keys.sorted() }

    /// All stages, sorted by id.
    public var stages: [StageDescriptor] { ids.map { descriptors[$0]! } }

    /// The registered id closest to `id`, for "did you mean …?".
    public func suggestion(for id: String) -> StageID? {
        Suggestion.closest(to: id, in: descriptors.keys.map(\.rawValue)).map(StageID.init(rawValue:))
    }
}
