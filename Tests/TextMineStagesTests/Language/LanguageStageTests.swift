import Foundation
import Testing
import TextMineCore
import TextMineStages
import TextMineTesting

/// Sentences written for these tests (not from any corpus), one per language of the built-in model.
private let sentences: [(LanguageCode, String)] = [
    ("de", "Die Regierung hat am Dienstag neue Maßnahmen gegen die steigenden Preise angekündigt."),
    ("en", "The government announced new measures against rising prices on Tuesday."),
    ("es", "El gobierno anunció el martes nuevas medidas contra la subida de los precios."),
    ("fr", "Le gouvernement a annoncé mardi de nouvelles mesures contre la hausse des prix."),
    ("it", "Il governo ha annunciato martedì nuove misure contro l'aumento dei prezzi."),
    ("nl", "De regering heeft dinsdag nieuwe maatregelen aangekondigd tegen de stijgende prijzen."),
    ("pl", "Rząd ogłosił we wtorek nowe środki przeciwko rosnącym cenom."),
    ("pt", "O governo anunciou na terça-feira novas medidas contra o aumento dos preços."),
    ("ru", "Правительство во вторник объявило о новых мерах против роста цен."),
]

@Suite("language identification")
struct LanguageIdentifierTests {
    let model = try! LanguageModel.builtIn()

    @Test("each language of the built-in model, confidently")
    func knownLanguages() {
        for (language, sentence) in sentences {
            let found = model.identify(sentence)
            #expect(found.language == language, "\(sentence)")
            #expect(found.confidence > 0.95, "\(sentence): \(found.confidence)")
        }
    }

    /// Sentences written for these tests in languages the built-in model does not identify: most
    /// are close to one of its languages (Swedish and Danish to Dutch and German, Ukrainian and
    /// Bulgarian to Russian, Catalan to Spanish, Slovak and Croatian to Polish), which the model
    /// named with a confidence near 1 before it learned classes of other languages.
    static let otherLanguages: [(String, String)] = [
        ("fi", "Hallitus ilmoitti tiistaina uusista toimista nousevia hintoja vastaan."),
        ("fi", "Suomen talous kasvoi viime vuonna odotettua nopeammin, kertoo Tilastokeskus."),
        ("sv", "Regeringen presenterade på tisdagen nya åtgärder mot de stigande priserna."),
        ("sv", "Polisen söker vittnen efter en trafikolycka på motorvägen utanför Göteborg."),
        ("da", "Regeringen fremlagde tirsdag nye tiltag mod de stigende priser."),
        ("nb", "Regjeringen la tirsdag fram nye tiltak mot de økende prisene."),
        ("uk", "Уряд у вівторок оголосив нові заходи проти зростання цін."),
        ("uk", "Київська міська рада ухвалила бюджет на наступний рік."),
        ("bg", "Правителството обяви във вторник нови мерки срещу поскъпването на цените."),
        ("bg", "Българският парламент прие бюджета за следващата година."),
        ("id", "Pemerintah mengumumkan langkah-langkah baru untuk melawan kenaikan harga pada hari Selasa."),
        ("id", "Presiden meresmikan jembatan baru yang menghubungkan dua pulau di Indonesia timur."),
        ("ro", "Guvernul a anunțat marți noi măsuri împotriva creșterii prețurilor."),
        ("ca", "El govern va anunciar dimarts noves mesures contra la pujada dels preus."),
        ("sk", "Vláda v utorok oznámila nové opatrenia proti rastúcim cenám."),
        ("hr", "Vlada je u utorak najavila nove mjere protiv rasta cijena."),
        ("cs", "Vláda v úterý oznámila nová opatření proti rostoucím cenám."),
        ("hu", "A kormány kedden új intézkedéseket jelentett be az emelkedő árak ellen."),
        ("tr", "Hükümet salı günü yükselen fiyatlara karşı yeni önlemler açıkladı."),
        ("et", "Valitsus teatas teisipäeval uutest meetmetest hinnatõusu vastu."),
        ("lt", "Vyriausybė antradienį paskelbė naujas priemones prieš kylančias kainas."),
        ("vi", "Chính phủ đã công bố các biện pháp mới chống lại giá cả tăng cao vào thứ Ba."),
        // Close to Spanish, French and Dutch, or confidently mislabelled before classes had their text.
        ("oc", "Lo govèrn a anonciat dimars de mesuras novèlas contra la montada dels prèses."),
        ("af", "Die regering het Dinsdag nuwe maatreëls teen die stygende pryse aangekondig."),
        ("eu", "Gobernuak asteartean neurri berriak iragarri zituen prezioen igoeraren aurka."),
        ("cy", "Cyhoeddodd y llywodraeth fesurau newydd ddydd Mawrth yn erbyn prisiau cynyddol."),
        ("eo", "La registaro anoncis marde novajn rimedojn kontraŭ la altiĝantaj prezoj."),
    ]

    @Test("languages the model does not know are und with a low confidence, never a confident wrong label")
    func otherLanguages() {
        for (code, text) in Self.otherLanguages {
            let found = model.identify(text)
            #expect(found.language == .undetermined, "\(code): \(text): \(found.language) \(found.confidence)")
            #expect(found.confidence <= 0.2, "\(code): \(text)")
        }
    }

    @Test("the built-in model has classes of other languages, and they never come out as a language")
    func otherClasses() {
        #expect(model.others.count == 7)
        #expect(model.languages.count + model.others.count == 16)  // one SIMD row
        let found = model.identify("Regeringen presenterade på tisdagen nya åtgärder mot de stigande priserna.")
        #expect(found.best.map { model.languages.contains($0) } == true)
    }

    @Test("other scripts, digits, symbols and too little text are und with a low confidence")
    func undetermined() {
        let texts = [
            "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα κατά της αύξησης των τιμών.",  // Greek
            "政府周二宣布了应对物价上涨的新措施。",  // Chinese
            "12 345 678 90 2023-03-14 15:45",
            "€ % & * !!! ??? --- ### @@@ :-) ★★★",
            "ok",
            "",
        ]
        for text in texts {
            let found = model.identify(text)
            #expect(found.language == .undetermined, "\(text): \(found.language) \(found.confidence)")
            #expect(found.confidence <= 0.2, "\(text)")
        }
    }

    @Test("case, accents in capitals and punctuation do not change the answer")
    func normalisation() {
        #expect(model.identify("LE GOUVERNEMENT A ANNONCÉ MARDI DE NOUVELLES MESURES").language == "fr")
        #expect(model.identify("«Le gouvernement», a-t-il annoncé... mardi!!!").language == "fr")
        #expect(model.identify("ПРАВИТЕЛЬСТВО ОБЪЯВИЛО О НОВЫХ МЕРАХ").language == "ru")
    }

    @Test("discriminative passes fix what naive Bayes gets wrong on its own training text, the same way on every run")
    func refinement() throws {
        // A French text made of English words: naive Bayes, counting each class's text on its own,
        // takes it for English; the perceptron passes move its features towards French.
        let mixed = "prices: the new government measures"
        var examples: [LanguageTrainer.Example] = []
        for _ in 0..<10 {
            examples += sentences.filter { ["fr", "en"].contains($0.0) }.map { .init(lang: $0.0.code, text: $0.1) }
        }
        examples.append(.init(lang: "fr", text: mixed))
        var settings = LanguageTrainer.Settings()
        settings.rowBits = 12
        let naive = try LanguageTrainer(settings: settings).train(examples)
        #expect(naive.identify(mixed).best == "en")
        settings.epochs = 3
        settings.rate = 0.5
        let refined = try LanguageTrainer(settings: settings).train(examples)
        #expect(refined.identify(mixed).best == "fr")
        #expect(refined.identify(sentences[1].1).language == "en")
        #expect(refined.identify(sentences[3].1).language == "fr")
        #expect(try refined.fileData() == LanguageTrainer(settings: settings).train(examples).fileData())
    }

    /// Text in a made-up language: words of two syllables of `own`, and a share of words of
    /// `other`'s syllables.
    private static func madeUpText(_ own: [String], _ other: [String], share: Double, words: Int, seed: inout UInt64) -> String {
        func next(_ count: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(count))
        }
        return (0..<words).map { _ in
            let list = next(1000) < Int(share * 1000) ? other : own
            return list[next(list.count)] + list[next(list.count)]
        }.joined(separator: " ")
    }

    @Test("the closeness test: a label for text between two of the model's languages (a close relative) is unsure, the languages' own text stays sure")
    func closeness() throws {
        let first = ["ka", "lo", "mi", "tu", "re", "sa", "no", "pi"]
        let second = ["zo", "fe", "qui", "ba", "dy", "ne", "gha", "wu"]
        var seed: UInt64 = 7
        var examples: [LanguageTrainer.Example] = []
        for _ in 0..<600 {
            examples.append(.init(lang: "fi", text: Self.madeUpText(first, second, share: 0, words: 10, seed: &seed)))
            examples.append(.init(lang: "sv", text: Self.madeUpText(second, first, share: 0, words: 10, seed: &seed)))
        }
        var settings = LanguageTrainer.Settings()
        settings.rowBits = 12
        settings.surpriseLimit = 1000  // so that only the closeness test can doubt (the made-up words are too few for typicality)
        settings.unsureShare = 0
        let plain = try LanguageTrainer(settings: settings).train(examples)
        #expect(plain.header.marginFloor == nil && plain.header.surpriseCeiling == nil)
        settings.unsureShare = 0.01
        let tested = try LanguageTrainer(settings: settings).train(examples)
        #expect(tested.header.marginFloor?.count == 2 && tested.header.surpriseCeiling?.count == 2)
        let between = (0..<20).map { _ in Self.madeUpText(first, second, share: 0.35, words: 12, seed: &seed) }
        #expect(between.filter { plain.identify($0).confidence >= 0.8 }.count >= 15)  // what the test is for
        for text in between {
            let found = tested.identify(text)
            #expect(found.language == plain.identify(text).language, "the label stays")
            #expect(found.confidence <= LanguageModel.unsureConfidence, "\(text): \(found.confidence)")
        }
        let own = (0..<100).map { _ in Self.madeUpText(first, second, share: 0, words: 10, seed: &seed) }
        // The bounds leave about 1 % of the language's own texts below each (the share asked for).
        let sure = own.filter { tested.identify($0).language == "fi" && tested.identify($0).confidence >= 0.8 }.count
        #expect(sure >= 90, "\(sure)")
        #expect(try tested.fileData() == LanguageTrainer(settings: settings).train(examples).fileData())
    }

    @Test("a trained model survives its file, and a file that is no model is a clear error")
    func training() throws {
        var examples: [LanguageTrainer.Example] = []
        for _ in 0..<3 {
            examples += sentences.filter { ["fr", "en"].contains($0.0) }.map { .init(lang: $0.0.code, text: $0.1) }
        }
        var settings = LanguageTrainer.Settings()
        settings.rowBits = 12
        let trained = try LanguageTrainer(settings: settings).train(examples)
        #expect(trained.languages == ["en", "fr"])  // in order of first appearance
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("langid-test-\(UUID()).tmlid").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try trained.fileData().write(to: URL(fileURLWithPath: path))
        let read = try LanguageModel(contentsOf: path)
        #expect(read.header == trained.header)
        #expect(read.identify("mesures contre la hausse des prix") == trained.identify("mesures contre la hausse des prix"))
        #expect(read.identify("mesures contre la hausse des prix").best == "fr")

        // Texts of other languages: their class makes the model say `und` for them.
        let others = [
            LanguageTrainer.Example(lang: "es", text: "El gobierno anunció el martes nuevas medidas contra la subida de los precios.", group: "romance"),
            LanguageTrainer.Example(lang: "it", text: "Il governo ha annunciato martedì nuove misure contro l'aumento dei prezzi.", group: "romance"),
        ]
        let withOthers = try LanguageTrainer(settings: settings).train(examples, others: others + others + others)
        #expect(withOthers.languages == ["en", "fr"])
        #expect(withOthers.others == ["romance"])
        let spanish = withOthers.identify("nuevas medidas contra la subida de los precios")
        #expect(spanish.language == .undetermined)
        #expect(spanish.confidence < 0.5)
        #expect(withOthers.identify("mesures contre la hausse des prix").language == "fr")
        try withOthers.fileData().write(to: URL(fileURLWithPath: path))
        #expect(try LanguageModel(contentsOf: path).header == withOthers.header)
        #expect(throws: StageError.self) {
            try LanguageTrainer(settings: settings).train(examples, others: [.init(lang: "fr", text: "bonjour à tous")])
        }

        try Data("not a model".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StageError.self) { try LanguageModel(contentsOf: path) }
        #expect(throws: StageError.self) { try LanguageTrainer().train([.init(lang: "fr", text: "bonjour")]) }
        #expect(throws: StageError.self) { try LanguageTrainer().train([.init(lang: "French", text: "bonjour")]) }
    }
}

@Suite("language stage")
struct LanguageStageTests {
    @Test("the detected language replaces the declared one when sure, which stays otherwise")
    func detectedOrDeclared() throws {
        let harness = try StageHarness(LanguageStage.self)
        let english = try harness.run(sentences[1].1, language: "fr")
        #expect(english.language == "en")
        #expect(english[layer: LanguageLayer.self]?.used == "detected")
        #expect(english[layer: LanguageLayer.self]?.declared == "fr")

        let short = try harness.run("Paris", language: "fr")
        #expect(short.language == "fr")
        #expect(short[layer: LanguageLayer.self]?.used == "declared")

        let finnish = try harness.run("Suomen talous kasvoi viime vuonna odotettua nopeammin, kertoo Tilastokeskus.")
        #expect(finnish.language == .undetermined)
        #expect(finnish[layer: LanguageLayer.self]?.used == "undetermined")

        // A Swedish article declared French stays French: the detection (und) is not sure.
        let swedish = try harness.run("Polisen söker vittnen efter en trafikolycka på motorvägen utanför Göteborg.", language: "fr")
        #expect(swedish.language == "fr")
        #expect(swedish.layers["language"]?.objectValue?["detected"]?.stringValue == "und")
    }

    @Test("blocks: each line's language and confidence")
    func blocks() throws {
        let harness = try StageHarness(LanguageStage.self, options: ["blocks": true])
        let text = sentences[3].1 + "\n\n" + sentences[1].1 + "\n" + sentences[3].1
        let article = try harness.run(text)
        #expect(article.language == "fr")
        let blocks = try #require(article[layer: LanguageLayer.self]?.blocks)
        #expect(blocks.map(\.language) == ["fr", "en", "fr"])
        let start = sentences[3].1.unicodeScalars.count + 2
        #expect(blocks[1].span == [start, start + sentences[1].1.unicodeScalars.count])
        // The stored JSON keeps its published shape: the span as a two-number list.
        #expect(article.layers["language"]?.objectValue?["blocks"]?.arrayValue?[1].objectValue?["span"] == .array([.int(start), .int(blocks[1].span[1])]))
    }

    @Test("a model option that is no model names the option")
    func badModel() {
        #expect(throws: StageError.self) { try StageHarness(LanguageStage.self, options: ["model": "/nonexistent.tmlid"]) }
    }
}
