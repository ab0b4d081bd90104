import Foundation
import TextMineCore
import TextMineYAML

/// Turns a pipeline's `plugins:` entries into stages, for the pipeline loader.
///
/// An entry is one of:
/// - a dynamic library (`libMyStages.so`, `.dylib`): its Swift stages (``PluginLibrary``);
/// - a stage manifest (`redact.stage.yaml`): an out-of-process stage (``StageManifest``);
/// - a mapping with the keys of a manifest: an out-of-process stage declared inline (its
///   `command` runs in the pipeline's folder).
///
/// Only the paths a pipeline lists are loaded; there are no search paths (see ``PluginLibrary``
/// for the trust model).
public struct PluginLoader: PluginResolver {
    public init() {}

    public func stages(for plugins: [PluginReference]) -> (stages: [StageDescriptor], diagnostics: [Diagnostic]) {
        var found: [StageDescriptor] = []
        var diagnostics: [Diagnostic] = []
        for plugin in plugins {
            let (stages, problems) = load(plugin)
            found += stages
            diagnostics += problems
        }
        return (found, diagnostics)
    }

    private func load(_ plugin: PluginReference) -> ([StageDescriptor], [Diagnostic]) {
        func diagnostic(_ message: String, hint: String? = nil) -> Diagnostic {
            Diagnostic(file: plugin.file, line: plugin.line, column: plugin.column, message: message, hint: hint)
        }
        if plugin.node.mapping != nil && plugin.node["path"] == nil {
            let (configuration, problems) = StageManifest.parse(plugin.node, file: plugin.file,
                                                                baseDirectory: plugin.baseDirectory)
            return (configuration.map { [$0.descriptor] } ?? [], problems)
        }
        guard let path = plugin.path else {
            return ([], [diagnostic("a plugin entry needs a path")])
        }
        switch (path as NSString).pathExtension {
        case "so", "dylib":
            do {
                return (try PluginLibrary.stages(at: path), [])
            } catch {
                return ([], [diagnostic(error.message, hint: error.hint)])
            }
        case "yaml", "yml":
            guard FileManager.default.fileExists(atPath: path) else {
                return ([], [diagnostic("stage manifest '\(path)' does not exist")])
            }
            let (configuration, problems) = StageManifest.read(file: path)
            return (configuration.map { [$0.descriptor] } ?? [], problems)
        default:
            return ([], [diagnostic("'\(path)' is neither a stage manifest (.yaml) nor a plugin library (.so, .dylib)")])
        }
    }
}
