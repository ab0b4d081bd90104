import Testing
import TextMineCore
import TextMineStages
import TextMineYAML

/// `Tests/SeedExpectations/expectations.yaml`: every `metadata`, `boilerplate` and `keep` item of
/// every seed, with the cleaning steps of `pipelines/french-news.yaml`.
@Suite("seed expectations: clean → metadata → boilerplate")
struct SeedExpectationTests {
    static let seeds = (try? SeedCorpus.ids()) ?? []

    @Test("there are five seeds with expectations")
    func seedsArePresent() throws {
        #expect(Self.seeds.count == 5)
        let expectations = try SeedCorpus.expectations()
        for id in Self.seeds { #expect(expectations[id] != nil, "no expectations for \(id)") }
    }

    @Test("metadata fields are extracted", arguments: seeds)
    func metadata(id: String) throws {
        let article = try SeedCorpus.processed(id)
        guard let expected = try SeedCorpus.expectations()[id]?["metadata"]?.mapping else { return }
        for pair in expected {
            let name = try #require(pair.key.scalar)
            let field = article.metadata[name]
            if let items = pair.value.sequence {
                let actual = field?.value.arrayValue?.compactMap(\.stringValue).map(comparable)
                #expect(actual == items.compactMap(\.scalar).map(comparable), "\(id): \(name)")
            } else {
                #expect(field?.value.stringValue.map(comparable) == pair.value.scalar.map(comparable), "\(id): \(name)")
            }
        }
    }

    @Test("boilerplate leaves the body: no letter of it maps to the clean text", arguments: seeds)
    func boilerplate(id: String) throws {
        let article = try SeedCorpus.processed(id)
        let surviving = survivingOriginalOffsets(article)
        let original = Array(article.originalText.unicodeScalars)
        for item in try SeedCorpus.expectations()[id]?["boilerplate"]?.sequence?.compactMap(\.scalar) ?? [] {
            let span = try #require(comparableSpan(of: item, in: article.originalText), "\(id): '\(item)' is not in the seed")
            let left = span.range.filter { surviving.contains($0) && original[$0].properties.isAlphabetic }
            #expect(left.isEmpty, "\(id): \(left.count) letters of '\(item)' remain in the body")
            #expect(!comparable(article.text).contains(comparable(item)), "\(id): '\(item)' remains")
        }
    }

    @Test("content is kept", arguments: seeds)
    func keep(id: String) throws {
        let article = try SeedCorpus.processed(id)
        let body = comparable(article.text)
        for item in try SeedCorpus.expectations()[id]?["keep"]?.sequence?.compactMap(\.scalar) ?? [] {
            #expect(body.contains(comparable(item)), "\(id): '\(item)' was removed")
        }
    }

    /// Offsets of the original text whose scalar is still in the clean text.
    private func survivingOriginalOffsets(_ article: Article) -> Set<Int> {
        var offsets: Set<Int> = []
        let count = article.text.unicodeScalars.count
        for offset in 0..<count {
            offsets.formUnion(article.originalSpan(of: Span(start: offset, end: offset + 1)).range)
        }
        return offsets
    }
}
