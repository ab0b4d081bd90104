import TextMineYAML

/// Command-line overrides and option validation against each stage's schema.
extension PipelineLoading {
    /// Applies `--set STEP.OPTION=VALUE` arguments over the options written in the file.
    mutating func apply(overrides: [String]) {
        for text in overrides {
            guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: "."),
                  dot > text.startIndex, text.index(after: dot) < equals
            else {
                commandLineError("--set \(text): expected STEP.OPTION=VALUE", hint: "e.g. --set summarize.sentences=5")
                continue
            }
            let stepName = String(text[..<dot])
            let option = String(text[text.index(after: dot)..<equals])
            let value = String(text[text.index(after: equals)...])
            guard let index = steps.firstIndex(where: { $0.name == stepName }) else {
                let names = steps.map(\.name)
                let hint = Suggestion.closest(to: stepName, in: names).map { "did you mean '\($0)'?" }
                    ?? "the steps are: \(names.joined(separator: ", "))"
                commandLineError("--set \(text): no step named '\(stepName)'", hint: hint)
                continue
            }
            guard let descriptor = steps[index].descriptor else { continue }
            guard let spec = descriptor.options[option] else {
                commandLineError("--set \(text): unknown option '\(option)' for stage '\(descriptor.id)'",
                                 hint: unknownOptionHint(option, of: descriptor))
                continue
            }
            steps[index].options[option] = RawOption(value: spec.type.value(fromScalar: value), override: text)
        }
    }

    /// Checks each step's options against its stage's schema and fills in defaults.
    mutating func validateOptions() {
        for index in steps.indices {
            guard let descriptor = steps[index].descriptor else { continue }
            let step = steps[index]
            // An explicit null means "use the default".
            let raw = step.options.compactMapValues { $0.value == .null ? nil : $0.value }
            let (values, problems) = descriptor.options.validate(raw)
            for problem in problems {
                let written = step.options[problem.option]
                switch problem.kind {
                case .unknown:
                    error(problem.message, at: written?.keyMark ?? step.useMark,
                          hint: problem.hint ?? unknownOptionHint(problem.option, of: descriptor))
                case .invalid:
                    let type = descriptor.options[problem.option]?.type
                    report(problem.message, hint: problem.hint, about: written, of: step,
                           at: written?.node.flatMap { node in type.map { $0.faultyPart(of: node) } })
                case .missing:
                    error("stage '\(descriptor.id)' needs option '\(problem.option)'", at: step.withMark ?? step.useMark,
                          hint: problem.hint)
                }
            }
            steps[index].values = values
            steps[index].isValid = problems.isEmpty && !step.stageID.rawValue.isEmpty
        }
    }

    /// Reports a problem with an option value where it was written (the file or `--set`): at
    /// `mark` if given, else at the value, else at the step.
    mutating func report(_ message: String, hint: String?, about option: RawOption?, of step: StepDraft,
                         at mark: YAMLMark? = nil) {
        if let override = option?.override {
            commandLineError("--set \(override): \(message)", hint: hint)
        } else {
            error(message, at: mark ?? option?.node?.mark ?? step.withMark ?? step.useMark, hint: hint)
        }
    }

    func unknownOptionHint(_ option: String, of descriptor: StageDescriptor) -> String {
        let names = descriptor.options.specs.map(\.name)
        if let close = Suggestion.closest(to: option, in: names) { return "did you mean '\(close)'?" }
        return names.isEmpty ? "stage '\(descriptor.id)' has no options"
            : "options of '\(descriptor.id)': \(names.joined(separator: ", "))"
    }

    private mutating func commandLineError(_ message: String, hint: String?) {
        diagnostics.append(Diagnostic(file: Self.commandLine, message: message, hint: hint))
    }
}
