import Foundation
import TextMineYAML

/// One load of one pipeline file: the state ``PipelineLoader`` threads through its checks, and
/// the findings so far.
struct PipelineLoading {
    let loader: PipelineLoader
    let file: String
    let baseDirectory: String
    /// The loader's registry plus stages from `plugins:`.
    var registry: StageRegistry
    var diagnostics: [Diagnostic] = []
    /// Values whose `${…}` could not be substituted: already reported, so later checks of the
    /// same value stay quiet.
    private var uninterpolated: Set<YAMLMark> = []

    // What the checks found, assembled into the plan at the end.
    var name: String?
    var language: LanguageCode?
    var input = InputSpec()
    var output = OutputSpec()
    var errorPolicy = ErrorPolicy.skip
    var emptyPolicy = EmptyPolicy.keep
    var limits = RunLimits()
    var plugins: [String] = []
    var steps: [StepDraft] = []
    var stages: [any Stage] = []

    /// The file name diagnostics about `--set` carry.
    static let commandLine = "<command line>"

    init(loader: PipelineLoader, file: String, baseDirectory: String) {
        self.loader = loader
        self.file = file
        self.baseDirectory = baseDirectory
        self.registry = loader.registry
    }

    /// Runs every check on the parsed document.
    mutating func load(_ document: YAMLNode, overrides: [String]) {
        if document.isNull {
            error("the pipeline file is empty", at: document.mark, hint: "a pipeline needs at least a 'stages:' list")
            return
        }
        guard document.mapping != nil else {
            error("a pipeline file must be a mapping of keys such as 'stages:', not \(document.kindDescription)",
                  at: document.mark, hint: "start with 'stages:' and a list of '- use: STAGE' steps")
            return
        }
        let root = interpolate(document)
        readTopLevel(root)
        readSteps(root)
        apply(overrides: overrides)
        validateOptions()
        checkCapabilities()
        if loader.buildsStages { buildStages() }
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The plan (when there are no errors) and the sorted findings.
    func result() -> PipelineLoadResult {
        let sorted = diagnostics.enumerated().sorted { a, b in
            let (ka, kb) = (sortKey(a.element), sortKey(b.element))
            if ka.group != kb.group { return ka.group < kb.group }
            if ka.file != kb.file { return a.offset < b.offset }
            if ka.line != kb.line { return ka.line < kb.line }
            if ka.column != kb.column { return ka.column < kb.column }
            return a.offset < b.offset
        }.map(\.element)
        guard !hasErrors else { return PipelineLoadResult(plan: nil, diagnostics: sorted, registry: registry) }
        let plan = PipelinePlan(
            file: file, name: name, language: language,
            steps: steps.map { step in
                PlannedStep(name: step.name, stage: step.stageID, options: StageOptions(step.values, baseDirectory: baseDirectory),
                            line: step.useMark.line, column: step.useMark.column)
            },
            input: input, output: output, errorPolicy: errorPolicy, emptyPolicy: emptyPolicy,
            plugins: plugins, limits: limits)
        return PipelineLoadResult(plan: plan, diagnostics: sorted, registry: registry, stages: stages)
    }

    /// The pipeline file first, other files (such as a stage's pattern file) next, the command line last.
    private func sortKey(_ d: Diagnostic) -> (group: Int, file: String, line: Int, column: Int) {
        let group = d.file == file ? 0 : d.file == Self.commandLine ? 2 : 1
        return (group, d.file, d.line ?? 0, d.column ?? 0)
    }

    // MARK: Reporting

    mutating func error(_ message: String, at mark: YAMLMark, hint: String? = nil) {
        guard !uninterpolated.contains(mark) else { return }
        diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, message: message, hint: hint))
    }

    mutating func warning(_ message: String, at mark: YAMLMark, hint: String? = nil) {
        guard !uninterpolated.contains(mark) else { return }
        diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, severity: .warning,
                                      message: message, hint: hint))
    }

    mutating func report(_ error: YAMLError) {
        diagnostics.append(Diagnostic(file: error.file, line: error.mark.line, column: error.mark.column,
                                      message: error.message, hint: error.hint))
    }

    /// Reports keys of `mapping` that `schema` does not know, with the closest known key as a hint.
    mutating func checkKeys(of mapping: [YAMLNode.Pair], against schema: OptionSchema, in place: String?,
                            hint fallback: (String) -> String?) {
        let known = schema.specs.map(\.name)
        for pair in mapping {
            let key = pair.key.scalar ?? JSONValue(yaml: pair.key).yamlString
            guard schema[key] == nil else { continue }
            let hint = Suggestion.closest(to: key, in: known).map { "did you mean '\($0)'?" }
                ?? fallback(key) ?? "known keys: \(known.joined(separator: ", "))"
            error("unknown key '\(key)'" + (place.map { " in \($0)" } ?? ""), at: pair.key.mark, hint: hint)
        }
    }

    // MARK: Interpolation

    /// The document with `${VAR}` replaced in every scalar value (keys are left alone).
    private mutating func interpolate(_ node: YAMLNode) -> YAMLNode {
        var node = node
        switch node.kind {
        case .scalar(let text, let style, let tag):
            let interpolated = EnvironmentInterpolation(environment: loader.environment).interpolate(text)
            switch interpolated {
            case .success(let value):
                node.kind = .scalar(value, style: style, tag: tag)
            case .failure(.undefined(let name)):
                error("environment variable '\(name)' is not set", at: node.mark,
                      hint: "set \(name), or give a default: '${\(name):-value}'")
            case .failure(.unterminated):
                error("unterminated '${' in '\(text)'", at: node.mark,
                      hint: "close the variable with '}', or write '$${' for a literal '${'")
            case .failure(.invalidName(let name)):
                error("invalid environment variable name '\(name)'", at: node.mark,
                      hint: "names are letters, digits and '_', and do not start with a digit")
            }
            if case .failure = interpolated { uninterpolated.insert(node.mark) }
        case .sequence(let items):
            node.kind = .sequence(items.map { interpolate($0) })
        case .mapping(let pairs):
            node.kind = .mapping(pairs.map { YAMLNode.Pair(key: $0.key, value: interpolate($0.value)) })
        }
        return node
    }
}
