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
    public static func export(_ stages: [any Stage.Type]) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(StagePluginExports(stages)).toOpaque()
    }

    /// Takes the stage types a plugin's `textmine_plugin_stages` returned (host side). Call it only
    /// after the ABI strings matched.
    public static func importStages(_ exports: UnsafeMutableRawPointer) -> [any Stage.Type] {
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

/// The stage types a plugin library hands over (see ``StagePluginABI/export(_:)``).
final class StagePluginExports {
    let stages: [any Stage.Type]
    init(_ stages: [any Stage.Type]) { self.stages = stages }
}
