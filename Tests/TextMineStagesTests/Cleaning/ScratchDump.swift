import Foundation
import Testing
import TextMineCore
import TextMineStages

@Test func scratchDump() throws {
    let stages: [any Stage] = [try CleanStage(options: StageOptions.validated([:], for: CleanStage.self))]
    for name in try FileManager.default.contentsOfDirectory(atPath: "seeds").sorted() {
        var article = Article(id: name, text: try String(contentsOfFile: "seeds/" + name, encoding: .utf8))
        for stage in stages { try stage.process(&article, context: StageContext(stageName: "x")) }
        print("=====", name)
        print(article.text)
        print(article.removals)
        print(article.metadata)
    }
}
