import Testing
import TextMineCore
import TextMineStages

/// The sentence strings of `text`.
private func sentences(_ text: String, language: LanguageCode = "fr",
                       lineBreaks: SentenceSplitter.LineBreaks = .auto) -> [String] {
    let scalars = ScalarText(text)
    return SentenceSplitter(language: language, lineBreaks: lineBreaks).split(scalars).map { scalars.string($0) }
}

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    @Test("sentences end at . ! ? followed by a capital")
    func basic() {
        #expect(sentences("Il pleut. Vraiment ? Oui ! Bon.") == ["Il pleut.", "Vraiment ?", "Oui !", "Bon."])
    }

    @Test("French and English abbreviations that announce a name or a number do not end a sentence", arguments: [
        ("M. Lavrov a parlé. Mme Dupont aussi.", ["M. Lavrov a parlé.", "Mme Dupont aussi."]),
        ("Il a vu le Dr. Martin à St. Louis. Puis il est parti.", ["Il a vu le Dr. Martin à St. Louis.", "Puis il est parti."]),
        ("Voir p. 12 et art. 5 du code. Fin.", ["Voir p. 12 et art. 5 du code.", "Fin."]),
        ("MM. Dupont et Durand arrivent. Fin.", ["MM. Dupont et Durand arrivent.", "Fin."]),
    ])
    func leadingAbbreviations(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("etc. and J.-C. end a sentence only before a capital")
    func trailingAbbreviations() {
        #expect(sentences("Des pommes, des poires, etc. Le marché ferme.") ==
            ["Des pommes, des poires, etc.", "Le marché ferme."])
        #expect(sentences("Des pommes, etc. et des poires.") == ["Des pommes, etc. et des poires."])
        #expect(sentences("En 52 av. J.-C. la ville tombe.") == ["En 52 av. J.-C. la ville tombe."])
        #expect(sentences("Elle tombe en 52 av. J.-C. La ville brûle.") ==
            ["Elle tombe en 52 av. J.-C.", "La ville brûle."])
    }

    @Test("initials do not end a sentence")
    func initials() {
        #expect(sentences("J. Biden et J.-P. Sartre parlent. Ensuite R. Dupont répond.") ==
            ["J. Biden et J.-P. Sartre parlent.", "Ensuite R. Dupont répond."])
    }

    @Test("periods and commas inside numbers do not end a sentence")
    func numbers() {
        #expect(sentences("Le taux passe de 1.5 à 3,5 %. Il y a 100 000 soldats. La 26e fois.") ==
            ["Le taux passe de 1.5 à 3,5 %.", "Il y a 100 000 soldats.", "La 26e fois."])
        #expect(sentences("Les tensions durent depuis 2014. 100 soldats sont partis.") ==
            ["Les tensions durent depuis 2014.", "100 soldats sont partis."])
    }

    @Test("an ellipsis ends a sentence before a capital, not before a lower-case word")
    func ellipses() {
        #expect(sentences("Il hésite… puis part. Et voilà... Fin. Rien … Tout.") ==
            ["Il hésite… puis part.", "Et voilà...", "Fin.", "Rien …", "Tout."])
    }

    @Test("a sentence that ends inside a quotation ends after the closing quote", arguments: [
        ("« Nous partons. » Il est parti.", ["« Nous partons. »", "Il est parti."]),
        ("« Nous partons », a-t-il déclaré. Puis rien.", ["« Nous partons », a-t-il déclaré.", "Puis rien."]),
        ("« Nous partons. », a-t-il déclaré.", ["« Nous partons. », a-t-il déclaré."]),
        ("« Quoi ? » s’écria-t-il.", ["« Quoi ? » s’écria-t-il."]),
        ("« On part… », dit-il.", ["« On part… », dit-il."]),
        ("Il a dit : « Non. » « Pourquoi ? » Rien.", ["Il a dit : « Non. »", "« Pourquoi ? »", "Rien."]),
    ])
    func frenchQuotes(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("English curly and straight quotes")
    func englishQuotes() {
        #expect(sentences("“We leave.” He left. He said \"Go.\" Then he went.", language: "en") ==
            ["“We leave.”", "He left.", "He said \"Go.\"", "Then he went."])
    }

    @Test("English abbreviations: titles never end a sentence; an initialism does only before a sentence-starting word")
    func englishAbbreviations() {
        #expect(sentences("Mr. Telus said the U.S. Department of Agriculture agreed. Talks were held in the U.S. The deal was signed at 6 p.m. Officials left.", language: "en") ==
            ["Mr. Telus said the U.S. Department of Agriculture agreed.", "Talks were held in the U.S.", "The deal was signed at 6 p.m.", "Officials left."])
        #expect(sentences("It's what they'd want, Dr. Smith said. They didn't.", language: "en") ==
            ["It's what they'd want, Dr. Smith said.", "They didn't."])
    }

    @Test("sentences glued without a space are split, but not acronyms, decimals, domains or e.g.")
    func glued() {
        #expect(sentences("Il neige sur les Pyrénées.Alors que la saison commence, rien ne va.Le froid dure.") ==
            ["Il neige sur les Pyrénées.", "Alors que la saison commence, rien ne va.", "Le froid dure."])
        #expect(sentences("Les U.S.A et www.site.fr ont 3.5 points, e.g. ceci. Fin.") ==
            ["Les U.S.A et www.site.fr ont 3.5 points, e.g. ceci.", "Fin."])
        #expect(sentences("Ils sont prêts ?Alors partons !Vite.") == ["Ils sont prêts ?", "Alors partons !", "Vite."])
    }

    @Test("paragraphs glued by a scraper are split after references, units and before figures and subtitles")
    func gluedParagraphs() {
        #expect(sentences("Il était écroué pour vol.Les deux hommes partent.") ==
            ["Il était écroué pour vol.", "Les deux hommes partent."])
        #expect(sentences("Des rafales à 100 km/h.Les températures baissent.") ==
            ["Des rafales à 100 km/h.", "Les températures baissent."])
        #expect(sentences("Voir les établissements sociaux.20% des cas sont au travail.") ==
            ["Voir les établissements sociaux.", "20% des cas sont au travail."])
        #expect(sentences("Il a été condamné.- Refus de l'autorité -Le ministre est venu.") ==
            ["Il a été condamné.", "- Refus de l'autorité -Le ministre est venu."])
        #expect(sentences("D'après 20min.ch, il est parti.") == ["D'après 20min.ch, il est parti."])
    }

    @Test("straight double quotes close when glued to the token before, open when glued to the word after, else alternate")
    func straightQuotes() {
        #expect(sentences("La ville compte 250.000 habitants.\"Je récuse tout\", dit-il.") ==
            ["La ville compte 250.000 habitants.", "\"Je récuse tout\", dit-il."])
        #expect(sentences("\"Quel est le sens de cet enfermement ? \", lâche-t-il. Bientôt rien.") ==
            ["\"Quel est le sens de cet enfermement ? \", lâche-t-il.", "Bientôt rien."])
        #expect(sentences("Le mouvement \"En marche !\", créé en avril. Fin.") ==
            ["Le mouvement \"En marche !\", créé en avril.", "Fin."])
        #expect(sentences("Il dit : \" Non. \" Puis \" Oui. \" Fin.") ==
            ["Il dit : \" Non. \"", "Puis \" Oui. \"", "Fin."])
    }

    @Test("a period before a lower-case word ends a sentence unless the word before is short")
    func lowerCaseAfterPeriod() {
        #expect(sentences("a déclaré Lavrov. nos propositions arrivent.") ==
            ["a déclaré Lavrov.", "nos propositions arrivent."])
        #expect(sentences("Voir env. trois cents.") == ["Voir env. trois cents."])
    }

    @Test("a blank line always ends a sentence; headings and list items are sentences of their own")
    func lineBreaks() {
        let text = "Titre sans point\n\nPremier paragraphe. Deuxième phrase\nTitre suivant\n- un élément\n- un autre\n\nfin"
        #expect(sentences(text) == ["Titre sans point", "Premier paragraphe.", "Deuxième phrase", "Titre suivant",
                                    "- un élément", "- un autre", "fin"])
        #expect(sentences("Une phrase coupée\nen deux lignes.") == ["Une phrase coupée\nen deux lignes."])
        #expect(sentences("1. Introduction\n2. Méthode") == ["1. Introduction", "2. Méthode"])
        #expect(sentences("Fin du texte.\r\n\r\nSuite") == ["Fin du texte.", "Suite"])
    }

    @Test("the line-breaks setting says what a single line break means")
    func lineBreakSettings() {
        let text = "une ligne\nune autre\n\nun paragraphe"
        #expect(sentences(text, lineBreaks: .auto) == ["une ligne\nune autre", "un paragraphe"])
        #expect(sentences(text, lineBreaks: .line) == ["une ligne", "une autre", "un paragraphe"])
        #expect(sentences("Titre\nTexte", lineBreaks: .paragraph) == ["Titre\nTexte"])
    }

    @Test("stray punctuation does not make a sentence of its own")
    func strayPunctuation() {
        #expect(sentences("a déclaré Dmitri Peskov. , a rapporté Reuters. . Ensuite rien.") ==
            ["a déclaré Dmitri Peskov. , a rapporté Reuters. .", "Ensuite rien."])
    }

    @Test("spans are Unicode scalar offsets without surrounding white space")
    func spans() {
        let text = ScalarText("  Été. Hiver 🙂 froid.\n")
        #expect(SentenceSplitter(language: "fr").split(text) == [Span(start: 2, end: 6), Span(start: 7, end: 21)])
        #expect(SentenceSplitter(language: "fr").split(text, in: Span(start: 7, end: 22)) == [Span(start: 7, end: 21)])
    }

    @Test("empty and blank texts have no sentence")
    func empty() {
        #expect(sentences("").isEmpty)
        #expect(sentences("\n \n").isEmpty)
    }
}
