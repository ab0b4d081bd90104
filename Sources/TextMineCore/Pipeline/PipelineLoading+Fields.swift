import Foundation
import TextMineYAML

/// The top-level fields of a pipeline file: name, language, input, output, error and empty
/// policies, plugins.
extension PipelineLoading {
    mutating func readTopLevel(_ root: YAMLNode) {
        // `x-…` keys are free for the author (anchors of shared options), as in Compose files.
        let pairs = (root.mapping ?? []).filter { $0.key.scalar?.hasPrefix("x-") != true }
        checkKeys(of: pairs, against: PipelineFileSchema.topLevel, in: nil) { _ in nil }
        name = string(root, "name")
        _ = string(root, "description")
        readLanguage(root)
        if let node = root["input"], let mapping = section(node, named: "input") {
            readInput(node, mapping)
        }
        if let node = root["output"], let mapping = section(node, named: "output") {
            checkKeys(of: mapping, against: PipelineFileSchema.output, in: "'output'") { _ in nil }
            if let path = field(node, "path", in: PipelineFileSchema.output, place: "output")?.stringValue {
                output.path = resolve(path)
            }
            if let format = field(node, "format", in: PipelineFileSchema.output, place: "output")?.stringValue {
                output.format = OutputFormat(rawValue: format) ?? .jsonl
            }
            if let timings = field(node, "timings", in: PipelineFileSchema.output, place: "output")?.boolValue {
                output.timings = timings
            }
            if let fields = node["fields"], !fields.isNull { output.fields = fieldNames(fields, key: "fields") }
            if let exclude = node["exclude"] { output.exclude = fieldNames(exclude, key: "exclude") ?? [] }
            if let rows = field(node, "rows", in: PipelineFileSchema.output, place: "output")?.stringValue {
                output.rows = TableRows(rawValue: rows) ?? .articles
            }
        }
        if let policy = field(root, "on-error", in: PipelineFileSchema.topLevel)?.stringValue {
            errorPolicy = ErrorPolicy(rawValue: policy) ?? .skip
        }
        if let policy = field(root, "on-empty", in: PipelineFileSchema.topLevel)?.stringValue {
            emptyPolicy = EmptyPolicy(rawValue: policy) ?? .keep
        }
        if let node = root["limits"], let mapping = section(node, named: "limits") {
            checkKeys(of: mapping, against: PipelineFileSchema.limits, in: "'limits'") { _ in nil }
            if let bytes = field(node, "max-article-bytes", in: PipelineFileSchema.limits, place: "limits")?.intValue {
                limits.maxArticleBytes = bytes
            }
            if let seconds = field(node, "step-timeout", in: PipelineFileSchema.limits, place: "limits")?.doubleValue {
                limits.stepTimeout = seconds
            }
        }
        if let node = root["plugins"] { readPlugins(node) }
    }

    private mutating func readInput(_ node: YAMLNode, _ mapping: [YAMLNode.Pair]) {
        checkKeys(of: mapping, against: PipelineFileSchema.input, in: "'input'") { _ in nil }
        let paths = field(node, "paths", in: PipelineFileSchema.input, place: "input")?.arrayValue?.compactMap(\.stringValue)
        let path = field(node, "path", in: PipelineFileSchema.input, place: "input")?.stringValue
        if paths != nil, path != nil, let key = mapping.first(where: { $0.key.scalar == "path" })?.key {
            error("'input' has both 'path' and 'paths'", at: key.mark, hint: "list every input under 'paths'")
        }
        input.paths = (paths ?? path.map { [$0] } ?? []).map(resolve)
        if paths != nil || path != nil {
            let written = node["paths"]?.sequence ?? node["paths"].map { [$0] } ?? node["path"].map { [$0] } ?? []
            for entry in written { checkInputExists(entry) }
        }
        if let format = field(node, "format", in: PipelineFileSchema.input, place: "input")?.stringValue {
            input.format = InputFormat(rawValue: format)
        }
    }

    /// Warns about an input path (not a glob, not `-`) that does not exist: most often a path
    /// written relative to the current folder instead of the pipeline's.
    private mutating func checkInputExists(_ entry: YAMLNode) {
        guard let text = entry.scalar, text != "-", !text.contains(where: { "*?[".contains($0) }) else { return }
        let resolved = resolve(text)
        guard !FileManager.default.fileExists(atPath: resolved) else { return }
        warning("input path '\(text)' does not exist", at: entry.mark,
                hint: "relative paths are resolved against the pipeline file's folder: \(resolved)")
    }

    /// Reads `language:`, a language tag normalised by ``LanguageCode`` or `auto` (no declared
    /// language); warns about a value that is neither (`french` for `fr`) and ignores it.
    private mutating func readLanguage(_ root: YAMLNode) {
        guard let tag = string(root, "language"), let node = root["language"], tag != "auto" else { return }
        language = LanguageCode(tag)
        guard language == nil else { return }
        warning("'language': '\(tag)' is not a language code", at: node.mark,
                hint: "use an ISO 639-1 code such as 'fr' or 'en', or 'auto'")
    }

    private mutating func readPlugins(_ node: YAMLNode) {
        let entries = node.sequence ?? (node.isNull ? [] : [node])
        var references: [PluginReference] = []
        for entry in entries {
            var path: String?
            if entry.isNull || entry.sequence != nil {
                error("a plugin entry must be a path or a mapping, not \(entry.kindDescription)", at: entry.mark)
                continue
            } else if let text = entry.scalar {
                path = resolve(text)
            } else if let text = entry["path"]?.scalar {
                path = resolve(text)
            }
            if let path { plugins.append(path) }
            references.append(PluginReference(node: entry, path: path, file: file, baseDirectory: baseDirectory,
                                              line: entry.mark.line, column: entry.mark.column))
        }
        guard !references.isEmpty else { return }
        guard let resolver = loader.pluginResolver else {
            warning("plugins are not loaded by this program", at: node.mark,
                    hint: "the stages they provide are unknown here; run the pipeline with the textmine command")
            return
        }
        let (descriptors, problems) = resolver.stages(for: references)
        for descriptor in descriptors { registry.register(descriptor) }
        diagnostics += problems
    }

    /// The article fields a list of `output:` names (or one comma-separated string), each unknown
    /// name reported where it is written, with the closest field as a hint.
    private mutating func fieldNames(_ node: YAMLNode, key: String) -> [ArticleField]? {
        if node.isNull { return nil }
        let items: [YAMLNode]
        if let sequence = node.sequence {
            items = sequence
        } else if node.scalar != nil {
            items = [node]
        } else {
            error("'output.\(key)' must be a list of field names, not \(node.kindDescription)", at: node.mark,
                  hint: "e.g. [\(ArticleField.allCases.prefix(3).map(\.rawValue).joined(separator: ", "))]")
            return nil
        }
        var fields: [ArticleField] = []
        for item in items {
            guard case .scalar(let text, let style, _) = item.kind else {
                error("'output.\(key)': expected a field name, not \(item.kindDescription)", at: item.mark,
                      hint: "fields: \(ArticleField.names.joined(separator: ", "))")
                continue
            }
            // A plain one-line scalar is read as `id, text`: each name is reported at its own column.
            let exact = style == .plain && !text.contains("\n")
            var offset = 0
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                defer { offset += part.unicodeScalars.count + 1 }
                let name = part.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { continue }
                guard let field = ArticleField(rawValue: name) else {
                    let problem = UnknownFieldError(name: name)
                    let lead = part.unicodeScalars.prefix { $0 == " " }.count
                    let mark = exact ? YAMLMark(line: item.mark.line, column: item.mark.column + offset + lead) : item.mark
                    error("'output.\(key)': \(problem.message)", at: mark, hint: problem.hint)
                    continue
                }
                fields.append(field)
            }
        }
        return fields
    }

    /// A relative path resolved against the pipeline's folder (`-` for standard input is kept).
    func resolve(_ path: String) -> String {
        path == "-" ? path : StageOptions(baseDirectory: baseDirectory).resolve(path)
    }

    /// The entries of a section that must be a mapping (`input:`, `output:`); null means empty.
    private mutating func section(_ node: YAMLNode, named name: String) -> [YAMLNode.Pair]? {
        if node.isNull { return nil }
        guard let mapping = node.mapping else {
            error("'\(name)' must be a mapping, not \(node.kindDescription)", at: node.mark,
                  hint: "write its keys indented below it, e.g. '\(name):' then '  path: …'")
            return nil
        }
        return mapping
    }

    /// A string field (`name:`, `language:`), reporting a list or mapping given instead.
    private mutating func string(_ root: YAMLNode, _ key: String) -> String? {
        field(root, key, in: PipelineFileSchema.topLevel)?.stringValue
    }

    /// The value of a field checked against its type in `schema`; nil when absent, null or invalid.
    private mutating func field(_ parent: YAMLNode, _ key: String, in schema: OptionSchema,
                                place: String? = nil) -> JSONValue? {
        guard let node = parent[key], !node.isNull, let spec = schema[key] else { return nil }
        let value = spec.type.value(of: node)
        if let problem = spec.type.problem(with: value) {
            let name = place.map { "'\($0).\(key)'" } ?? "'\(key)'"
            error("\(name): \(problem)", at: node.mark, hint: "expected \(spec.type)")
            return nil
        }
        return value
    }
}
