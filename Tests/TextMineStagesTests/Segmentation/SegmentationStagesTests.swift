import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// The text of one of the repository's seed articles.
private func seed(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("seeds/\(name).txt"), encoding: .utf8)
}

@Suite("sentences and tokens stages")
struct SegmentationStagesTests {
    @Test("sentences splits a seed into its paragraphs' sentences, datelines and headings apart")
    func sentencesOnSeed() throws {
        let article = try StageHarness(SentencesStage.self).run(try seed("002_e6f55f34cf21a18b"))
        let sentences = article.sentenceTexts
        #expect(sentences.count == 25)
        #expect(sentences.first == "Par Vladimir Soldatkin et Alexander Marrow")
        #expect(sentences[1].hasPrefix("MOSCOU (Reuters) – Le président russe Vladimir Poutine a déclaré vendredi"))
        #expect(sentences.contains("« Du côté de l’OTAN, nous sommes prêts à engager un dialogue politique."))
        #expect(sentences.contains("« Si cela dépend de la Russie, il n’y aura pas de guerre."))
        #expect(sentences.contains("Nous ne voulons pas de guerres."))
        #expect(!sentences.contains { $0.contains("\n") })
    }

    @Test("tokens covers all the text of a seed: only white space is left between tokens")
    func tokensOnSeed() throws {
        let text = try seed("000_b0f18a854f7ce6e7")
        let article = try StageHarness(TokensStage.self).run(text)
        let scalars = Array(text.unicodeScalars)
        var position = 0
        for token in article.tokens {
            #expect(token.span.start >= position && !token.span.isEmpty)
            #expect(scalars[position..<token.span.start].allSatisfy { $0.properties.isWhitespace })
            position = token.span.end
        }
        #expect(scalars[position...].allSatisfy { $0.properties.isWhitespace })
        let words = article.tokenTexts
        for expected in ["a", "-t-il", "États-Unis", "100 000", "l’", "porte-parole", "«", "»"] {
            #expect(words.contains(expected), "missing token \(expected)")
        }
        #expect(article.tokens.allSatisfy { $0.kind != nil })
    }

    @Test("the article's language wins over the language option")
    func language() throws {
        let harness = try StageHarness(TokensStage.self)
        #expect(try harness.run("don't", language: "en").tokenTexts == ["do", "n't"])
        #expect(try harness.run("l'art").tokenTexts == ["l'", "art"])
        let english = try StageHarness(TokensStage.self, options: ["language": "en"])
        #expect(try english.run("l'art").tokenTexts == ["l'art"])
        #expect(try english.run("l'art", language: "fr-FR").tokenTexts == ["l'", "art"])
    }

    @Test("users add abbreviations as lists or as a file")
    func userAbbreviations() throws {
        let text = "Le Lic. Dupont arrive. Des pommes, ibd. Le marché."
        #expect(try StageHarness(SentencesStage.self).run(text).sentenceTexts.count == 4)
        let listed = try StageHarness(SentencesStage.self, options: ["abbreviations": ["Lic."], "trailing-abbreviations": ["ibd"]])
        #expect(try listed.run(text).sentenceTexts == ["Le Lic. Dupont arrive.", "Des pommes, ibd.", "Le marché."])

        let folder = try TemporaryFolder()
        try folder.write("abbr.txt", "# mes abréviations\nLic.\nibd. trailing\n")
        let filed = try StageHarness(SentencesStage.self, options: ["abbreviations-file": "abbr.txt"], baseDirectory: folder.path)
        #expect(try filed.run(text).sentenceTexts == ["Le Lic. Dupont arrive.", "Des pommes, ibd.", "Le marché."])
        #expect(try StageHarness(TokensStage.self, options: ["abbreviations-file": "abbr.txt"], baseDirectory: folder.path)
            .run("Le Lic. Dupont").tokenTexts == ["Le", "Lic.", "Dupont"])
    }

    @Test("a bad abbreviations file is an error naming the option, the file and the line")
    func badAbbreviationsFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("abbr.txt")
        try "Lic.\nibd. sometimes\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: StageError.self) {
            try SentencesStage(options: StageOptions.validated(["abbreviations-file": .string(path)], for: SentencesStage.self))
        }
        #expect(error?.option == "abbreviations-file")
        #expect(error?.message == "\(path):2: expected an abbreviation, optionally followed by 'leading' or 'trailing', got 'ibd. sometimes'")
        let missing = #expect(throws: StageError.self) {
            try TokensStage(options: StageOptions.validated(["abbreviations-file": "/nonexistent/abbr.txt"], for: TokensStage.self))
        }
        #expect(missing?.message.hasPrefix("cannot read abbreviations file /nonexistent/abbr.txt") == true)
    }

    @Test("the line-breaks option says what a single line break means")
    func lineBreaksOption() throws {
        let text = "une ligne\nune autre"
        #expect(try StageHarness(SentencesStage.self).run(text).sentenceTexts == ["une ligne\nune autre"])
        #expect(try StageHarness(SentencesStage.self, options: ["line-breaks": "line"]).run(text).sentenceTexts ==
            ["une ligne", "une autre"])
    }

    @Test("both stages are registered and say what they produce")
    func registered() {
        #expect(StageRegistry.builtIn["sentences"] != nil)
        #expect(StageRegistry.builtIn["tokens"] != nil)
        #expect(SentencesStage.description.produces == [.sentences])
        #expect(TokensStage.description.produces == [.tokens])
        #expect(TokensStage.description.requires.isEmpty && SentencesStage.description.requires.isEmpty)
    }
}
