import Foundation
import TextMineCore
import TextMineStages
import TextMineYAML

/// The repository's seed articles run through the cleaning steps of `pipelines/french-news.yaml`
/// (clean → metadata → boilerplate, with the pipeline's options and language).
enum SeedCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The seed ids (file names without `.txt`), sorted.
    static func ids() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The cleaning steps of the French-news pipeline, as the loader builds them.
    static func cleaningSteps() throws -> (steps: [(name: String, stage: any Stage)], language: LanguageCode?) {
        let file = root.appendingPathComponent("pipelines/french-news.yaml").path
        let result = PipelineLoader(registry: .builtIn).load(file: file)
        guard let plan = result.plan else { throw DiagnosticsError(result.errors) }
        let cleaning: Set<StageID> = ["clean", "metadata", "boilerplate"]
        let steps = zip(plan.steps, result.stages).filter { cleaning.contains($0.0.stage) }.map { (name: $0.0.name, stage: $0.1) }
        return (steps, plan.language)
    }

    /// A seed article after the cleaning steps.
    static func processed(_ id: String) throws -> Article {
        let (steps, language) = try cleaningSteps()
        let text = try String(contentsOf: root.appendingPathComponent("seeds/\(id).txt"), encoding: .utf8)
        var article = Article(id: id, text: text, language: language)
        for step in steps { try step.stage.process(&article, context: StageContext(step: step.name)) }
        return article
    }

    /// `Tests/SeedExpectations/expectations.yaml`, parsed.
    static func expectations() throws -> YAMLNode {
        let path = root.appendingPathComponent("Tests/SeedExpectations/expectations.yaml").path
        return try YAMLParser.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
    }
}

/// Text as the expectations compare it: typographic apostrophes as `'`, curly quotes as `"`, every run of white space
/// (no-break spaces included) as one space, trimmed.
func comparable(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        if scalar.properties.isWhitespace {
            pendingSpace = !output.isEmpty
            continue
        }
        if pendingSpace { output.append(" "); pendingSpace = false }
        output.append(comparableScalar(scalar))
    }
    return String(output)
}

private func comparableScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "’", "‘": return "'"
    case "“", "”", "„": return "\""
    default: return scalar
    }
}

/// Finds `needle` in `text` comparing as ``comparable(_:)`` does; returns the scalar span in `text`.
func comparableSpan(of needle: String, in text: String) -> Span? {
    // The comparable form of `text`, with the original offset of each of its scalars.
    var scalars: [Unicode.Scalar] = []
    var origins: [Int] = []
    var pendingSpace = -1
    for (offset, scalar) in text.unicodeScalars.enumerated() {
        if scalar.properties.isWhitespace {
            if !scalars.isEmpty, pendingSpace < 0 { pendingSpace = offset }
            continue
        }
        if pendingSpace >= 0 { scalars.append(" "); origins.append(pendingSpace); pendingSpace = -1 }
        scalars.append(comparableScalar(scalar))
        origins.append(offset)
    }
    let target = Array(comparable(needle).unicodeScalars)
    guard !target.isEmpty, target.count <= scalars.count else { return nil }
    for start in 0...(scalars.count - target.count) where scalars[start] == target[0] {
        if Array(scalars[start..<start + target.count]) == target {
            return Span(start: origins[start], end: origins[start + target.count - 1] + 1)
        }
    }
    return nil
}
