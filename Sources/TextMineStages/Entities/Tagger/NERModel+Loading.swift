import Foundation
import Synchronization
import TextMineCore

extension NERModel {
    /// The file name of the built-in model of a language (`fr-ner.tmner`).
    static func builtInFileName(language: LanguageCode) -> String { "\(language.code)-ner.tmner" }

    /// Loads a model file, computing gazetteer features with the built-in gazetteer of the model's
    /// language plus the given gazetteer files. Loaded models are cached by the files' paths,
    /// sizes and modification times, so a file rewritten in the same process (train, then eval) is
    /// read again.
    package static func load(contentsOf path: String, gazetteers: [String] = []) throws -> NERModel {
        try ModelCache.shared.model(for: ([path] + gazetteers).map(ModelCache.version(of:))) {
            try NERModelFile.read(contentsOf: path) { language in
                try Gazetteer.builtIn(language: language, adding: gazetteers)
            }
        }
    }

    /// The path of the model shipped for a language.
    package static func builtInPath(language: LanguageCode) throws -> String {
        try EntityResources.path(of: builtInFileName(language: language))
    }
}

extension Gazetteer {
    /// The gazetteer shipped for a language (`fr`, `en`), extended with the given files.
    package static func builtIn(language: String, adding files: [String] = []) throws -> Gazetteer {
        var gazetteer = try EntityResources.builtInGazetteer(language: language)
        for file in files { gazetteer.merge(try Gazetteer(contentsOf: file)) }
        return gazetteer
    }

    /// Names of the built-in gazetteer files of a language, for provenance.
    package static func builtInNames(language: String) throws -> [String] {
        try EntityResources.gazetteerFiles(language: language).map { URL(fileURLWithPath: $0).lastPathComponent }
    }
}

/// Loaded models by file versions (path, size, modification time) of the model and gazetteers: a
/// pipeline that builds several `entities` steps, or many tests, read each model file once.
private final class ModelCache: Sendable {
    static let shared = ModelCache()
    private let models = Mutex<[[String]: NERModel]>([:])

    /// A file's path with its size and modification time (the path alone when it cannot be read,
    /// so that loading reports the error).
    static func version(of path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date
        else { return path }
        return "\(path)\u{0}\(size)\u{0}\(date.timeIntervalSince1970)"
    }

    func model(for key: [String], load: () throws -> NERModel) throws -> NERModel {
        try models.withLock { models in
            if let model = models[key] { return model }
            let model = try load()
            models[key] = model
            return model
        }
    }
}
