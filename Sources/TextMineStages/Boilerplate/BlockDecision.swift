/// The boilerplate classifier's verdict on one block: content or boilerplate, why, and on what
/// evidence.
public struct BlockDecision: Codable, Hashable, Sendable {
    /// Whether the block is boilerplate (to remove).
    public var isBoilerplate: Bool
    /// How content-like the block is, from 0 (surely boilerplate) to 1 (surely content).
    public var score: Double
    /// Why: `content`, `short, between content`, or a removal reason such as `boilerplate: share`,
    /// `boilerplate: other-language`, `boilerplate: title-repeat`.
    public var reason: String
    /// The measurements behind the decision.
    public var features: BlockFeatures

    public init(isBoilerplate: Bool, score: Double, reason: String, features: BlockFeatures) {
        self.isBoilerplate = isBoilerplate
        self.score = score
        self.reason = reason
        self.features = features
    }
}
