import TextMineYAML

/// The `stages:` list: each step's keys, stage, id and options.
extension PipelineLoading {
    mutating func readSteps(_ root: YAMLNode) {
        guard let pair = root.mapping?.first(where: { $0.key.scalar == "stages" }) else {
            error("the pipeline has no 'stages:'", at: root.mark, hint: "add 'stages:' with a list of '- use: STAGE' steps")
            return
        }
        guard let items = pair.value.sequence, !items.isEmpty else {
            if pair.value.isNull || pair.value.sequence != nil {
                error("the pipeline has no stages", at: pair.key.mark, hint: "add at least one step, e.g. '- use: pass'")
            } else {
                error("'stages' must be a list of steps, not \(pair.value.kindDescription)", at: pair.value.mark,
                      hint: "write each step on its own line as '- use: STAGE'")
            }
            return
        }
        for item in items {
            if let step = readStep(item) { steps.append(step) }
        }
        nameSteps()
    }

    private mutating func readStep(_ item: YAMLNode) -> StepDraft? {
        guard let mapping = item.mapping else {
            let example = item.scalar.map { "- use: \($0)" } ?? "- use: STAGE"
            error("a step must be a mapping with 'use:', not \(item.kindDescription)", at: item.mark, hint: "write '\(example)'")
            return nil
        }
        let usePair = mapping.first { $0.key.scalar == "use" }
        var step = StepDraft(useMark: usePair?.key.mark ?? item.mark, stageID: "")
        if let useNode = usePair?.value {
            if let id = useNode.scalar, !useNode.isNull {
                step.stageID = StageID(id)
                step.descriptor = registry[step.stageID]
                if step.descriptor == nil {
                    let hint = registry.suggestion(for: id).map { "did you mean '\($0)'?" }
                        ?? "run 'textmine stages' to list the available stages"
                    error("unknown stage '\(id)'", at: useNode.mark, hint: hint)
                }
            } else {
                error("'use' must name a stage, not \(useNode.kindDescription)", at: useNode.mark,
                      hint: "run 'textmine stages' to list the available stages")
            }
        } else {
            error("step has no 'use:'", at: item.mark, hint: "name the stage to run, e.g. 'use: pass'")
        }
        let optionNames = step.descriptor?.options.specs.map(\.name) ?? []
        checkKeys(of: mapping, against: PipelineFileSchema.step, in: "step") { key in
            optionNames.contains(key) ? "options go under 'with:'" : nil
        }
        if let idNode = item["id"] { step.explicitName = readName(idNode) }
        if let withPair = mapping.first(where: { $0.key.scalar == "with" }) {
            step.withMark = withPair.key.mark
            readOptions(withPair.value, into: &step)
        }
        return step
    }

    private mutating func readName(_ node: YAMLNode) -> (text: String, mark: YAMLMark)? {
        guard let text = node.scalar, !node.isNull else {
            error("'id' must be a name, not \(node.kindDescription)", at: node.mark)
            return nil
        }
        let allowed = text.unicodeScalars.allSatisfy {
            $0 == "-" || $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        guard allowed else {
            error("step id '\(text)' may only contain letters, digits, '-' and '_'", at: node.mark,
                  hint: "the id names the step in '--set ID.OPTION=VALUE' and in provenance")
            return nil
        }
        return (text, node.mark)
    }

    private mutating func readOptions(_ node: YAMLNode, into step: inout StepDraft) {
        if node.isNull { return }
        guard let pairs = node.mapping else {
            error("'with' must be a mapping of options, not \(node.kindDescription)", at: node.mark,
                  hint: "write each option indented below 'with:' as 'name: value'")
            return
        }
        for pair in pairs {
            let key = pair.key.scalar ?? JSONValue(yaml: pair.key).yamlString
            let value = step.descriptor?.options[key]?.type.value(of: pair.value) ?? JSONValue(yaml: pair.value)
            step.options[key] = RawOption(value: value, keyMark: pair.key.mark, node: pair.value)
        }
    }

    /// Gives every step a unique name: its `id:`, else its stage id (with `-2`, `-3`… when taken).
    private mutating func nameSteps() {
        var explicit: [String: YAMLMark] = [:]
        for step in steps {
            guard let (text, mark) = step.explicitName else { continue }
            if let first = explicit[text] {
                error("duplicate step id '\(text)' (first used at \(first))", at: mark, hint: "give each step a unique 'id:'")
            } else {
                explicit[text] = mark
            }
        }
        var taken = Set(explicit.keys)
        for index in steps.indices {
            if let name = steps[index].explicitName?.text {
                steps[index].name = name
                continue
            }
            let base = steps[index].stageID.rawValue.isEmpty ? "step" : steps[index].stageID.rawValue
            var name = base
            var counter = 2
            while taken.contains(name) {
                name = "\(base)-\(counter)"
                counter += 1
            }
            taken.insert(name)
            steps[index].name = name
        }
    }
}
