import Foundation
import TextMineCore
import TextMineYAML

/// The stage instances of a pipeline file, built in order, for evaluation commands.
///
/// Reads `steps:` (`use:`, `id:`, `with:`) and builds each step from the registry with validated
/// options; the first problem is thrown as `file:line:col: message`.
struct PipelineSteps {
    var steps: [(name: String, stage: any Stage)]

    init(file: String, registry: StageRegistry) throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ValidationError("\(file): cannot read the pipeline: \(error.localizedDescription)")
        }
        let root = try YAMLParser.parse(text, file: file)
        guard case .mapping(let pairs) = root.kind,
            let stepsNode = pairs.first(where: { $0.key.scalar == "steps" })?.value,
            case .sequence(let items) = stepsNode.kind
        else {
            throw ValidationError("\(file):\(root.mark.line):\(root.mark.column): error: the pipeline has no 'steps:' list")
        }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent().path
        steps = []
        for item in items {
            let where_ = "\(file):\(item.mark.line):\(item.mark.column)"
            guard case .object(let step) = JSONValue(yaml: item), let use = step["use"]?.stringValue else {
                throw ValidationError("\(where_): error: a step needs 'use:'")
            }
            guard let descriptor = registry[StageID(use)] else {
                throw ValidationError("\(where_): error: unknown stage '\(use)'")
            }
            let (values, problems) = descriptor.options.validate(step["with"]?.objectValue ?? [:])
            if let problem = problems.first { throw ValidationError("\(where_): error: \(problem.message)") }
            let stage = try descriptor.make(options: StageOptions(values, baseDirectory: base))
            steps.append((step["id"]?.stringValue ?? use, stage))
        }
    }
}

/// A user-facing error of a command.
struct ValidationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
