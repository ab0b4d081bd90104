import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("keywords: document frequencies")
struct DocumentFrequenciesTests {
    let corpus = [
        ["La Russie réclame des garanties de sécurité aux États-Unis.", "Moscou attend une réponse écrite."],
        ["La Russie masse des troupes à la frontière.", "Kiev demande le soutien de l’OTAN."],
        ["Le gouvernement présente son budget.", "La Russie et la Chine critiquent les sanctions."],
        ["Les garanties de sécurité restent au cœur des discussions.", "Washington répond à Moscou."],
    ].map { summarizeArticle($0) }

    private func count(_ articles: [Article]) throws -> DocumentFrequencies {
        let stage = try KeywordsStage(options: StageOptions())
        var frequencies = DocumentFrequencies()
        for article in articles { frequencies.add(document: try stage.documentTerms(of: article)) }
        return frequencies
    }

    @Test("counts of two shards merged are the counts of the whole corpus, to the byte")
    func shardsMerge() throws {
        var merged = try count(Array(corpus.prefix(1)))
        merged.merge(try count(Array(corpus.dropFirst())))
        let whole = try count(corpus)
        #expect(merged == whole)
        #expect(merged.fileText == whole.fileText)
        #expect(whole.documents == 4)
        #expect(whole.fileText.contains("\t3\tRussie\n"))
    }

    @Test("the file reads back; a bad line names path:line")
    func fileRoundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("df.tsv")
        let whole = try count(corpus)
        try whole.fileText.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try DocumentFrequencies(contentsOf: path) == whole)

        let bad = folder.path("bad.tsv")
        try "documents\t4\nrussie 3\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: StageError.self) { try DocumentFrequencies(contentsOf: bad) }
        do { _ = try DocumentFrequencies(contentsOf: bad) } catch {
            #expect("\(error)".hasPrefix("\(bad):2: expected 'documents<TAB>N' or 'KEY<TAB>COUNT<TAB>FORM'"))
        }
    }

    @Test("words common across the corpus weigh less: Russie (3 of 4 articles) gains less than réclame (this one only)")
    func frequenciesChangeScores() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("df.tsv")
        try count(corpus).fileText.write(toFile: path, atomically: true, encoding: .utf8)

        let plain = try StageHarness(KeywordsStage.self).run(corpus[0]).keywords
        let weighed = try StageHarness(KeywordsStage.self, options: ["document-frequencies": .string(path)]).run(corpus[0]).keywords
        func gain(_ phrase: String) throws -> Double {
            try #require(weighed.first { $0.phrase == phrase }).score / #require(plain.first { $0.phrase == phrase }).score
        }
        #expect(try gain("Russie") < gain("moscou"))
        #expect(try gain("moscou") < gain("réclame"))
    }
}
