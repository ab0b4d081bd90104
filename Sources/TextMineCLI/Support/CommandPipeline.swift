import ArgumentParser
import TextMineCore

extension CommandContext {
    /// Loads, lints and builds a pipeline for a command: prints the diagnostics on `console` and
    /// fails with the usage status (64) when there are errors (a step that cannot start included).
    static func buildPipeline(file: String, overrides: [String], console: Console) throws -> (plan: PipelinePlan, pipeline: Pipeline, registry: StageRegistry) {
        let loaded = pipelineLoader().load(file: file, overrides: overrides)
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error || !console.quiet {
            console.line(diagnostic.description)
        }
        guard let plan = loaded.plan, loaded.errors.isEmpty else { throw ExitCode(ExitStatus.usage) }
        if loaded.stages.count == plan.steps.count {
            return (plan, Pipeline(plan: plan, stages: loaded.stages), loaded.registry)
        }
        do {
            return (plan, try Pipeline(plan: plan, registry: loaded.registry), loaded.registry)
        } catch let error as DiagnosticsError {
            console.line(error.description)
            throw ExitCode(ExitStatus.usage)
        }
    }
}
