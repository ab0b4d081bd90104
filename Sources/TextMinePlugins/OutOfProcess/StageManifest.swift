import TextMineCore

/// Reads stage manifests (placeholder until the YAML layer lands).
enum StageManifest {
    static func load(path: String) throws -> ExternalStageConfiguration {
        throw StageError("manifests are not supported yet: \(path)", option: "manifest")
    }
}
