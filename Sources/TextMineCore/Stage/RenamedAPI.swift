// Names of TextMine 0.1.0, when "stage" also named the pipeline step. They forward to the current
// names so that a stage written against 0.1.0 still builds, with a deprecation warning naming the
// replacement; they go away in the next minor release. See docs/api.md, "Names".

extension StageContext {
    @available(*, deprecated, renamed: "step")
    public var stageName: String { step }

    @available(*, deprecated, renamed: "init(step:deadline:)")
    public init(stageName: String, deadline: StepDeadline? = nil) { self.init(step: stageName, deadline: deadline) }
}

extension Article {
    @available(*, deprecated, renamed: "applyEdits(_:step:)")
    public mutating func applyEdits(_ edits: [TextEdit], stage: String) throws {
        try applyEdits(edits, step: stage)
    }
}

extension Removal {
    @available(*, deprecated, renamed: "step")
    public var stage: String { step }
}

extension Entity {
    @available(*, deprecated, renamed: "step")
    public var stage: String { step }

    @available(*, deprecated, renamed: "init(span:text:label:canonical:confidence:step:)")
    public init(span: Span, text: String, label: String, canonical: String, confidence: Double, stage: String) {
        self.init(span: span, text: text, label: label, canonical: canonical, confidence: confidence, step: stage)
    }
}

extension MetadataField {
    @available(*, deprecated, renamed: "step")
    public var stage: String { step }

    @available(*, deprecated, renamed: "init(value:step:rule:source:)")
    public init(value: JSONValue, stage: String, rule: String, source: Span? = nil) {
        self.init(value: value, step: stage, rule: rule, source: source)
    }
}

@available(*, deprecated, renamed: "StepTrace")
public typealias StageTrace = StepTrace
