/// A runnable pipeline: stage instances in order, built from a ``PipelinePlan`` or directly in code.
///
/// ```swift
/// let pipeline = Pipeline([try Clean(options: .init()), try Sentences(options: .init())], language: "fr")
/// let result = try PipelineRunner(pipeline: pipeline).run(articles)
/// ```
public struct Pipeline: Sendable {
    /// One step: a stage instance and the name it runs under.
    public struct Step: Sendable {
        /// The step's instance id (its `id:` in YAML, else its stage id), recorded as provenance.
        public var name: String
        /// The stage instance.
        public var stage: any Stage
        /// Where the step is declared (`pipeline.yaml:12:7`), for messages; nil for steps built in code.
        public var location: String?

        public init(name: String, stage: any Stage, location: String? = nil) {
            self.name = name
            self.stage = stage
            self.location = location
        }

        /// Whether the stage needs the whole corpus before it processes any article.
        public var needsCorpus: Bool { stage is any CorpusStage }
    }

    /// The steps, in order.
    public var steps: [Step]
    /// The language given to articles that do not say theirs.
    public var language: LanguageCode?

    /// A pipeline of the given steps.
    public init(steps: [Step], language: LanguageCode? = nil) {
        self.steps = steps
        self.language = language
    }

    /// A pipeline of stage instances, each named after its stage id (`clean`, `clean-2`… when a
    /// stage appears twice).
    public init(_ stages: [any Stage], language: LanguageCode? = nil) {
        var seen: [String: Int] = [:]
        let steps = stages.map { stage -> Step in
            let id = type(of: stage).description.id.rawValue
            let count = seen[id, default: 0] + 1
            seen[id] = count
            return Step(name: count == 1 ? id : "\(id)-\(count)", stage: stage)
        }
        self.init(steps: steps, language: language)
    }

    /// A pipeline of a plan's steps run by stage instances already built (by the pipeline loader,
    /// which builds them to check their configuration), one per step in order.
    public init(plan: PipelinePlan, stages: [any Stage]) {
        precondition(plan.steps.count == stages.count, "one stage instance per planned step")
        let steps = zip(plan.steps, stages).map { planned, stage in
            Step(name: planned.name, stage: stage, location: Self.location(of: planned, in: plan))
        }
        self.init(steps: steps, language: plan.language)
    }

    /// `file:line:col` of a planned step, when the plan knows it.
    private static func location(of step: PlannedStep, in plan: PipelinePlan) -> String? {
        guard step.line != nil else { return nil }
        return Diagnostic(file: plan.file, line: step.line, column: step.column, message: "").location
    }

    /// Builds one stage instance per planned step.
    ///
    /// - Throws: ``DiagnosticsError`` with one diagnostic per step whose stage is unknown or whose
    ///   initialiser threw (a model file that does not load, say), at the step's line and column.
    public init(plan: PipelinePlan, registry: StageRegistry) throws {
        var steps: [Step] = []
        var diagnostics: [Diagnostic] = []
        for planned in plan.steps {
            let position = Diagnostic(file: plan.file, line: planned.line, column: planned.column, message: "")
            let location = Self.location(of: planned, in: plan)
            guard let descriptor = registry[planned.stage] else {
                var diagnostic = position
                diagnostic.message = "unknown stage '\(planned.stage)'"
                diagnostic.hint = registry.suggestion(for: planned.stage.rawValue).map { "did you mean '\($0)'?" }
                diagnostics.append(diagnostic)
                continue
            }
            do {
                steps.append(Step(name: planned.name, stage: try descriptor.make(options: planned.options), location: location))
            } catch {
                var diagnostic = position
                diagnostic.message = "stage '\(planned.stage)' (step '\(planned.name)') cannot start: \(error)"
                if let option = (error as? StageError)?.option { diagnostic.hint = "check option '\(option)'" }
                diagnostics.append(diagnostic)
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        self.init(steps: steps, language: plan.language)
    }
}
