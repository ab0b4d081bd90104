/// A pipeline file after loading and validation: what to run, on what, and where the output goes.
///
/// The pipeline loader (YAML → plan, with lint) produces it; the runtime turns it into a
/// ``Pipeline`` of stage instances. Code can also build a plan directly.
public struct PipelinePlan: Sendable, Hashable {
    /// The pipeline file (for messages), or a name for plans built in code.
    public var file: String
    /// The pipeline's name (`name:`), if any.
    public var name: String?
    /// The declared language of articles that do not say theirs (`language:`; nil for `auto`).
    public var language: LanguageCode?
    /// The steps, in order.
    public var steps: [PlannedStep]
    /// Where articles come from when the command line names no inputs.
    public var input: InputSpec
    /// Where results go when the command line does not say.
    public var output: OutputSpec
    /// What happens to an article whose processing fails.
    public var errorPolicy: ErrorPolicy
    /// What happens to an article whose text ends up empty.
    public var emptyPolicy: EmptyPolicy
    /// Dynamic libraries of stages to load before building the steps (`plugins:`), resolved paths.
    public var plugins: [String]
    /// What one article may cost (`limits:`).
    public var limits: RunLimits

    public init(file: String, name: String? = nil, language: LanguageCode? = nil, steps: [PlannedStep],
                input: InputSpec = InputSpec(), output: OutputSpec = OutputSpec(),
                errorPolicy: ErrorPolicy = .skip, emptyPolicy: EmptyPolicy = .keep, plugins: [String] = [],
                limits: RunLimits = RunLimits()) {
        self.file = file
        self.name = name
        self.language = language
        self.steps = steps
        self.input = input
        self.output = output
        self.errorPolicy = errorPolicy
        self.emptyPolicy = emptyPolicy
        self.plugins = plugins
        self.limits = limits
    }
}

/// One step of a plan: a stage type with validated options.
public struct PlannedStep: Sendable, Hashable {
    /// The instance id (`id:` in YAML, else the stage id; made unique by the loader).
    public var name: String
    /// The stage type's id (`use:`).
    public var stage: StageID
    /// Validated options with defaults filled in.
    public var options: StageOptions
    /// Where the step is declared (1-based line and column of its `use:`), for runtime messages.
    public var line: Int?
    public var column: Int?

    public init(name: String, stage: StageID, options: StageOptions, line: Int? = nil, column: Int? = nil) {
        self.name = name
        self.stage = stage
        self.options = options
        self.line = line
        self.column = column
    }
}

/// Where a pipeline reads articles from.
public struct InputSpec: Sendable, Hashable {
    /// Files, directories (read recursively), globs, or `-` for standard input; resolved paths.
    public var paths: [String]
    /// How to read them; nil means by file extension (`.jsonl` → jsonl, `.html` → html, else text).
    public var format: InputFormat?

    public init(paths: [String] = [], format: InputFormat? = nil) {
        self.paths = paths
        self.format = format
    }
}

/// How input files are read.
public struct InputFormat: StringName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// One article per file; the id is the file name without extension.
    public static let text: InputFormat = "text"
    /// One JSON article per line (`{"id": …, "text": …}` at least).
    public static let jsonl: InputFormat = "jsonl"
    /// One web page per file (or a JSONL record with an `html` field).
    public static let html: InputFormat = "html"
}

/// Where and how a pipeline writes results.
public struct OutputSpec: Sendable, Hashable {
    /// The output file; nil means standard output.
    public var path: String?
    public var format: OutputFormat
    /// Whether each article's `trace` records stage timings (false makes output reproducible).
    public var timings: Bool
    /// The fields to write (`fields:`); nil means every field.
    public var fields: [ArticleField]?
    /// Fields left out (`exclude:`).
    public var exclude: [ArticleField]
    /// What a row of `csv` and `tsv` output is (`rows:`).
    public var rows: TableRows

    public init(path: String? = nil, format: OutputFormat = .jsonl, timings: Bool = true,
                fields: [ArticleField]? = nil, exclude: [ArticleField] = [], rows: TableRows = .articles) {
        self.path = path
        self.format = format
        self.timings = timings
        self.fields = fields
        self.exclude = exclude
        self.rows = rows
    }

    /// The fields written: `fields` (or all) minus `exclude`, and always `id`.
    public var selection: FieldSelection { FieldSelection(only: fields, excluding: exclude) }
}

/// Output formats.
public enum OutputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// One JSON article per line.
    case jsonl
    /// One JSON array of articles.
    case json
    /// A YAML sequence of articles.
    case yaml
    /// Plain text: each article's clean text and summary.
    case text
    /// Comma-separated values with a header row: one row per article or per entity mention.
    case csv
    /// Tab-separated values, like `csv`.
    case tsv
    /// One self-contained HTML page to look at: the text with its entities, removals and summary.
    case html
}

/// What happens to an article whose text a step left empty (all boilerplate, say). Whatever the
/// policy, the article is counted as emptied, not ok, and named on standard error.
public enum EmptyPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Write it all the same (its removals say what was dropped).
    case keep
    /// Leave it out of the output.
    case skip
    /// Fail it (dead letters, and `on-error: fail` stops the run).
    case fail
}

/// What happens to an article when a stage fails on it.
public enum ErrorPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Record the failure (dead letters), leave the article out and go on.
    case skip
    /// Stop the run at the first failure.
    case fail
}
