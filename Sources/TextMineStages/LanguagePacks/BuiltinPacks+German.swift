extension BuiltinPacks {
    /// The German pack: stopwords, metadata cues and boilerplate phrases of German news sites, as
    /// rules (the verbs and nouns of each kind of appeal), not lists of one site's lines.
    static let german = #"""
        # TextMine language pack: German.
        language: de
        stopwords: [aber, als, am, an, auch, auf, aus, bei, bis, das, dass, dem, den, der, des, die, dies,
          diese, dieser, doch, durch, ein, eine, einem, einen, einer, eines, er, es, für, gegen, hat, hatte,
          haben, ich, ihr, ihre, im, in, ins, ist, jedoch, kann, kein, keine, man, mehr, mit, nach, nicht,
          noch, nur, oder, ohne, schon, sei, sein, seine, sich, sie, sind, so, über, um, und, uns, unter,
          vom, von, vor, war, waren, was, wenn, werden, wie, wieder, wird, wir, wurde, wurden, zu, zum, zur]
        metadata:
          byline: [von]
          name-joiners: [und]
          date-labels: ["veröffentlicht", "veröffentlicht am", "erschienen am", "stand", "datum", "aktualisiert", "aktualisiert am", "zuletzt aktualisiert"]
          update-labels: ["aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "stand"]
          months: [januar, februar, märz, april, mai, juni, juli, august, september, oktober, november, dezember]
          credits:
            - "^(mitarbeit|mit material von|mit material der|recherche|redaktion|bearbeitung) ?:? *"
            - "^(foto|fotos|bild|bilder|grafik|quelle) ?:"
        boilerplate:
          share:
            - "^(teilen|artikel teilen|beitrag teilen|seite teilen)$"
            - "^(auf|via|per) (facebook|twitter|x|whatsapp|linkedin|e-mail|email|telegram) (teilen|versenden|senden)"
            - "^(artikel|beitrag|seite) (drucken|versenden|per e-mail versenden|empfehlen|merken)$"
            - "^(drucken|versenden|merken|link kopieren)$"
          subscribe:
            - "^(jetzt|gleich) (abonnieren|abonnent werden|weiterlesen|testen|freischalten)"
            - "^(abo|abonnement|digitalabo|plus-abo|zugang)( abschließen| testen| wählen)?$"
            - "^(weiterlesen|weiter lesen) mit"
            - "^(sie sind|bereits) (bereits )?abonnent"
            - "(dieser|der) (artikel|beitrag|inhalt) ist (nur )?(für|abonnenten|exklusiv)"
            - "unterstützen sie (unseren|unabhängigen|guten|qualitäts) ?journalismus"
          newsletter:
            - "^(newsletter|unser newsletter|zum newsletter)( abonnieren| bestellen| anmelden)?$"
            - "(newsletter|nachrichten) (abonnieren|bestellen|anmelden)"
            - "melden sie sich (jetzt )?(für|zu) (unseren|unserem|den) newsletter an"
            - "^folgen sie uns"
          comments:
            - "^(kommentare?|leserkommentare|diskussion)( \\(#\\))?$"
            - "^(kommentar|kommentare) (schreiben|verfassen|anzeigen|lesen|einblenden)"
            - "^(jetzt )?(mitdiskutieren|kommentieren)$"
            - "^ihre e-mail-adresse wird nicht veröffentlicht"
          related:
            - "^(lesen sie (auch|mehr|hier)|mehr zum thema|mehr dazu|auch interessant|weitere artikel|weitere nachrichten|verwandte artikel|meistgelesen|empfohlen)"
            - "^(das könnte sie auch interessieren|diese artikel könnten sie (auch )?interessieren)"
            - "^(zum thema|themen) ?:?$"
          cookies:
            - "^(diese (website|webseite|seite)|wir) (verwendet|verwenden|nutzt|nutzen) cookies"
            - "^(alle )?cookies (akzeptieren|ablehnen|zulassen)"
            - "^(cookie|datenschutz)-?(einstellungen|hinweis|richtlinie)"
          gallery:
            - "^(bildergalerie|fotostrecke|galerie|bilderstrecke)"
            - "^(zur|alle) (bildergalerie|fotostrecke|bilder)"
            - "^bild (#|vergrößern)"
          legal:
            - "alle rechte vorbehalten"
            - "^(impressum|datenschutz|datenschutzerklärung|nutzungsbedingungen|agb)$"
            - "^(copyright|©) *"
          navigation:
            - "^(startseite|zur startseite|menü|nach oben|zurück|weiter|inhalt|anzeige|werbung|suche)$"
          dates:
            - "^(veröffentlicht|aktualisiert|erschienen|stand) (am )?#"
            - "^(veröffentlicht|aktualisiert|erschienen|stand) (am )?(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
        """#
}
