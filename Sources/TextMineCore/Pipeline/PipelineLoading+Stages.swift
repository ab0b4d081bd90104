import TextMineYAML

/// Checks across steps: requirements produced by earlier steps, and building each stage.
extension PipelineLoading {
    /// Reports every requirement of a step that no earlier step produces.
    mutating func checkCapabilities() {
        var available: Set<Capability> = []
        for (index, step) in steps.enumerated() {
            guard let descriptor = step.descriptor else { continue }
            for capability in descriptor.requires.subtracting(available).sorted() {
                error("stage '\(step.name)' requires '\(capability)', which no earlier stage produces",
                      at: step.useMark, hint: producerHint(for: capability, after: index))
            }
            available.formUnion(descriptor.produces)
        }
    }

    /// Where to get a capability: a later step that produces it, or stages in the registry.
    private func producerHint(for capability: Capability, after index: Int) -> String {
        if let later = steps[(index + 1)...].first(where: { $0.descriptor?.produces.contains(capability) == true }) {
            return "move step '\(later.name)' (line \(later.useMark.line)) before this one"
        }
        let producers = registry.stages.filter { $0.produces.contains(capability) }.map { "'use: \($0.id)'" }
        if producers.isEmpty { return "no available stage produces '\(capability)'; is a plugin missing?" }
        return "add a step that produces it before this one: \(producers.joined(separator: " or "))"
    }

    /// Builds every step whose options are valid, reporting configuration errors the stage finds
    /// itself (a file that does not load, a pattern that does not compile).
    mutating func buildStages() {
        var built: [any Stage] = []
        for step in steps where step.isValid {
            guard let descriptor = step.descriptor else { continue }
            do {
                built.append(try descriptor.make(options: StageOptions(step.values, baseDirectory: baseDirectory)))
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch let error as DiagnosticsError {
                diagnostics += error.diagnostics
            } catch let error as StageError {
                if let option = error.option {
                    report("option '\(option)': \(error.message)", hint: nil, about: step.options[option], of: step)
                } else {
                    self.error("stage '\(step.name)': \(error.message)", at: step.useMark)
                }
            } catch {
                self.error("stage '\(step.name)': \(error)", at: step.useMark)
            }
        }
        stages = built.count == steps.count ? built : []
    }
}
