import TextMineYAML

/// A step while the loader checks it: where it is written, its stage, and its raw options with
/// where each came from.
struct StepDraft {
    /// Where the step's `use:` is (or the step itself, when it has none).
    var useMark: YAMLMark
    /// The stage id after `use:` (empty when missing).
    var stageID: StageID
    /// The stage, when the id is known.
    var descriptor: StageDescriptor?
    /// The `id:` as written, with its position.
    var explicitName: (text: String, mark: YAMLMark)?
    /// The unique step name (`id:`, else the stage id made unique).
    var name = ""
    /// Where `with:` is, if present.
    var withMark: YAMLMark?
    /// Option values as written, by name.
    var options: [String: RawOption] = [:]
    /// Validated values with defaults, once ``PipelineLoading/validateOptions()`` ran.
    var values: [String: JSONValue] = [:]
    /// Whether the stage and all its options are valid (so it can be built).
    var isValid = false
}

/// An option value as written in the file or on the command line.
struct RawOption {
    var value: JSONValue
    /// Where the key is in the pipeline file (nil for a `--set`).
    var keyMark: YAMLMark?
    /// The value as written in the pipeline file (nil for a `--set`).
    var node: YAMLNode?
    /// The `--set` argument that gave the value, if it came from the command line.
    var override: String?
}
