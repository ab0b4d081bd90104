import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

@Suite("boilerplate stage")
struct BoilerplateStageTests {
    let chain: [StageHarness]

    init() throws { chain = try cleaningChain() }

    static let frenchContent = [
        "Le ministre des Affaires étrangères a déclaré jeudi que les négociations reprendraient la semaine prochaine à Genève, malgré les tensions.",
        "Selon lui, les deux parties se sont mises d'accord sur un calendrier et sur la nécessité de poursuivre le dialogue avec les alliés européens.",
        "Les observateurs restent prudents et estiment qu'il faudra du temps avant que la situation ne s'améliore sur le terrain.",
    ]

    @Test("French boilerplate that is not in the seeds is removed", arguments: [
        "Lire aussi : Les dix dates clés de la crise",
        "Partager sur Facebook",
        "Abonnez-vous à notre newsletter",
        "Tous droits réservés",
        "© 2022 Le Quotidien. Tous droits réservés.",
        "Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.",
        "Publié le 12/01/2022 à 10h00 Mis à jour le 13/01/2022 à 08h15",
        "Crédit photo : AFP",
        "Laissez un commentaire",
        "GALERIE PHOTO",
    ])
    func frenchBoilerplate(line: String) throws {
        #expect(try expectRemoved(line, between: Self.frenchContent, language: "fr").removals.count == 1)
    }

    /// Runs `line` between the first and the other paragraphs of `content` and expects it removed,
    /// and nothing else.
    @discardableResult
    func expectRemoved(_ line: String, between content: [String], language: LanguageCode,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
        let text = [content[0], line, content[1], content[2]].joined(separator: "\n\n")
        let article = try process(Article(id: "t", text: text, language: language), through: chain)
        #expect(article.text == content.prefix(3).joined(separator: "\n\n"), sourceLocation: sourceLocation)
        return article
    }

    /// Runs `line` between the first two paragraphs of `content` and expects the text unchanged.
    func expectKept(_ line: String, between content: [String], language: LanguageCode,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = [content[0], line, content[1]].joined(separator: "\n\n")
        let article = try process(Article(id: "t", text: text, language: language), through: chain)
        #expect(article.text == text, sourceLocation: sourceLocation)
    }

    static let englishContent = [
        "The foreign minister said on Thursday that the negotiations would resume next week in Geneva, despite the tensions.",
        "According to him, both sides agreed on a timetable and on the need to keep talking with their European allies.",
        "Observers remain cautious and think it will take time before the situation improves on the ground.",
    ]

    @Test("English boilerplate is removed", arguments: [
        "Read more: Ten key dates of the crisis",
        "Share on Twitter",
        "Sign up for our newsletter",
        "Copyright 2022 Reuters. All rights reserved.",
        "This website uses cookies to improve your experience. By continuing to browse, you accept their use.",
        "Published January 12, 2022 Updated January 13, 2022",
        "Photo credit: Reuters",
        "Leave a comment",
        "You might also like",
        "Advertisement",
        "Sign up for our Evening Briefing newsletter",
        "Get the Morning Digest newsletter in your inbox every weekday",
        "Share this story",
        "Related: Ministers meet again in Brussels",
        "Related Topics",
        "More on this story",
        "View 24 comments",
        "Image caption, The minister spoke to reporters in Geneva on Thursday",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "© 2023 Example News. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ])
    func englishBoilerplate(line: String) throws {
        try expectRemoved(line, between: Self.englishContent, language: "en")
    }

    static let germanContent = [
        "Der Außenminister sagte am Donnerstag, die Verhandlungen würden in der kommenden Woche in Genf fortgesetzt, trotz der Spannungen.",
        "Nach seinen Worten haben sich beide Seiten auf einen Zeitplan und auf die Notwendigkeit geeinigt, mit den europäischen Partnern zu sprechen.",
        "Beobachter bleiben vorsichtig und glauben, dass es noch dauern wird, bis sich die Lage vor Ort verbessert.",
    ]

    @Test("German boilerplate is removed", arguments: [
        "Artikel teilen",
        "Auf Facebook teilen",
        "Anzeige",
        "Newsletter abonnieren",
        "Jetzt den Newsletter bestellen und nichts mehr verpassen",
        "Lesen Sie auch: Warum die Gespräche so schwierig sind",
        "Mehr zum Thema",
        "Kommentare anzeigen",
        "© 2023 Beispielverlag GmbH. Alle Rechte vorbehalten.",
    ])
    func germanBoilerplate(line: String) throws {
        try expectRemoved(line, between: Self.germanContent, language: "de")
    }

    @Test("English content that mentions boilerplate words is kept", arguments: [
        "The minister said voters should sign up for the party's newsletter before the deadline, which angered the opposition.",
        "Critics said the advertisement, which ran on television for three weeks, misled viewers about the cost of the plan.",
        "He asked the committee to view comments made by the company's chief executive in 2019 as a breach of the rules.",
    ])
    func englishContentMentioningBoilerplateWords(line: String) throws {
        try expectKept(line, between: Self.englishContent, language: "en")
    }

    @Test("content that mentions boilerplate words is kept", arguments: [
        "Le ministre a reconnu qu'il fallait partager sur Facebook des informations vérifiées, et non des rumeurs.",
        "Il a invité les lecteurs à lire aussi les rapports officiels publiés par le gouvernement la semaine dernière.",
        "La société a précisé que tous droits réservés aux auteurs seraient respectés dans le nouveau contrat signé lundi.",
        "Les autorités ont expliqué que ce site utilise des cookies depuis 2019, ce qui a provoqué une enquête de la CNIL.",
        "Les abonnés ont été nombreux à laisser un commentaire indigné sous la publication du ministère jeudi soir.",
    ])
    func contentMentioningBoilerplateWords(line: String) throws {
        try expectKept(line, between: Self.frenchContent, language: "fr")
    }

    @Test("a short line between content paragraphs is kept; English noise in a French article is not")
    func shortLinesAndOtherLanguage() throws {
        let text = [Self.frenchContent[0], "« pas d'alarme »", Self.frenchContent[1],
                    "Coffee addict. Lifelong alcohol fanatic. Typical travel expert. Prone to bouts of apathy."].joined(separator: "\n\n")
        let article = try process(text, through: chain)
        #expect(article.text == [Self.frenchContent[0], "« pas d'alarme »", Self.frenchContent[1]].joined(separator: "\n\n"))
        #expect(article.language == "fr")
        #expect(article.removals.last?.reason == "boilerplate: other-language")
        #expect(article.blocks.map(\.role) == [.body, .heading, .body])
    }

    @Test("subscription appeals glued to the last paragraph are trimmed sentence by sentence")
    func trailingSentences() throws {
        let paragraph = Self.frenchContent.joined(separator: " ")
            + " En vous abonnant, vous pouvez nous aider à raconter l'histoire. ABONNEZ-VOUS MAINTENANT"
        let article = try process(Self.frenchContent[0] + "\n\n" + paragraph, through: chain)
        #expect(article.text == Self.frenchContent[0] + "\n\n" + Self.frenchContent.joined(separator: " "))
        #expect(article.removals.map(\.reason) == ["boilerplate: subscribe", "boilerplate: subscribe"])
    }

    @Test("a repeated title is removed")
    func titleRepeat() throws {
        let title = "Les négociations reprendront la semaine prochaine à Genève"
        let article = try process([title, Self.frenchContent[0], Self.frenchContent[1], title].joined(separator: "\n\n"), through: chain)
        #expect(article.field("title") == title)
        #expect(article.text == Self.frenchContent[0] + "\n\n" + Self.frenchContent[1])
        #expect(article.removals.last?.reason == "boilerplate: title-repeat")
    }

    @Test("explain: true stores every decision with score, reason and features")
    func explain() throws {
        let stage = try makeStage(BoilerplateStage.self, ["explain": true])
        let article = try process("Share Post:\n\n" + Self.frenchContent[0], through: [stage])
        let explanation = try #require(article[layer: BoilerplateExplanation.self])
        #expect(explanation.entries.count == 2)
        #expect(explanation.entries[0].decision.reason == "boilerplate: share")
        #expect(explanation.entries[0].original == Span(start: 0, end: 11))
        #expect(explanation.entries[1].decision.isBoilerplate == false)
        #expect(explanation.entries[1].decision.features.stopwordDensity ?? 0 > 0.3)
    }

    @Test("aggressiveness moves the threshold")
    func aggressiveness() throws {
        let doubtful = "Voir le programme complet"
        let text = [doubtful, Self.frenchContent[0]].joined(separator: "\n\n")
        let gentle = try process(text, through: [try makeStage(BoilerplateStage.self, ["aggressiveness": 0, "smoothing": false])])
        let harsh = try process(text, through: [try makeStage(BoilerplateStage.self, ["aggressiveness": 1, "smoothing": false])])
        #expect(gentle.text.hasPrefix(doubtful))
        #expect(!harsh.text.hasPrefix(doubtful))
    }

    @Test("an article that is all boilerplate ends empty and flagged")
    func allBoilerplate() throws {
        let article = try process("Share Post:\n\nStay Connected\n\nLaisser un commentaire", through: chain)
        #expect(article.text.isEmpty)
        #expect(article.metadata["empty-body"]?.value == true)
        #expect(article.removals.count == 3)
    }

    @Test("an empty article stays empty and is not flagged")
    func emptyArticle() throws {
        let article = try process("", through: chain)
        #expect(article.text.isEmpty)
        #expect(article.metadata.isEmpty)
    }

    @Test("a 10 MB single line is processed in linear time")
    func hugeSingleLine() throws {
        let sentence = "Le ministre a déclaré que la réunion de Genève aurait lieu demain matin avec les alliés. "
        let text = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count) + "ABONNEZ-VOUS MAINTENANT"
        let article = try process(text, through: [try makeStage(BoilerplateStage.self)])
        #expect(article.text.utf8.count > 9_900_000)
        #expect(article.removals.map(\.reason) == ["boilerplate: subscribe"])
    }

    @Test("the classifier is reusable on plain text blocks")
    func classifierOnStrings() throws {
        let classifier = BoilerplateClassifier(library: try PackLibrary(userPacks: []))
        let decisions = classifier.classify(["Share Post:", Self.frenchContent[0], "You might also enjoy"], language: "fr", title: nil)
        #expect(decisions.map(\.isBoilerplate) == [true, false, true])
    }

    @Test("a subheading before content is kept; one before boilerplate is not")
    func subheadings() throws {
        let heading = "Pakistan says it shot down five Indian fighter jets"
        let text = [Self.englishContent[0], heading, Self.englishContent[1], Self.englishContent[2]].joined(separator: "\n\n")
        var article = Article(id: "t", text: text, language: "en")
        article = try process(article, through: chain)
        #expect(article.text == text)
        let decisions = try BoilerplateClassifier(library: PackLibrary(userPacks: []))
            .classify([Self.englishContent[0], heading, "Share on Twitter"], language: "en", title: nil)
        #expect(decisions.map(\.isBoilerplate) == [false, true, true])
    }

    @Test("one stopword of another language does not make a line foreign")
    func singleForeignStopword() throws {
        // `s` (of Pakistan's) is a French stopword.
        let line = "Pakistan's Sharif convenes national security committee"
        let text = [Self.englishContent[0], line, Self.englishContent[1]].joined(separator: "\n\n")
        var article = Article(id: "t", text: text, language: "en")
        article = try process(article, through: chain)
        #expect(!article.removals.contains { $0.reason == "boilerplate: other-language" })
    }

    @Test("a Japanese paragraph is long content, not a one-word line")
    func japaneseWords() throws {
        let paragraph = "停戦に向けた交渉が大詰めを迎える中、バイデン米大統領は13日、カタールの首長と電話で協議した。"
        let decisions = try BoilerplateClassifier(library: PackLibrary(userPacks: []))
            .classify([paragraph], language: "ja", title: nil)
        #expect(decisions[0].features.words > 30)
        #expect(!decisions[0].isBoilerplate)
    }

    @Test("the language is guessed only from enough stopwords")
    func languageGuess() throws {
        let classifier = try BoilerplateClassifier(library: PackLibrary(userPacks: []))
        #expect(classifier.guessLanguage(of: Self.frenchContent.joined(separator: "\n")) == "fr")
        #expect(classifier.guessLanguage(of: Self.englishContent.joined(separator: "\n")) == "en")
        let filler = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
        #expect(classifier.guessLanguage(of: filler) == nil)
    }

    @Test("block counts stay exact past 65,535 characters")
    func longBlockCounts() throws {
        let text = Array(String(repeating: "Le Dé, ", count: 12_000).utf8)
        let counts = BlockCounts(text, 0..<text.count, library: try PackLibrary(userPacks: []))
        #expect(counts.letters == 48_000)
        #expect(counts.capitals == 24_000)
        #expect(counts.punctuation == 12_000)
        #expect(counts.visible == 60_000)
        #expect(counts.profile.words == 24_000)
        #expect(counts.profile.hits[try #require(PackLibrary(userPacks: []).languages.firstIndex(of: "fr"))] == 12_000)
    }

    @Test("paragraphs are split for trimming only when their marks allow three sentences", arguments: [
        ("Le ministre a parlé. Il est parti. Fin.", true),
        ("« Nous partons. » Il a dit : « Non ! » Puis il est parti.", true),
        ("Il a dit \"non.\" Puis il est parti.\" Enfin\" il revint.", true),
        ("Première ligne sans point\nDeuxième ligne\nTroisième ligne", true),
        ("Il attend… Elle arrive？ Ils partent。", true),
        ("Le prix est de 3.5 euros et M. Dupont le paie.", true),  // the splitter decides
        ("Deux phrases ici. La seconde finit par un guillemet. »", false),
        ("Une seule phrase, longue, sans fin marquée", false),
        ("Deux phrases. La seconde finit ici !?! » )", false),
        ("Fin avec guillemet glué.\" Suite.", false),
    ])
    func sentenceMarkBound(paragraph: String, mayHold: Bool) throws {
        let library = try PackLibrary(userPacks: [])
        let bytes = Array(paragraph.utf8)
        let marks = BlockCounts(bytes, 0..<bytes.count, library: library).sentenceMarks
        #expect(SentenceTrimming.mayHoldMinimumSentences(bytes, 0..<bytes.count, marks: marks) == mayHold)
        // The bound never rules out a paragraph the splitter cuts into three sentences or more.
        let sentences = SentenceSplitter(language: "fr").split(ScalarText(paragraph))
        if sentences.count >= SentenceTrimming.minimumSentences { #expect(mayHold) }
    }

    @Test("every option is documented")
    func optionsAreDocumented() {
        for spec in BoilerplateStage.description.options.specs { #expect(spec.doc.count > 20, "option \(spec.name)") }
    }
}
