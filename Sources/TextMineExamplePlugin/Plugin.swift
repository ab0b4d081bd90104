// An example dynamic plugin: a library of stages that a pipeline loads with
// `plugins: [path/to/libTextMineExamplePlugin.so]`. These two C functions are the whole interface.
import TextMineCore
import TextMineExampleStages

/// The binary interface this library was built for; the host checks it before anything else.
@_cdecl("textmine_plugin_abi")
public func textminePluginABI() -> UnsafePointer<CChar> { StagePluginABI.cString }

/// The stages this library provides.
@_cdecl("textmine_plugin_stages")
public func textminePluginStages() -> UnsafeMutableRawPointer { StagePluginABI.export([CommonLines.self, StripLines.self]) }
