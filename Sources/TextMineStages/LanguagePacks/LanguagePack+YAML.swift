import Foundation
import TextMineCore
import TextMineYAML

extension LanguagePack {
    /// Reads a pack from YAML text.
    ///
    /// - Throws: a ``Diagnostic`` at the `file:line:col` of the problem: YAML syntax, a missing
    ///   `language`, an unknown key, a value of the wrong kind, or an invalid pattern (the column
    ///   points at the offending character of the pattern).
    public init(yaml text: String, file: String) throws(Diagnostic) {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(text, file: file)
        } catch {
            throw Diagnostic(file: file, line: error.mark.line, column: error.mark.column, message: error.message, hint: error.hint)
        }
        let reader = PackReader(file: file)
        guard let entries = root.mapping else {
            throw reader.problem(at: root, "a language pack is a mapping with 'language', 'stopwords', 'metadata' and 'boilerplate'")
        }
        try reader.checkKeys(entries, allowed: ["language", "stopwords", "term-stopwords", "entity-aliases", "lone-words", "metadata", "boilerplate"])
        guard let languageNode = root["language"], let tag = languageNode.scalar, !tag.isEmpty else {
            throw reader.problem(at: root, "missing 'language'", hint: "add 'language: fr' (the BCP-47 code of the pack's language)")
        }
        guard let language = LanguageCode(tag) else {
            throw reader.problem(at: languageNode, "'\(tag)' is not a language code", hint: "use an ISO 639-1 code such as 'fr' or 'en'")
        }
        self.init(language: language, file: file)
        if let node = root["stopwords"] {
            stopwords = Set(try reader.strings(node, "stopwords").map { TextFolding.fold($0.text) })
        }
        if let node = root["term-stopwords"] {
            termStopwords = Set(try reader.strings(node, "term-stopwords").map { TextFolding.fold($0.text) })
        }
        if let node = root["entity-aliases"] {
            guard let entities = node.sequence else {
                throw reader.problem(at: node, "'entity-aliases' must be a list of lists of names, the canonical name first")
            }
            entityAliases = try entities.map { entity throws(Diagnostic) in
                let names = try reader.texts(entity, "entity-aliases")
                guard names.count >= 2 else {
                    throw reader.problem(at: entity, "an entry of 'entity-aliases' lists the canonical name and at least one other name")
                }
                return names
            }
        }
        loneWords = try reader.texts(root["lone-words"], "lone-words")
        if let metadata = root["metadata"] {
            guard let metadataEntries = metadata.mapping else { throw reader.problem(at: metadata, "'metadata' must be a mapping") }
            try reader.checkKeys(metadataEntries, allowed: ["byline", "name-joiners", "date-labels", "update-labels", "months", "credits"])
            bylineWords = try reader.texts(metadata["byline"], "byline")
            nameJoiners = try reader.texts(metadata["name-joiners"], "name-joiners")
            dateLabels = try reader.texts(metadata["date-labels"], "date-labels")
            updateLabels = try reader.texts(metadata["update-labels"], "update-labels")
            months = try reader.texts(metadata["months"], "months")
            if !months.isEmpty && months.count != 12 {
                throw reader.problem(at: metadata["months"]!, "'months' lists \(months.count) names; it needs 12, January first")
            }
            if let node = metadata["credits"] { credits = try reader.patterns(node, "credits") }
        }
        if let node = root["boilerplate"] {
            guard let categories = node.mapping else {
                throw reader.problem(at: node, "'boilerplate' must map categories (share, subscribe…) to lists of patterns")
            }
            boilerplate = try categories.map { pair throws(Diagnostic) in
                let name = pair.key.scalar ?? ""
                return (name, try reader.patterns(pair.value, "boilerplate." + name))
            }
        }
    }

    /// Reads a pack file.
    /// - Throws: a ``Diagnostic`` naming the file when it cannot be read or is invalid.
    public init(contentsOf path: String) throws(Diagnostic) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: path, message: "cannot read language pack", hint: "check that the file exists and is readable")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Diagnostic(file: path, message: "language pack is not valid UTF-8")
        }
        try self.init(yaml: text, file: path)
    }
}

/// Reads the parts of a pack and words the problems.
private struct PackReader {
    let file: String

    func problem(at node: YAMLNode, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: node.mark.line, column: node.mark.column, message: message, hint: hint)
    }

    func checkKeys(_ entries: [YAMLNode.Pair], allowed: [String]) throws(Diagnostic) {
        for pair in entries {
            let key = pair.key.scalar ?? ""
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, in: allowed).map { "did you mean '\($0)'?" }
                    ?? "known keys: \(allowed.joined(separator: ", "))"
                throw problem(at: pair.key, "unknown key '\(key)' in language pack", hint: hint)
            }
        }
    }

    /// A list of strings (a single string counts as a list of one).
    func strings(_ node: YAMLNode, _ name: String) throws(Diagnostic) -> [(text: String, node: YAMLNode)] {
        if let text = node.scalar { return [(text, node)] }
        guard let items = node.sequence else { throw problem(at: node, "'\(name)' must be a list of strings, got \(node.kindDescription)") }
        var result: [(text: String, node: YAMLNode)] = []
        for item in items {
            guard let text = item.scalar else { throw problem(at: item, "'\(name)' items must be strings, got \(item.kindDescription)") }
            result.append((text, item))
        }
        return result
    }

    /// The texts of an optional list of strings (empty when absent).
    func texts(_ node: YAMLNode?, _ name: String) throws(Diagnostic) -> [String] {
        guard let node else { return [] }
        return try strings(node, name).map(\.text)
    }

    /// A list of patterns; a bad pattern is reported at the offending character.
    func patterns(_ node: YAMLNode, _ name: String) throws(Diagnostic) -> [TextPattern] {
        var patterns: [TextPattern] = []
        for (text, item) in try strings(node, name) {
            do {
                patterns.append(try TextPattern(text))
            } catch {
                // Quoted scalars start one column before their text; plain ones at it.
                let opening = item.isPlainScalar ? 0 : 1
                throw Diagnostic(
                    file: file, line: item.mark.line, column: item.mark.column + opening + error.offset,
                    message: "invalid pattern in '\(name)': \(error.message)",
                    hint: "patterns use ^ (start), $ (end), * (anything), # (number) and (a|b) groups; escape with \\")
            }
        }
        return patterns
    }
}
