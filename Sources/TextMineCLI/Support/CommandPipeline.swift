import ArgumentParser
import TextMineCore

extension CommandContext {
    /// Loads, lints and builds a pipeline for a command: prints the diagnostics on `console` and
    /// fails with the usage status (64) when there are errors (a step that cannot start included).
    static func buildPipeline(file: String, overrides: [String], console: Console) throws -> (plan: PipelinePlan, pipeline: Pipeline, registry: StageRegistry) {
        let loaded = pipelineLoader().load(file: file, overrides: overrides)
        let plan = try checked(loaded, console: console)
        if loaded.stages.count == plan.steps.count {
            return (plan, Pipeline(plan: plan, stages: loaded.stages), loaded.registry)
        }
        return (plan, try build(plan, registry: loaded.registry, console: console), loaded.registry)
    }

    /// Loads and lints a pipeline, then builds only its steps before the first one whose stage
    /// produces `capability` (the steps that prepare articles for it): that step and the ones
    /// after it are never started, so a step that could not start (a model file of an older
    /// format, say) does not stop a command that replaces it, such as `train summarize`.
    /// Fails like ``buildPipeline(file:overrides:console:)``, and with `missing` (after the file's
    /// name) when no step produces `capability`.
    static func buildPipeline(file: String, before capability: Capability, missing: String, console: Console) throws -> (plan: PipelinePlan, pipeline: Pipeline, registry: StageRegistry) {
        var loader = pipelineLoader()
        loader.buildsStages = false
        let loaded = loader.load(file: file)
        var plan = try checked(loaded, console: console)
        guard let position = plan.steps.firstIndex(where: { loaded.registry[$0.stage]?.produces.contains(capability) == true }) else {
            throw console.fail("\(plan.file): \(missing)")
        }
        plan.steps.removeLast(plan.steps.count - position)
        return (plan, try build(plan, registry: loaded.registry, console: console), loaded.registry)
    }

    /// The plan of a loaded pipeline, after printing its diagnostics; fails with the usage status
    /// when there are errors.
    private static func checked(_ loaded: PipelineLoadResult, console: Console) throws -> PipelinePlan {
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error || !console.quiet {
            console.line(diagnostic.description)
        }
        guard let plan = loaded.plan, loaded.errors.isEmpty else { throw ExitCode(ExitStatus.usage) }
        return plan
    }

    /// Starts the stages of `plan`; a step that cannot start fails with the usage status.
    private static func build(_ plan: PipelinePlan, registry: StageRegistry, console: Console) throws -> Pipeline {
        do {
            return try Pipeline(plan: plan, registry: registry)
        } catch let error as DiagnosticsError {
            console.line(error.description)
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// The inputs of a command that runs a pipeline (`run`, `frequencies`): the command line's, else
    /// the pipeline's `input.paths`; read as `--input-format` says, else by each file's extension,
    /// else as the pipeline's `input.format` says (which applies to all of its own `input.paths`).
    /// `--input-encoding`, when given, decodes every text file in that encoding instead of detecting it.
    /// Fails with the usage status when there is no input, the format or the encoding is unknown.
    static func inputFiles(_ inputs: [String], inputFormat: String?, inputEncoding: String?,
                           plan: PipelinePlan, console: Console) throws -> InputFiles {
        let paths = inputs.isEmpty ? plan.input.paths : inputs
        guard !paths.isEmpty else {
            throw console.fail("no input: name files, directories or globs (or '-'), or set input: in \(plan.file)",
                               status: ExitStatus.usage)
        }
        let forced = inputFormat.map(InputFormat.init(rawValue:)) ?? (inputs.isEmpty ? plan.input.format : nil)
        var decoders = CommandContext.decoders
        if let inputEncoding {
            guard let encoding = Charset.canonicalName(inputEncoding) else {
                throw console.fail("unknown encoding '\(inputEncoding)' in --input-encoding (use utf-8, utf-16, utf-16le, "
                                   + "utf-16be, cp1252, latin1, or a name 'iconv -l' lists)", status: ExitStatus.usage)
            }
            decoders.register(TextDecoder(encoding: encoding))
        }
        do {
            return try InputFiles(paths: paths, format: forced, fallbackFormat: plan.input.format, decoders: decoders)
        } catch {
            throw console.fail("\(error)", status: ExitStatus.usage)
        }
    }
}
