import Testing
import TextMineCore
import TextMineStages

/// The token strings of `text`.
private func tokens(_ text: String, language: LanguageCode = "fr") -> [String] {
    let scalars = ScalarText(text)
    return Tokenizer(language: language).tokenize(scalars).map { scalars.string($0.span) }
}

/// The tokens of `text` as `string/kind`.
private func kinds(_ text: String, language: LanguageCode = "fr") -> [String] {
    let scalars = ScalarText(text)
    return Tokenizer(language: language).tokenize(scalars).map { "\(scalars.string($0.span))/\($0.kind ?? "?")" }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("French elided words keep their apostrophe, curly or straight", arguments: [
        ("l’Ukraine et l'OTAN", ["l’", "Ukraine", "et", "l'", "OTAN"]),
        ("L’agence D'autres", ["L’", "agence", "D'", "autres"]),
        ("jusqu’au bout, lorsqu’il part", ["jusqu’", "au", "bout", ",", "lorsqu’", "il", "part"]),
        ("qu’une d’État n’est s’il c’est", ["qu’", "une", "d’", "État", "n’", "est", "s’", "il", "c’", "est"]),
        ("puisqu’on quoiqu'il", ["puisqu’", "on", "quoiqu'", "il"]),
    ])
    func elision(text: String, expected: [String]) {
        #expect(tokens(text) == expected)
    }

    @Test("words with an inner apostrophe stay whole")
    func innerApostrophe() {
        #expect(tokens("aujourd’hui et aujourd'hui, presqu’île, O'Brien") ==
            ["aujourd’hui", "et", "aujourd'hui", ",", "presqu’île", ",", "O'Brien"])
    }

    @Test("hyphenated compounds are one token")
    func compounds() {
        #expect(tokens("les États-Unis, la Grande-Bretagne, le porte-parole, peut-être, Saint-Jean-de-la-Ruelle") ==
            ["les", "États-Unis", ",", "la", "Grande-Bretagne", ",", "le", "porte-parole", ",", "peut-être", ",",
             "Saint-Jean-de-la-Ruelle"])
        #expect(tokens("le S-400 et le COVID-19") == ["le", "S-400", "et", "le", "COVID-19"])
    }

    @Test("inverted pronouns are split off as in the French treebanks", arguments: [
        ("a-t-il déclaré", ["a", "-t-il", "déclaré"]),
        ("dit-elle", ["dit", "-elle"]),
        ("Est-ce vrai ?", ["Est", "-ce", "vrai", "?"]),
        ("donne-le-moi", ["donne", "-le", "-moi"]),
        ("pensez-vous", ["pensez", "-vous"]),
        ("un rendez-vous", ["un", "rendez-vous"]),
        ("Bois-le-Roi", ["Bois-le-Roi"]),
    ])
    func invertedPronouns(text: String, expected: [String]) {
        #expect(tokens(text) == expected)
    }

    @Test("numbers keep their decimal and grouping separators", arguments: [
        ("100 000 soldats", ["100 000", "soldats"]),
        ("1 000 000 d’euros", ["1 000 000", "d’", "euros"]),
        ("100\u{00A0}000 et 2\u{202F}500", ["100\u{00A0}000", "et", "2\u{202F}500"]),
        ("en 2014 100 soldats", ["en", "2014", "100", "soldats"]),
        ("3,5 % et 1.5", ["3,5", "%", "et", "1.5"]),
        ("la 26e fois, le 1er mai", ["la", "26e", "fois", ",", "le", "1er", "mai"]),
        ("date 2022-01 à 10:30", ["date", "2022-01", "à", "10:30"]),
        ("en 2014.", ["en", "2014", "."]),
    ])
    func numbers(text: String, expected: [String]) {
        #expect(tokens(text) == expected)
    }

    @Test("URLs and e-mail addresses are single tokens without trailing punctuation")
    func urlsAndEmails() {
        #expect(kinds("Voir https://www.example.org/a?b=c. Écrire à jean.dupont@example.fr ou www.site.fr.") == [
            "Voir/word", "https://www.example.org/a?b=c/url", "./punct", "Écrire/word", "à/word",
            "jean.dupont@example.fr/email", "ou/word", "www.site.fr/url", "./punct",
        ])
        #expect(kinds("(voir lemonde.fr)") == ["(/punct", "voir/word", "lemonde.fr/url", ")/punct"])
    }

    @Test("punctuation marks are tokens of their own; runs of periods and of !? are one")
    func punctuation() {
        #expect(kinds("« Nous partons… » (vite) ?! Attendez... 5 € + 3 $") == [
            "«/punct", "Nous/word", "partons/word", "…/punct", "»/punct", "(/punct", "vite/word", ")/punct",
            "?!/punct", "Attendez/word", ".../punct", "5/number", "€/symbol", "+/symbol", "3/number", "$/symbol",
        ])
    }

    @Test("abbreviations and initials keep their period; other periods are tokens")
    func abbreviations() {
        #expect(tokens("M. Lavrov et Mme Dupont, etc.") == ["M.", "Lavrov", "et", "Mme", "Dupont", ",", "etc."])
        #expect(tokens("J. Biden, J.-P. Sartre, les U.S.A") == ["J.", "Biden", ",", "J.-P.", "Sartre", ",", "les", "U.S.A"])
        #expect(tokens("en 52 av. J.-C. puis p. 12, c.-à-d. rien") ==
            ["en", "52", "av.", "J.-C.", "puis", "p.", "12", ",", "c.-à-d.", "rien"])
        #expect(tokens("des Pyrénées.Alors") == ["des", "Pyrénées", ".", "Alors"])
        #expect(tokens("sociaux.20 km/h.Les v1.5") == ["sociaux", ".", "20", "km", "/", "h", ".", "Les", "v1.5"])
        #expect(tokens("Art. 5 du code.") == ["Art.", "5", "du", "code", "."])
    }

    @Test("English splits clitics and knows its abbreviations")
    func english() {
        #expect(tokens("I don't think it's John's, O'Brien said.", language: "en") ==
            ["I", "do", "n't", "think", "it", "'s", "John", "'s", ",", "O'Brien", "said", "."])
        #expect(tokens("Mr. Smith, e.g. the U.S. team", language: "en") ==
            ["Mr.", "Smith", ",", "e.g.", "the", "U.S.", "team"])
        #expect(tokens("l'art", language: "en") == ["l'art"])
    }

    @Test("other languages get generic rules: no elision, common abbreviations")
    func generic() {
        #expect(tokens("Dr. Müller l'art", language: "de") == ["Dr.", "Müller", "l'art"])
    }

    @Test("spans are Unicode scalar offsets, even after accented letters and emoji")
    func scalarSpans() {
        let text = ScalarText("l’été 🙂 à Noël.")
        let spans = Tokenizer(language: "fr").tokenize(text).map(\.span)
        #expect(spans == [Span(start: 0, end: 2), Span(start: 2, end: 5), Span(start: 6, end: 7),
                          Span(start: 8, end: 9), Span(start: 10, end: 14), Span(start: 14, end: 15)])
    }

    @Test("tokenizing inside a span gives offsets into the whole text")
    func insideSpan() {
        let text = ScalarText("Été. Hiver froid.")
        let tokens = Tokenizer(language: "fr").tokenize(text, in: Span(start: 5, end: 17))
        #expect(tokens.map(\.span) == [Span(start: 5, end: 10), Span(start: 11, end: 16), Span(start: 16, end: 17)])
    }

    @Test("user abbreviations keep their period")
    func userAbbreviations() {
        var rules = SegmentationRules(language: "fr")
        rules.addAbbreviations(["Lic."], kind: .leading)
        let text = ScalarText("le Lic. Dupont")
        #expect(Tokenizer(rules: rules).tokenize(text).map { text.string($0.span) } == ["le", "Lic.", "Dupont"])
        #expect(tokens("le Lic. Dupont") == ["le", "Lic", ".", "Dupont"])
    }

    @Test("empty and blank texts have no token")
    func empty() {
        #expect(tokens("").isEmpty)
        #expect(tokens(" \n\t ").isEmpty)
    }
}
