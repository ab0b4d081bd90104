import Foundation
import Testing
import TextMineTesting

@Suite("textmine frequencies", .enabled(if: TextMineProcess.executable != nil, "the textmine executable is built"))
struct FrequenciesCommandTests {
    @Test("counts the documents of every input format, and keywords read the file back")
    func countsAndFeedsKeywords() throws {
        let folder = try TemporaryFolder()
        let corpus = try folder.write("corpus.jsonl", """
            {"id": "a", "text": "La Russie réclame des garanties de sécurité. Moscou attend une réponse."}
            {"id": "b", "text": "La Russie masse des troupes à la frontière. Kiev demande le soutien de l’OTAN."}

            """)
        let path = folder.url.appendingPathComponent("df.tsv").path
        let counted = try TextMineProcess.run(["frequencies", "pipelines/french-news.yaml", "seeds", corpus, "-o", path])
        #expect(counted.status == 0)
        #expect(counted.stderr.contains("7 documents counted, 0 failed before the keywords step"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# textmine document frequencies: key, documents with the term, one way it is written\ndocuments\t7\n"))
        #expect(text.contains("\t7\tRussie\n"))

        let plain = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--no-timings", "--fields", "id,keywords"])
        let weighed = try TextMineProcess.run(["run", "pipelines/french-news.yaml", "seeds", "--no-timings", "--fields", "id,keywords",
                                               "--set", "keywords.document-frequencies=\(path)"])
        #expect(weighed.status == 0)
        #expect(plain.stdout != weighed.stdout)
    }

    @Test("a pipeline without a keywords step is a usage error")
    func needsKeywords() throws {
        let result = try TextMineProcess.run(["frequencies", "pipelines/minimal.yaml", "seeds"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("has no keywords step"))
    }
}
