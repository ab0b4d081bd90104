import Foundation
import TextMineCore

/// A stage that runs an external program, in any language, speaking the JSON Lines protocol of
/// `docs/plugin-protocol.md`.
///
/// Declare it once in a manifest listed under `plugins:` and `use:` it by its id, or declare it
/// inline in a step:
/// ```yaml
/// - use: external
///   with:
///     command: [python3, redact.py]
///     options: {mask: "***"}
/// ```
/// Each step keeps its programs running across articles (one per concurrent article), stops a
/// program that takes longer than the timeout on an article, and replaces a program that crashed,
/// hung or printed garbage, a bounded number of times. Failures are thrown per article, so the
/// pipeline's error policy decides what happens to that article; the others go on.
public struct ExternalStage: Stage {
    static let manifest = StageOption<String?>.path("manifest",
        doc: "A stage manifest (YAML) describing the program.")
    static let command = StageOption<[String]>("command", default: [],
        doc: "The program and its arguments (without a manifest).")
    static let stage = StageOption<String>("stage", default: "",
        doc: "The stage id sent to the program (without a manifest; default: the script's file name).")
    static let programOptions = StageOption<[String: JSONValue]>("options", default: [:],
        doc: "Options passed to the program.")
    static let timeout = StageOption<Double?>("timeout", in: 0.001...86_400,
        doc: "Seconds the program may take per article (default: the manifest's, else 30).")
    static let processes = StageOption<Int?>("processes", in: 1...256,
        doc: "How many copies of the program may run at once (default: one per CPU).")
    static let restarts = StageOption<Int?>("restarts", in: 0...10_000,
        doc: "How many times a failed program is replaced before the stage gives up (default 3).")
    static let replaces = StageOption<[ArticlePatch.AppendableField]?>(
        spec: OptionSpec("replaces", .list(.choice(ArticlePatch.AppendableField.allCases.map(\.rawValue))), default: .null,
                         doc: "The list fields whose returned list replaces the article's (default: the manifest's, else none: appended)."),
        default: nil
    ) { value, _ in value.arrayValue?.compactMap { $0.stringValue.flatMap(ArticlePatch.AppendableField.init(rawValue:)) } }

    public static let description = StageDescription(
        id: "external",
        abstract: "Runs an external program (any language) as a stage, over a JSON Lines protocol.",
        documentation: """
            Runs a program that speaks TextMine's out-of-process protocol (docs/plugin-protocol.md). Give \
            either `manifest:` (a stage manifest file) or `command:` (the program and its arguments, run in \
            the pipeline's folder). `options:` are passed to the program; with a manifest they are checked \
            against its option schema first. To use a manifest's stage under its own id, with lint of its \
            options and capabilities, list the manifest under `plugins:` instead.
            """,
        options: [manifest, command, stage, programOptions, timeout, processes, restarts, replaces])

    private let pool: ProcessPool
    private let replaces: Set<ArticlePatch.AppendableField>

    /// Builds the stage from a step's `with:` (a manifest path or an inline command).
    public init(options: StageOptions) throws {
        var configuration: ExternalStageConfiguration
        if let manifest = options[Self.manifest] {
            configuration = try StageManifest.load(path: manifest)
        } else {
            let command = options[Self.command]
            guard let last = command.last else {
                throw StageError("give either 'manifest:' or 'command:'", option: "command")
            }
            // Named after the script or program: `[python3, tools/redact.py]` is stage 'redact'.
            let name = options[Self.stage].isEmpty
                ? ((last as NSString).lastPathComponent as NSString).deletingPathExtension : options[Self.stage]
            configuration = ExternalStageConfiguration(
                id: StageID(name),
                command: PluginCommand(arguments: command, directory: options.baseDirectory),
                options: nil, declaredIn: options.baseDirectory)
        }
        if let timeout = options[Self.timeout] { configuration.timeout = timeout }
        if let processes = options[Self.processes] { configuration.processes = processes }
        if let restarts = options[Self.restarts] { configuration.restarts = restarts }
        if let replaces = options[Self.replaces] { configuration.replaces = Set(replaces) }
        try self.init(configuration, options: options[Self.programOptions])
    }

    /// Builds the stage from a configuration and raw program options, validated against its schema
    /// (when it has one); starts the first program and checks its handshake.
    public init(_ configuration: ExternalStageConfiguration, options raw: [String: JSONValue]) throws {
        var values = raw
        if let schema = configuration.options {
            let (checked, problems) = schema.validate(raw)
            if let problem = problems.first {
                throw StageError("\(problem.message)\(problem.hint.map { " (\($0))" } ?? "")", option: problem.option)
            }
            values = checked
        }
        pool = try ProcessPool(configuration: configuration, options: values)
        replaces = configuration.replaces
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        let patch = try pool.exchange(article)
        try patch.apply(to: &article, step: context.step, replacing: replaces)
    }
}
