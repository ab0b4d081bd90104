import Foundation
import Synchronization
import TextMineCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads dynamic libraries of Swift stages (`plugins: [path/to/libMyStages.so]`).
///
/// Trust model: loading a library runs its code inside `textmine` with the user's privileges, like
/// running any program. Libraries are loaded only from the explicit paths a pipeline lists (never
/// from search paths or folders scanned for plugins), only after their ABI string matched
/// (``StagePluginABI``), and never unloaded, so their code stays valid for the whole run.
public enum PluginLibrary {
    /// Why a library could not be used; the message names the path and the fix.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var hint: String?
        public var description: String { message }
    }

    /// Loads the library at `path` (once per process) and returns its stages.
    public static func stages(at path: String) throws(LoadError) -> [StageDescriptor] {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return try loaded.withLock { (loaded) throws(LoadError) -> [StageDescriptor] in
            if let stages = loaded[resolved] { return stages }
            let stages = try load(resolved, as: path).map { StageDescriptor($0, library: path) }
            loaded[resolved] = stages
            return stages
        }
    }

    private static func load(_ resolved: String, as path: String) throws(LoadError) -> [ExportedStage] {
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw LoadError(message: "plugin library '\(path)' does not exist",
                            hint: "build it first (swift build --product <name>) and check the path")
        }
        // Never closed: the stages' code must stay loaded while any stage may run.
        guard let handle = dlopen(resolved, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw LoadError(message: "cannot load plugin library '\(path)': \(reason)",
                            hint: "is it a shared library built for this system?")
        }
        guard let abiFunction = dlsym(handle, StagePluginABI.abiSymbol) else {
            throw LoadError(message: "'\(path)' is not a TextMine plugin: it has no '\(StagePluginABI.abiSymbol)' function",
                            hint: "export it with @_cdecl(\"\(StagePluginABI.abiSymbol)\") (see docs/writing-stages.md)")
        }
        let abi = String(cString: unsafeBitCast(abiFunction, to: (@convention(c) () -> UnsafePointer<CChar>).self)())
        guard abi == StagePluginABI.current else {
            throw LoadError(message: "plugin library '\(path)' was built for '\(abi)', but this textmine is '\(StagePluginABI.current)'",
                            hint: "rebuild the plugin with this compiler against this version of TextMine")
        }
        guard let stagesFunction = dlsym(handle, StagePluginABI.stagesSymbol) else {
            throw LoadError(message: "'\(path)' is not a TextMine plugin: it has no '\(StagePluginABI.stagesSymbol)' function",
                            hint: "export it with @_cdecl(\"\(StagePluginABI.stagesSymbol)\") (see docs/writing-stages.md)")
        }
        let exports = unsafeBitCast(stagesFunction, to: (@convention(c) () -> UnsafeMutableRawPointer).self)()
        return StagePluginABI.importStages(exports)
    }

    /// Libraries loaded so far, by resolved path: a library stays mapped in the process once
    /// `dlopen` loaded it, so its stages are read once per process.
    private static let loaded = Mutex<[String: [StageDescriptor]]>([:])
}
