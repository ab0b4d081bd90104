/// The stage types a pipeline can `use:`, by id.
///
/// `StageRegistry.builtIn` (from `TextMineStages`) holds the built-in stages; packages add theirs
/// with ``register(_:)`` or ``registering(_:)`` and hand the registry to the runtime or the CLI.
public struct StageRegistry: Sendable {
    private var stages: [StageID: any Stage.Type] = [:]

    /// An empty registry.
    public init() {}

    /// A registry holding the given stage types.
    public init(_ types: [any Stage.Type]) {
        for type in types { register(type) }
    }

    /// Adds a stage type; a type with the same id replaces the earlier one (so a package can
    /// override a built-in).
    public mutating func register(_ type: any Stage.Type) {
        stages[type.id] = type
    }

    /// A copy of this registry with more stage types.
    public func registering(_ types: [any Stage.Type]) -> StageRegistry {
        var copy = self
        for type in types { copy.register(type) }
        return copy
    }

    /// The stage type with this id.
    public subscript(id: StageID) -> (any Stage.Type)? { stages[id] }

    /// All ids, sorted.
    public var ids: [StageID] { stages.keys.sorted() }

    /// All stage types, sorted by id.
    public var types: [any Stage.Type] { ids.map { stages[$0]! } }

    /// The registered id closest to `id`, for "did you mean …?".
    public func suggestion(for id: String) -> StageID? {
        Suggestion.closest(to: id, in: stages.keys.map(\.rawValue)).map(StageID.init(rawValue:))
    }
}
