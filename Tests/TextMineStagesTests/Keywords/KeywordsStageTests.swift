import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

@Suite("keywords stage")
struct KeywordsStageTests {
    let sentences = [
        "La Russie réclame des garanties de sécurité aux États-Unis et à l’OTAN.",
        "Washington a répondu par écrit aux exigences de Moscou sur les garanties de sécurité.",
        "Le Kremlin estime que ses préoccupations n’ont pas été prises en compte.",
        "Les garanties de sécurité restent au cœur des discussions entre la Russie et l’OTAN.",
        "Des troupes russes sont massées à la frontière de l’Ukraine, selon Washington.",
    ]

    func run(_ options: [String: JSONValue] = [:], entities: [Entity] = []) throws -> [Keyword] {
        var article = summarizeArticle(sentences)
        article.entities = entities
        return try StageHarness(KeywordsStage.self, options: options).run(article).keywords
    }

    @Test("multi-word phrases with 'de' inside are found, with every occurrence's span")
    func frenchPhrases() throws {
        let keywords = try run()
        let phrase = try #require(keywords.first { $0.phrase == "garanties de sécurité" })
        #expect(phrase.spans.count == 3)
        let text = sentences.joined(separator: " ")
        for span in phrase.spans {
            #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.range])).lowercased() == "garanties de sécurité")
        }
        #expect(keywords.prefix(3).contains { $0.phrase == "garanties de sécurité" })
    }

    @Test("scores are kept and sorted best first; count limits the list")
    func scoresAndCount() throws {
        let keywords = try run(["count": 4])
        #expect(keywords.count == 4)
        #expect(keywords.map(\.score) == keywords.map(\.score).sorted(by: >))
        #expect(keywords.allSatisfy { $0.score > 0 })
    }

    @Test("phrases never start or end with a stopword nor cross punctuation")
    func phraseBoundaries() throws {
        let keywords = try run(["count": 100])
        let stopwords: Set<String> = ["de", "des", "la", "le", "les", "à", "et", "l", "aux", "sur"]
        for keyword in keywords {
            let words = keyword.phrase.lowercased().split { $0 == " " || $0 == "’" }
            #expect(!stopwords.contains(String(words.first!)) && !stopwords.contains(String(words.last!)), "\(keyword.phrase)")
            #expect(!keyword.phrase.contains(","), "\(keyword.phrase)")
        }
        // A phrase found only inside a better one is not listed again.
        #expect(!keywords.contains { $0.phrase == "garanties" })
    }

    @Test("named entities can be excluded or boosted")
    func entities() throws {
        let text = sentences.joined(separator: " ")
        let scalars = Array(text.unicodeScalars)
        var entities: [Entity] = []
        for name in ["Russie", "Washington"] {
            let needle = Array(name.unicodeScalars)
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                entities.append(Entity(span: Span(start: start, end: start + needle.count), text: name, label: "LOC",
                                       canonical: name, confidence: 1, step: "test"))
            }
        }
        let kept = try run(["count": 100])
        let excluded = try run(["count": 100, "entities": "exclude"], entities: entities)
        let boosted = try run(["count": 100, "entities": "boost"], entities: entities)
        #expect(kept.contains { $0.phrase == "Washington" })
        #expect(!excluded.contains { $0.phrase == "Washington" || $0.phrase == "Russie" })
        let keptScore = try #require(kept.first { $0.phrase == "Washington" }?.score)
        let boostedScore = try #require(boosted.first { $0.phrase == "Washington" }?.score)
        #expect(boostedScore == keptScore * 2)
    }

    @Test("English stopwords and 'of' phrases")
    func english() throws {
        let article = summarizeArticle([
            "The Department of State said the talks would resume on Monday.",
            "Officials at the Department of State expect a written answer from Moscow.",
            "Moscow wants security guarantees before any talks.",
        ], language: "en")
        let keywords = try StageHarness(KeywordsStage.self).run(article).keywords
        #expect(keywords.contains { $0.phrase == "Department of State" })
        #expect(!keywords.contains { ["the", "of", "would"].contains($0.phrase.lowercased()) })
    }

    @Test("mentions of one entity make one keyword, in the canonical form, with every mention's span")
    func entityKeywords() throws {
        let sentences = [
            "Le président russe Vladimir Poutine a appelé Emmanuel Macron vendredi.",
            "Poutine a dit au président français que la Russie étudierait les réponses.",
            "Selon le Kremlin, Poutine attend des garanties de sécurité.",
            "Les demandes russes portent sur les garanties de sécurité en Europe.",
        ]
        var article = summarizeArticle(sentences)
        let scalars = Array(sentences.joined(separator: " ").unicodeScalars)
        for (name, canonical) in [("Vladimir Poutine", "Vladimir Poutine"), ("Poutine", "Vladimir Poutine"), ("Emmanuel Macron", "Emmanuel Macron"),
                                  ("Kremlin", "Kremlin"), ("Russie", "Russie"), ("Europe", "Europe")] {
            let needle = Array(name.unicodeScalars)
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                if article.entities.contains(where: { $0.span.start <= start && start + needle.count <= $0.span.end }) { continue }
                article.entities.append(Entity(span: Span(start: start, end: start + needle.count), text: name, label: "PER",
                                               canonical: canonical, confidence: 1, step: "test"))
            }
        }
        let keywords = try StageHarness(KeywordsStage.self, options: ["count": 100]).run(article).keywords
        let phrases = keywords.map(\.phrase)
        #expect(phrases.filter { $0.contains("Poutine") } == ["Vladimir Poutine"], "\(phrases)")
        #expect(keywords.first { $0.phrase == "Vladimir Poutine" }?.spans.count == 3)
        #expect(!phrases.contains("russe") && !phrases.contains("russes") && !phrases.contains("français"), "\(phrases)")
        #expect(phrases.contains("garanties de sécurité"))
    }

    /// Entities for every occurrence of each name, with the given canonical name.
    func mentions(_ names: [(name: String, canonical: String, label: String)], in sentences: [String]) -> [Entity] {
        let scalars = Array(sentences.joined(separator: " ").unicodeScalars)
        var entities: [Entity] = []
        for (name, canonical, label) in names {
            let needle = Array(name.unicodeScalars)
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                if entities.contains(where: { $0.span.start <= start && start + needle.count <= $0.span.end }) { continue }
                entities.append(Entity(span: Span(start: start, end: start + needle.count), text: name, label: label,
                                       canonical: canonical, confidence: 1, step: "test"))
            }
        }
        return entities.sorted { $0.span.start < $1.span.start }
    }

    @Test("names of one entity that the article links apart make one keyword under the entity's canonical name")
    func entityAliases() throws {
        let sentences = [
            "La Fédération de Russie a transmis ses demandes à l’OTAN et aux États-Unis.",
            "La Russie attend une réponse écrite de l’OTAN avant la fin du mois.",
            "Selon la Russie, l’OTAN ne tient pas compte de ses garanties de sécurité.",
            "Les garanties de sécurité demandées par la Fédération de Russie restent sans réponse.",
        ]
        var article = summarizeArticle(sentences)
        // As the entities stage links them inside one article: the long name of Russia apart from the
        // short one, and the acronym alone (its long form is not in the text).
        article.entities = mentions([("Fédération de Russie", "Fédération de Russie", "LOC"), ("Russie", "Russie", "LOC"),
                                     ("OTAN", "OTAN", "ORG"), ("États-Unis", "États-Unis", "LOC")], in: sentences)
        let keywords = try StageHarness(KeywordsStage.self, options: ["count": 100]).run(article).keywords
        let phrases = keywords.map(\.phrase)
        #expect(phrases.filter { $0.contains("Russie") } == ["Russie"], "\(phrases)")
        #expect(keywords.first { $0.phrase == "Russie" }?.spans.count == 4)
        #expect(!phrases.contains("OTAN"), "\(phrases)")
        #expect(phrases.contains("Organisation du Traité de l'Atlantique Nord"), "\(phrases)")
        // Without merging, the names stay as the article writes them.
        let unmerged = try StageHarness(KeywordsStage.self, options: ["count": 100, "merge-entities": false]).run(article).keywords
        #expect(unmerged.contains { $0.phrase == "OTAN" })
    }

    @Test("calendar words, quantities, adverbs and adjectives before their noun are no keywords on their own")
    func loneWords() throws {
        let french = summarizeArticle([
            "Lundi, la Russie a proposé une nouvelle rencontre, non officielle, aux États-Unis.",
            "Cette nouvelle rencontre aurait lieu en mars, non loin de Genève.",
            "Les États-Unis n’ont pas répondu lundi, mais une nouvelle fois la Russie insiste.",
            "En mars, deux diplomates avaient déjà évoqué une nouvelle rencontre à Genève.",
        ])
        let frenchPhrases = try StageHarness(KeywordsStage.self, options: ["count": 100]).run(french).keywords.map { $0.phrase.lowercased() }
        for word in ["non", "nouvelle", "lundi", "mars", "deux"] { #expect(!frenchPhrases.contains(word), "\(frenchPhrases)") }
        #expect(frenchPhrases.contains("nouvelle rencontre"), "\(frenchPhrases)")
        #expect(frenchPhrases.contains("genève"), "\(frenchPhrases)")

        let english = summarizeArticle([
            "On Tuesday, the ministers met in Geneva to discuss the March agreement.",
            "The agreement signed in March will be reviewed on Tuesday by the ministers.",
            "Ministers said on Tuesday that the agreement of March still holds in Geneva.",
        ], language: "en")
        let englishPhrases = try StageHarness(KeywordsStage.self, options: ["count": 100]).run(english).keywords.map(\.phrase)
        #expect(!englishPhrases.contains("Tuesday") && !englishPhrases.contains("March"), "\(englishPhrases)")
        #expect(englishPhrases.contains("Geneva"), "\(englishPhrases)")
        // drop-weak off keeps them.
        let kept = try StageHarness(KeywordsStage.self, options: ["count": 100, "drop-weak": false]).run(english).keywords.map(\.phrase)
        #expect(kept.contains("Tuesday"), "\(kept)")
    }

    @Test("an empty article has no keywords")
    func empty() throws {
        #expect(try StageHarness(KeywordsStage.self).run(Article(id: "e", text: "")).keywords.isEmpty)
    }
}
