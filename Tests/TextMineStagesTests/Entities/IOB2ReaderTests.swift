import Testing
import TextMineCore
import TextMineStages

@Suite("IOB2 TSV corpora")
struct IOB2ReaderTests {
    @Test("sentences are separated by blank lines and remember their first line")
    func readsSentences() throws {
        let sentences = try IOB2Reader.parse("Jean\tB-PER\nrit\tO\n\n\nParis\tB-LOC\n", file: "a.tsv")
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens == ["Jean", "rit"])
        #expect(sentences[0].tags == ["B-PER", "O"])
        #expect(sentences[1].line == 5)
    }

    @Test("a line with spaces instead of a tab is reported with its file and line")
    func spaceSeparatedLine() {
        #expect {
            try IOB2Reader.parse("Jean\tB-PER\nrit O\n", file: "a.tsv")
        } throws: { error in
            let d = error as? Diagnostic
            return d?.headline == "a.tsv:2: error: expected 2 tab-separated fields, found 1"
                && d?.hint == "separate the token and its tag with a tab, not spaces"
        }
    }

    @Test("a tag that is not IOB2 is reported at its column")
    func badTag() {
        #expect {
            try IOB2Reader.parse("\n\nJean\tPERSON\n", file: "b.tsv")
        } throws: { error in
            (error as? Diagnostic)?.headline == "b.tsv:3:6: error: 'PERSON' is not an IOB2 tag"
        }
    }

    @Test("a missing file is a diagnostic naming it")
    func missingFile() {
        #expect {
            try IOB2Reader.read(contentsOf: "/nonexistent/corpus.tsv")
        } throws: { error in
            (error as? Diagnostic)?.file == "/nonexistent/corpus.tsv"
        }
    }

    @Test("#every-N and #except-every-N split a file into held-out and training sentences")
    func selections() throws {
        let sentences = (1...25).map { TaggedSentence(tokens: ["w\($0)"], tags: ["O"]) }
        let heldOut = try CorpusSelection(parsing: "data.tsv#every-10").select(sentences)
        let training = try CorpusSelection(parsing: "data.tsv#except-every-10").select(sentences)
        #expect(heldOut.map(\.tokens) == [["w10"], ["w20"]])
        #expect(training.count == 23)
        #expect(Set(training.map(\.tokens)).isDisjoint(with: heldOut.map(\.tokens)))
        #expect(throws: CorpusSelectionError.self) { try CorpusSelection(parsing: "data.tsv#tenth") }
    }

    @Test("#last-P% and #except-last-P% split a file into a contiguous tail and what comes before")
    func contiguousSelections() throws {
        let sentences = (1...25).map { TaggedSentence(tokens: ["w\($0)"], tags: ["O"]) }
        let tail = try CorpusSelection(parsing: "data.tsv#last-10%")
        let head = try CorpusSelection(parsing: "data.tsv#except-last-10%")
        #expect(tail.select(sentences).map(\.tokens) == [["w24"], ["w25"]])
        #expect(head.select(sentences).map(\.tokens) == (1...23).map { ["w\($0)"] })
        #expect(tail.description == "data.tsv#last-10%")
        #expect(try CorpusSelection(parsing: "data.tsv#last-1%").select(sentences).map(\.tokens) == [["w25"]])
        #expect(throws: CorpusSelectionError.self) { try CorpusSelection(parsing: "data.tsv#last-10") }
        #expect(throws: CorpusSelectionError.self) { try CorpusSelection(parsing: "data.tsv#except-last-100%") }
    }

    @Test("#upper-every-N is every Nth sentence in capitals, tags unchanged")
    func uppercaseSelection() throws {
        let sentences = (1...4).map { TaggedSentence(tokens: ["Paris", "é\($0)"], tags: ["B-LOC", "O"]) }
        let selection = try CorpusSelection(parsing: "data.tsv#upper-every-2")
        #expect(selection.select(sentences).map(\.tokens) == [["PARIS", "É2"], ["PARIS", "É4"]])
        #expect(selection.select(sentences).map(\.tags) == [["B-LOC", "O"], ["B-LOC", "O"]])
        #expect(selection.description == "data.tsv#upper-every-2")
        #expect(try CorpusSelection(parsing: "data.tsv#upper-every-1").select(sentences).count == 4)
        #expect(throws: CorpusSelectionError.self) { try CorpusSelection(parsing: "data.tsv#upper-every-0") }
    }
}
