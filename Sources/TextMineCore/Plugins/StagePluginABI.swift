#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The contract between TextMine and a dynamic library of stages (`plugins: [libMyStages.so]`).
///
/// A plugin library exports two C functions, and nothing else is needed:
/// ```swift
/// import TextMineCore
///
/// @_cdecl("textmine_plugin_abi")
/// public func textminePluginABI() -> UnsafePointer<CChar> { StagePluginABI.cString }
///
/// @_cdecl("textmine_plugin_stages")
/// public func textminePluginStages() -> UnsafeMutableRawPointer { StagePluginABI.export([MyStage.self]) }
/// ```
/// The host reads `textmine_plugin_abi` first and loads the stages only when it equals its own
/// ``current`` string: Swift types cross the library boundary, so the library must be built by the
/// same compiler against the same TextMine version.
public enum StagePluginABI {
    /// The version of the plugin interface itself; bumped when the export functions change.
    public static let interfaceVersion = 1
    /// The version of the TextMine library.
    public static let libraryVersion = "0.1.0"

    /// Identifies the binary interface a plugin is built for: plugin interface, TextMine version and
    /// compiler. The host refuses a plugin whose string differs.
    public static let current = "textmine-plugin/\(interfaceVersion) textmine/\(libraryVersion) swift/\(compilerVersion)"

    /// ``current`` as a C string with static lifetime, for the `textmine_plugin_abi` function.
    public nonisolated(unsafe) static let cString: UnsafePointer<CChar> = UnsafePointer(strdup(current)!)

    /// The C symbol of the function that returns the ABI string.
    public static let abiSymbol = "textmine_plugin_abi"
    /// The C symbol of the function that returns the stages.
    public static let stagesSymbol = "textmine_plugin_stages"

    /// Wraps stage types for the `textmine_plugin_stages` function; the host takes ownership.
    ///
    /// The library carries its own copy of TextMine's code, so the host cannot cast the library's
    /// types to its own protocols (`is CorpusStage` would be false). This function runs in the
    /// library: it answers such questions there and hands the host closures of the library's code.
    public static func export(_ stages: [any Stage.Type]) -> UnsafeMutableRawPointer {
        let exported = stages.map { type in
            ExportedStage(type: type, isCorpusStage: type is any CorpusStage.Type) { options in
                let instance = ExportedStage.Instance(try type.init(options: options))
                return ExportedStage.Functions(
                    process: { article, context in try instance.stage.process(&article, context: context) },
                    prepare: { corpus in
                        guard var corpusStage = instance.stage as? any CorpusStage else { return }
                        try corpusStage.prepare(corpus: corpus)
                        instance.stage = corpusStage
                    })
            }
        }
        return Unmanaged.passRetained(StagePluginExports(exported)).toOpaque()
    }

    /// Takes the stages a plugin's `textmine_plugin_stages` returned (host side). Call it only
    /// after the ABI strings matched.
    public static func importStages(_ exports: UnsafeMutableRawPointer) -> [ExportedStage] {
        Unmanaged<StagePluginExports>.fromOpaque(exports).takeRetainedValue().stages
    }

    private static var compilerVersion: String {
        #if compiler(>=7.0)
        return "7+"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}

/// The stages a plugin library hands over (see ``StagePluginABI/export(_:)``).
final class StagePluginExports {
    let stages: [ExportedStage]
    init(_ stages: [ExportedStage]) { self.stages = stages }
}

/// A stage type exported by a plugin library, with closures of the library's own code to build
/// and run it (see ``StagePluginABI/export(_:)`` for why).
public struct ExportedStage: Sendable {
    /// The stage type, for its static description (id, summary, options, capabilities).
    public let type: any Stage.Type
    /// Whether the stage is a ``CorpusStage``, as the library sees it.
    public let isCorpusStage: Bool
    /// Builds an instance from validated options.
    public let make: @Sendable (StageOptions) throws -> Functions

    /// An instance of the stage, as closures.
    public struct Functions: Sendable {
        /// ``Stage/process(_:context:)``.
        public let process: @Sendable (inout Article, StageContext) throws -> Void
        /// ``CorpusStage/prepare(corpus:)`` (does nothing for other stages).
        public let prepare: @Sendable ([Article]) throws -> Void
    }

    /// Holds the instance, which `prepare` replaces once before any article is processed.
    final class Instance: @unchecked Sendable {
        var stage: any Stage
        init(_ stage: any Stage) { self.stage = stage }
    }
}
