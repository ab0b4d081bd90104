import TextMineYAML

/// One entry of a pipeline's `plugins:` list, as the loader hands it to a ``PluginResolver``.
public struct PluginReference: Sendable, Hashable {
    /// The entry as written: a path string, or a mapping for a plugin declared inline.
    public var node: YAMLNode
    /// The path the entry names (a string entry, or the `path:` of a mapping entry), resolved
    /// against the pipeline file's folder.
    public var path: String?
    /// The pipeline file the entry is in.
    public var file: String
    /// The pipeline file's folder, for resolving other relative paths of inline declarations.
    public var baseDirectory: String
    /// Where the entry is: 1-based line…
    public var line: Int
    /// …and column.
    public var column: Int

    /// A reference (the loader makes them from `plugins:`).
    public init(node: YAMLNode, path: String?, file: String, baseDirectory: String, line: Int, column: Int) {
        self.node = node
        self.path = path
        self.file = file
        self.baseDirectory = baseDirectory
        self.line = line
        self.column = column
    }
}

/// Turns a pipeline's `plugins:` into stages, before the loader checks the steps.
///
/// The loader calls the resolver once per pipeline with every `plugins:` entry; the stages it
/// returns are registered (over built-ins with the same id) for that pipeline only. Problems are
/// returned as diagnostics naming the entry's `file:line:col` (see ``PluginReference``), never
/// thrown, so lint can report them with everything else.
public protocol PluginResolver: Sendable {
    /// The stages the plugins provide, and problems loading them.
    func stages(for plugins: [PluginReference]) -> (stages: [StageDescriptor], diagnostics: [Diagnostic])
}
