/// What loading a pipeline file gives: the plan when the file is valid, and every finding.
public struct PipelineLoadResult: Sendable {
    /// The validated plan; nil when there is any error.
    public var plan: PipelinePlan?
    /// Errors and warnings, sorted by position (the pipeline file first, then other files such as
    /// a stage's pattern file, then the command line).
    public var diagnostics: [Diagnostic]
    /// The registry the plan's stage ids refer to: the loader's, plus stages from `plugins:`.
    public var registry: StageRegistry
    /// The stage instances the loader built to check their configuration, one per step of
    /// ``plan`` (empty when there is no plan). The runtime can run them instead of building them
    /// again.
    public var stages: [any Stage]

    /// A result (the loader builds them; tests and tools may too).
    public init(plan: PipelinePlan?, diagnostics: [Diagnostic], registry: StageRegistry, stages: [any Stage] = []) {
        self.plan = plan
        self.diagnostics = diagnostics
        self.registry = registry
        self.stages = stages
    }

    /// The findings of severity error.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The findings of severity warning.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
