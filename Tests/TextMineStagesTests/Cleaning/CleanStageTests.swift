import Testing
import TextMineCore
@testable import TextMineStages
import TextMineTesting

@Suite("clean stage")
struct CleanStageTests {
    let clean: StageHarness

    init() throws { clean = try makeStage(CleanStage.self) }

    /// Texts and what the default cleaning makes of them, compared scalar by scalar (`String`'s
    /// `==` would take a decomposed `é` for a composed one).
    static let cleaned: [(raw: String, clean: String)] = [
        // Mojibake from UTF-8 read as Windows-1252 is repaired.
        ("Le prÃ©sident dÃ©clare Â« non Â» lâ€™Ã©tÃ©", "Le président déclare « non » l'été"),
        // An accented letter before a no-break space and a guillemet is not mojibake.
        ("une « possibilité\u{A0}» réelle", "une « possibilité\u{A0}» réelle"),
        // Text is composed to NFC and invisible characters are dropped.
        ("Cafe\u{301}\u{200B} soft\u{AD}hyphen\u{FEFF} emoji\u{200D}joined", "Café softhyphen emoji\u{200D}joined"),
        // White space is collapsed; no-break spaces stay where French typography puts them.
        ("  Il a dit\u{A0}: «\u{A0} non\u{A0} »  et\u{A0}READ\u{A0} ceci.\r\n\r\n\r\n\nSuite\t ici.  \n",
         "Il a dit\u{A0}: «\u{A0}non\u{A0}» et READ ceci.\n\nSuite ici."),
        // Apostrophes and curly quotes are normalised; guillemets are kept.
        ("l’OTAN “cite” « dit »", "l'OTAN \"cite\" « dit »"),
        // Words broken by a hyphen and a space are rejoined, suspended hyphens are kept.
        ("serait de- escalade", "serait de-escalade"),
        ("les pré- et post-opératoires, pro- Russie", "les pré- et post-opératoires, pro- Russie"),
        // Paragraphs glued without a space are split; abbreviations and addresses are not.
        ("les Pyrénées.Alors que", "les Pyrénées.\nAlors que"),
        ("M.Lavrov, U.S.Army et www.site.Fr", "M.Lavrov, U.S.Army et www.site.Fr"),
    ]

    @Test("the default cleaning: mojibake, NFC, invisible characters, white space, quotes, hyphens, glued paragraphs",
          arguments: 0..<cleaned.count)
    func defaultCleaning(case index: Int) throws {
        let (raw, clean) = Self.cleaned[index]
        let article = try process(raw, through: [self.clean])
        #expect(article.text.unicodeScalars.elementsEqual(clean.unicodeScalars), "\(article.text)")
    }

    @Test("text garbled twice is repaired completely, and the original stays mapped")
    func repairsDoubleMojibake() throws {
        // UTF-8 read as Windows-1252, twice: `é` → `Ã©` → `ÃƒÂ©`.
        let article = try process("Le prÃƒÂ©sident a dÃƒÂ©clarÃƒÂ© lÃ¢â‚¬â„¢ÃƒÂ©tÃƒÂ©", through: [clean])
        #expect(article.text == "Le président a déclaré l'été")
        let span = try #require(article.text.unicodeScalars.firstIndex(of: "é").map { article.text.unicodeScalars.distance(from: article.text.unicodeScalars.startIndex, to: $0) })
        let original = article.originalSpan(of: Span(start: span, end: span + 1))
        #expect(Array(article.originalText.unicodeScalars)[original.range].map(String.init).joined() == "ÃƒÂ©")
    }

    @Test("with nbsp: space every no-break space becomes a space")
    func nbspAsSpace() throws {
        let stage = try makeStage(CleanStage.self, ["nbsp": "space"])
        #expect(try process("Quoi\u{A0}? «\u{A0}oui\u{A0}»", through: [stage]).text == "Quoi ? « oui »")
    }

    @Test("apostrophes and curly quotes can be kept")
    func quotes() throws {
        let keep = try makeStage(CleanStage.self, ["apostrophes": false, "quotes": false])
        #expect(try process("l’OTAN “cite”", through: [keep]).text == "l’OTAN “cite”")
    }

    @Test("debris between sentences is removed into removals; ellipses and etc., are kept")
    func debris() throws {
        let article = try process("la frontière ukrainienne. .\nSelon le Kremlin, Dmitri Peskov. , a rapporté Reuters.\n\nUNE La BBC a fait un résumé.", through: [clean])
        #expect(article.text == "la frontière ukrainienne.\nSelon le Kremlin, Dmitri Peskov, a rapporté Reuters.\n\nLa BBC a fait un résumé.")
        #expect(article.removals.map(\.text) == [" .", ". ", "UNE "])
        #expect(article.removals.allSatisfy { $0.reason == "clean: debris" })
        let kept = "Il hésite... Puis. . . rien, etc., et « oui ». Fin.\nLE MONDE titre. UN La"
        #expect(try process(kept, through: [clean]).text == kept)
        let off = try makeStage(CleanStage.self, ["debris": false])
        #expect(try process("fin. . Selon", through: [off]).text == "fin. . Selon")
    }

    @Test("editorial insertions are dropped into removals by default")
    func editorialDrop() throws {
        let article = try process("saper [the] gouvernement et [more about] que [1] fin", through: [clean])
        #expect(article.text == "saper gouvernement et que [1] fin")
        #expect(article.removals.map(\.text) == ["[the] ", "[more about] "])
        #expect(article.removals.allSatisfy { $0.reason == "clean: editorial-insertion" })
    }

    @Test("editorial insertions can be flagged in a layer instead")
    func editorialFlag() throws {
        let stage = try makeStage(CleanStage.self, ["editorial": "flag"])
        let article = try process("saper [the] gouvernement", through: [stage])
        #expect(article.text == "saper [the] gouvernement")
        #expect(article[layer: EditorialInsertionLayer.self]?.spans == [Span(start: 6, end: 11)])
    }

    @Test("a span of the clean text maps back to the raw text")
    func alignmentMapsBack() throws {
        let raw = "Lâ€™OTAN [the] a dit\u{200B} « oui »."
        let article = try process(raw, through: [clean])
        #expect(article.text == "L'OTAN a dit « oui ».")
        let scalars = Array(article.text.unicodeScalars)
        let start = scalars.firstIndex(of: "d")!
        let span = Span(start: start, end: start + 3)  // "dit"
        #expect(article.originalText(of: span) == "dit")
        #expect(article.originalText(of: Span(start: 0, end: 6)) == "Lâ€™OTAN")
        // "a" follows the dropped "[the] ": its original span does not include the insertion.
        #expect(article.originalText(of: Span(start: 7, end: 8)) == "a")
    }

    @Test("an empty text stays empty")
    func emptyText() throws {
        let article = try process("", through: [clean])
        #expect(article.text.isEmpty)
        #expect(article.removals.isEmpty)
    }

    @Test("a 10 MB single line is cleaned in linear time")
    func hugeSingleLine() throws {
        // Mostly text that needs no edit, with an apostrophe and a glued sentence now and then.
        let sentence = "Le président a déclaré que la réunion de Genève aurait lieu demain matin. "
        var text = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count)
        text += "l’état.Alors fin"
        let article = try process(text, through: [clean])
        #expect(article.text.utf8.count > 9_900_000)
        #expect(article.text.hasSuffix("l'état.\nAlors fin"))
    }

    @Test("every option is documented")
    func optionsAreDocumented() {
        for spec in CleanStage.description.options.specs { #expect(spec.doc.count > 20, "option \(spec.name)") }
        #expect(CleanStage.description.options.specs.count == 11)
    }
}
