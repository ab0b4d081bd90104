@_spi(Reflection) import Swift
import CTextMineCompiler
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
/// same compiler against the same layout of the types it shares with the host. Both halves of the
/// string are derived, never bumped by hand: the compiler's identity (``compiler``), and a hash of
/// the layout of every shared type (``layoutDescription``), computed by each side's own copy of
/// TextMineCore. A plugin built before a field was added to ``Article`` is refused.
public enum StagePluginABI {
    /// The version of the plugin interface itself; bumped when the export functions change.
    public static let interfaceVersion = 1

    /// Identifies the binary interface a plugin is built for: plugin interface, compiler and the
    /// layout of the shared types. The host refuses a plugin whose string differs.
    public static let current = "textmine-plugin/\(interfaceVersion) swift/\(compiler) layout/\(fingerprint(layoutDescription))"

    /// The compiler that built this code: the version and llvm-project commit of the clang inside
    /// the Swift compiler, which differ between Swift toolchains, patch releases included
    /// (`21.0.0 (https://github.com/swiftlang/llvm-project.git 11673e6…)` for Swift 6.3.1).
    public static let compiler: String = {
        let version = String(cString: textmine_compiler_version)
        // Keep the version and the commit: `21.0.0 11673e6660b2…`.
        let words = version.split(separator: " ")
        let commit = words.lazy.map { $0.filter { $0 != "(" && $0 != ")" } }.last { $0.count >= 12 && $0.allSatisfy(\.isHexDigit) }
        return [words.first.map(String.init), commit].compactMap { $0 }.joined(separator: "-")
    }()

    /// The types a plugin and the host share, whose layout must agree.
    static var sharedTypes: [(name: String, layout: (size: Int, stride: Int, alignment: Int), type: Any.Type)] {
        [
            entry(Article.self), entry(ArticleText.self), entry(Source.self), entry(MetadataField.self), entry(Block.self),
            entry(BlockRole.self), entry(Sentence.self), entry(Token.self), entry(Entity.self), entry(Summary.self), entry(SummaryCut.self),
            entry(ScoredSentence.self), entry(Keyword.self), entry(Removal.self), entry(Alignment.self),
            entry(Alignment.Region.self), entry(StepTrace.self), entry(Span.self), entry(JSONValue.self),
            entry(StageContext.self), entry(StageOptions.self), entry(StageError.self), entry(StageID.self),
            entry(Capability.self), entry(OptionSchema.self), entry(OptionSpec.self), entry(OptionType.self),
            entry(StageDescription.self), entry(ExportedStage.self), entry(ExportedStage.Functions.self),
        ]
    }

    private static func entry<T>(_ type: T.Type) -> (name: String, layout: (size: Int, stride: Int, alignment: Int), type: Any.Type) {
        (String(reflecting: type), (MemoryLayout<T>.size, MemoryLayout<T>.stride, MemoryLayout<T>.alignment), type)
    }

    /// The layout of the shared types, one line each: name, size, stride, alignment, then every
    /// stored field with its offset and type.
    public static var layoutDescription: String {
        sharedTypes.map { describe($0.type, name: $0.name, layout: $0.layout) }.joined(separator: "\n")
    }

    /// One type's line of ``layoutDescription``.
    static func describe(_ type: Any.Type, name: String, layout: (size: Int, stride: Int, alignment: Int)) -> String {
        var line = "\(name) \(layout.size)/\(layout.stride)/\(layout.alignment)"
        // The stdlib's option constants are mutable globals to Swift 6: spell them by value
        // (classType 1, ignoreUnknown 2).
        let options = _EachFieldOptions(rawValue: type is AnyClass ? 0b11 : 0b10)
        _ = _forEachField(of: type, options: options) { field, offset, fieldType, _ in
            line += " \(String(cString: field))@\(offset):\(String(reflecting: fieldType))"
            return true
        }
        return line
    }

    /// A 64-bit FNV-1a hash of a description, in hexadecimal: stable across runs and processes.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

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
