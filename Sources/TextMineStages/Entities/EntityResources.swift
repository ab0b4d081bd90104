import Foundation
import TextMineCore

/// Finds the files the built-in stages ship with (the entity models and gazetteers, the language
/// model).
///
/// They are SwiftPM resources of TextMineStages. The resource bundle sits next to the executable
/// (`swift run`, `swift test`, a built `textmine`); when the binary was moved without its bundle,
/// the source checkout it was built from is tried; otherwise loading fails with an error that says
/// where it looked.
enum EntityResources {
    /// The name SwiftPM gives the resource bundle of TextMineStages.
    private static let bundleNames = ["TextMine_TextMineStages.resources", "TextMine_TextMineStages.bundle"]

    /// Folders that may hold the resources, most specific first.
    static var candidates: [URL] {
        var folders: [URL] = []
        var executableFolders: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            executableFolders.append(executable.deletingLastPathComponent())
            executableFolders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in executableFolders {
            for name in bundleNames {
                folders.append(folder.appendingPathComponent(name))
                folders.append(folder.appendingPathComponent(name).appendingPathComponent("Contents/Resources"))
            }
        }
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"))
        return folders
    }

    /// The path of a shipped resource (`fr-ner.tmner`, `gazetteers`) of a stage (named in the error).
    static func path(of name: String, stage: String = "entities") throws -> String {
        for folder in candidates {
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw StageError(
            "cannot find the built-in resource '\(name)' of the \(stage) stage; looked in: "
                + candidates.map(\.path).joined(separator: ", ")
                + ". Keep the TextMine_TextMineStages.resources folder next to the textmine binary, or set 'model:' to a model file.")
    }

    /// The gazetteer files shipped for a language: the shared ones plus `*-<language>.tsv`.
    static func gazetteerFiles(language: String) throws -> [String] {
        let folder = try path(of: "gazetteers")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tsv") }.sorted()
        let languages = Set(names.compactMap { name -> String? in
            let stem = name.dropLast(4)
            guard let dash = stem.lastIndex(of: "-") else { return nil }
            let suffix = stem[stem.index(after: dash)...]
            return suffix.count == 2 ? String(suffix) : nil
        })
        return names.filter { name in
            let stem = name.dropLast(4)
            guard let dash = stem.lastIndex(of: "-"), languages.contains(String(stem[stem.index(after: dash)...])) else { return true }
            return stem.hasSuffix("-\(language)")
        }.map { "\(folder)/\($0)" }
    }

    /// The built-in gazetteer of a language.
    static func builtInGazetteer(language: String) throws -> Gazetteer {
        var gazetteer = Gazetteer()
        for file in try gazetteerFiles(language: language) { gazetteer.merge(try Gazetteer(contentsOf: file)) }
        return gazetteer
    }
}
