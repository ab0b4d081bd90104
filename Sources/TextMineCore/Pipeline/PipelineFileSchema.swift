/// The keys of a pipeline file, with their types and docs: what the loader accepts, what lint
/// suggests for a misspelt key, and what the JSON Schema export describes.
package enum PipelineFileSchema {
    /// Top-level keys.
    package static let topLevel: OptionSchema = [
        OptionSpec("name", .string, default: .null, doc: "A name for the pipeline, shown in messages and reports."),
        OptionSpec("description", .string, default: .null, doc: "What the pipeline is for."),
        OptionSpec("language", .string, default: .null,
                   doc: "The declared language of articles that do not say theirs (an ISO 639-1 code such as fr or en, or auto for none); the `language` stage replaces it with the detected language when it is sure."),
        OptionSpec("input", .any, default: .object([:]),
                   doc: "Where articles come from when the command line names no inputs."),
        OptionSpec("output", .any, default: .object([:]), doc: "Where results go when the command line does not say."),
        OptionSpec("on-error", .choice(ErrorPolicy.allCases.map(\.rawValue)), default: "skip",
                   doc: "What happens to an article a stage fails on: skip it (and record it) or stop the run."),
        OptionSpec("on-empty", .choice(EmptyPolicy.allCases.map(\.rawValue)), default: "keep",
                   doc: "What happens to an article whose text a step leaves empty (it is counted as emptied and "
                       + "named either way): keep it in the output, skip it, or fail it."),
        OptionSpec("limits", .any, default: .object([:]),
                   doc: "What one article may cost; an article past a limit fails with a message and the run goes on."),
        OptionSpec("plugins", .list(.any), default: [],
                   doc: "Plugins that provide more stages, loaded before the steps are checked: paths of dynamic "
                       + "libraries or stage manifests, or manifests written inline as mappings."),
        OptionSpec("stages", .list(.any), default: nil, doc: "The steps, in the order they run."),
    ]

    /// Keys of `input:`.
    package static let input: OptionSchema = [
        OptionSpec("paths", .list(.path), default: [],
                   doc: "Files, directories (read recursively), globs, or '-' for standard input."),
        OptionSpec("path", .path, default: .null, doc: "One file, directory or glob (instead of 'paths')."),
        OptionSpec("format", .choice([InputFormat.text, .jsonl, .html].map(\.rawValue)), default: .null,
                   doc: "How to read the inputs; by default from each file's extension (.jsonl, .html, else text)."),
    ]

    /// Keys of `output:`.
    package static let output: OptionSchema = [
        OptionSpec("path", .path, default: .null, doc: "The output file; standard output when unset."),
        OptionSpec("format", .choice(OutputFormat.allCases.map(\.rawValue)), default: "jsonl",
                   doc: "jsonl (one article per line), json (one array), yaml, text (clean text and summary), "
                       + "csv and tsv (a table: see 'rows'), or html (a page to look at, as 'textmine report' makes)."),
        OptionSpec("timings", .bool, default: true,
                   doc: "Record each stage's time in every article's trace; false makes runs byte-for-byte reproducible."),
        OptionSpec("fields", .list(.choice(ArticleField.names)), default: .null,
                   doc: "The article fields to write (id is always written), in the output's fixed order; every field when unset."),
        OptionSpec("exclude", .list(.choice(ArticleField.names)), default: [],
                   doc: "Article fields to leave out, such as the bulky tokens and alignment."),
        OptionSpec("rows", .choice(TableRows.allCases.map(\.rawValue)), default: "articles",
                   doc: "For csv and tsv: one row per article (a column per field) or per entity mention "
                       + "(id, text, label, start, end, canonical, confidence)."),
    ]

    /// Keys of `limits:`.
    package static let limits: OptionSchema = [
        OptionSpec("max-article-bytes", .integer(1...Int.max), default: .int(RunLimits.defaultMaxArticleBytes),
                   doc: "The largest article text, in UTF-8 bytes; a larger article fails before any step runs."),
        OptionSpec("step-timeout", .number(0.001...86_400), default: .double(RunLimits.defaultStepTimeout),
                   doc: "The most seconds one built-in or library step may take on one article; the article fails "
                       + "after a step that took longer (out-of-process stages have their own 'timeout')."),
    ]

    /// Keys of a step under `stages:`.
    package static let step: OptionSchema = [
        OptionSpec("use", .string, default: nil, doc: "The stage to run (see 'textmine stages')."),
        OptionSpec("id", .string, default: .null,
                   doc: "A name for this step, unique in the pipeline; by default the stage id (made unique)."),
        OptionSpec("with", .map(.any), default: .object([:]), doc: "The stage's options."),
    ]

    /// The JSON Schema (draft 2020-12) of pipeline files using the stages of `registry`: each
    /// step's `with:` is checked against the schema of the stage its `use:` names.
    package static func jsonSchema(for registry: StageRegistry) -> JSONValue {
        let steps: [JSONValue] = registry.stages.map { stage in
            var properties = property(of: step)
            properties["use"] = ["const": .string(stage.id.rawValue), "description": .string(stage.abstract)]
            properties["with"] = stage.options.jsonSchema
            return [
                "type": "object",
                "additionalProperties": false,
                "required": ["use"],
                "properties": .object(properties),
            ]
        }
        var properties = property(of: topLevel)
        properties["input"] = objectSchema(input, doc: topLevel["input"]!.doc)
        properties["output"] = objectSchema(output, doc: topLevel["output"]!.doc)
        properties["limits"] = objectSchema(limits, doc: topLevel["limits"]!.doc)
        properties["stages"] = [
            "type": "array",
            "minItems": 1,
            "description": .string(topLevel["stages"]!.doc),
            "items": ["oneOf": .array(steps)],
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "TextMine pipeline",
            "type": "object",
            "additionalProperties": false,
            "patternProperties": ["^x-": [:]],
            "required": ["stages"],
            "properties": .object(properties),
        ]
    }

    private static func property(of schema: OptionSchema) -> [String: JSONValue] {
        schema.jsonSchema.objectValue?["properties"]?.objectValue ?? [:]
    }

    private static func objectSchema(_ schema: OptionSchema, doc: String) -> JSONValue {
        var object = schema.jsonSchema.objectValue ?? [:]
        object["description"] = .string(doc)
        return .object(object)
    }
}
