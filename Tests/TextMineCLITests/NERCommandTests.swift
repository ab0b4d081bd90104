import Foundation
import Testing
import TextMineTesting

@Suite("textmine train ner / eval ner", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct NERCommandTests {
    /// The tiny corpus the NER unit tests train on (three sentences, seven names).
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tiny-ner.tsv").path

    @Test("train writes a model, reporting dev F1 per epoch; eval scores it per label with its speed")
    func trainThenEvaluate() throws {
        let folder = try TemporaryFolder()
        let train = Self.corpus
        let model = folder.url.appendingPathComponent("tiny.tmner").path
        let trained = try TextMineProcess.run(["train", "ner", "--train", train, "--dev", train, "--out", model,
                                               "--epochs", "3", "--row-bits", "12"])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("epoch 3/3: train sentence accuracy"))
        #expect(trained.stdout.contains("dev F1 1.0000"))
        let evaluated = try TextMineProcess.run(["eval", "ner", "--model", model, train])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let overall = evaluated.stdout.split(separator: "\n").first { $0.hasPrefix("overall") }
        #expect(overall.map { $0.split(separator: " ").map(String.init) } == ["overall", "1.0000", "1.0000", "1.0000", "7"])
        #expect(evaluated.stdout.contains("LOC "))
        #expect(evaluated.stdout.contains("tokens/s"))
    }

    @Test("eval ner --language en scores the built-in English model on English news")
    func builtInEnglishModel() throws {
        let folder = try TemporaryFolder()
        let gold = try folder.write("en.tsv", """
            President\tO
            Joe\tB-PER
            Biden\tI-PER
            met\tO
            German\tB-MISC
            Chancellor\tO
            Olaf\tB-PER
            Scholz\tI-PER
            in\tO
            Washington\tB-LOC
            on\tO
            Friday\tO
            .\tO

            The\tO
            European\tB-ORG
            Commission\tI-ORG
            said\tO
            Poland\tB-LOC
            and\tO
            Hungary\tB-LOC
            would\tO
            be\tO
            paid\tO
            .\tO

            """)
        let result = try TextMineProcess.run(["eval", "ner", "--language", "en", gold])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("en-ner.tmner"))
        let overall = result.stdout.split(separator: "\n").first { $0.hasPrefix("overall") }
        let columns = overall.map { $0.split(separator: " ").map(String.init) } ?? []  // label, P, R, F1, support
        let f1 = columns.count == 5 ? Double(columns[3]) : nil
        #expect((f1 ?? 0) >= 0.85, "\(result.stdout)")
    }

    @Test("the CC0 French model of Examples/models loads and tags French news")
    func permissiveFrenchModel() throws {
        let folder = try TemporaryFolder()
        let gold = try folder.write("fr.tsv", """
            Le\tO
            président\tO
            Emmanuel\tB-PER
            Macron\tI-PER
            est\tO
            arrivé\tO
            à\tO
            Berlin\tB-LOC
            avec\tO
            Olaf\tB-PER
            Scholz\tI-PER
            .\tO

            """)
        let result = try TextMineProcess.run(["eval", "ner", "--model", "Examples/models/fr-ner-cc0.tmner", gold])
        #expect(result.status == 0, "\(result.stderr)")
        let overall = result.stdout.split(separator: "\n").first { $0.hasPrefix("overall") }
        #expect(overall.map { $0.split(separator: " ").map(String.init) } == ["overall", "1.0000", "1.0000", "1.0000", "3"], "\(result.stdout)")
    }

    @Test("a malformed corpus line stops training with the file and line")
    func malformedCorpus() throws {
        let folder = try TemporaryFolder()
        let train = try folder.write("bad.tsv", "Jean\tB-PER\nrit O\n")
        let result = try TextMineProcess.run(["train", "ner", "--train", train, "--out", folder.url.appendingPathComponent("m.tmner").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(train):2: error: expected 2 tab-separated fields, found 1"))
    }

    @Test("eval refuses a file that is not a model, naming it")
    func notAModel() throws {
        let gold = Self.corpus
        let result = try TextMineProcess.run(["eval", "ner", "--model", gold, gold])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(gold): error: not a TextMine NER model"))
    }
}
