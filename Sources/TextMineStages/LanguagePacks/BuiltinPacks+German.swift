extension BuiltinPacks {
    /// The German pack: stopwords, metadata cues and boilerplate phrases of German news sites.
    static let german = #"""
        # TextMine language pack: German.
        # Patterns: see docs/stages/boilerplate.md (^ start, $ end, * anything, # number, (a|b) choice).
        language: de
        stopwords: [aber, alle, allem, allen, aller, als, also, am, an, andere, anderen, auch, auf, aus,
          bei, beim, bereits, bis, bisher, da, dabei, damit, dann, darauf, das, dass, dem, den, denn, der,
          des, deshalb, dessen, die, dies, diese, diesem, diesen, dieser, doch, dort, durch, ein, eine,
          einem, einen, einer, eines, er, es, etwa, für, gegen, habe, haben, hat, hatte, hätte, ich, ihm,
          ihn, ihr, ihre, ihrem, ihren, ihrer, im, immer, in, ist, jedoch, jetzt, kann, kein, keine,
          können, man, mehr, mit, muss, nach, nicht, noch, nun, nur, ob, oder, ohne, schon, sehr, sei,
          seien, sein, seine, seinem, seinen, seiner, seit, sich, sie, sind, so, soll, sollen, sowie,
          über, um, und, uns, unter, vom, von, vor, war, waren, was, weil, wenn, werden, wie, wieder,
          will, wir, wird, wurde, wurden, zu, zum, zur, zwei, zwischen]
        metadata:
          byline: [von]
          name-joiners: [und]
          date-labels: ["datum", "stand", "veröffentlicht", "veröffentlicht am", "erschienen am", "aktualisiert",
            "aktualisiert am", "zuletzt aktualisiert", "zuletzt aktualisiert am"]
          update-labels: ["aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "zuletzt aktualisiert am"]
          months: [januar, februar, märz, april, mai, juni, juli, august, september, oktober, november, dezember]
          credits:
            - "^(mitarbeit|mit material von|mit material der agenturen?) *"
            - "^(foto|fotos|bild|bilder|bildquelle) ?:"
        boilerplate:
          share:
            - "^(artikel )?teilen$"
            - "^(auf|bei|per|via) (facebook|twitter|whatsapp|linkedin|e-mail|x) teilen"
            - "^(artikel )?(teilen|versenden|drucken) (auf|per|via)"
          subscribe:
            - "^jetzt (abonnieren|abo abschließen|weiterlesen)"
            - "^(sie sind bereits abonnent|bereits abonnent)"
            - "dieser artikel ist (nur )?(für|exklusiv für) abonnenten"
          newsletter:
            - "newsletter (abonnieren|bestellen|anmelden)"
            - "^(jetzt )?(den|unseren) * newsletter"
            - "^newsletter$"
          comments:
            - "^kommentare? (anzeigen|lesen|schreiben|einblenden)"
            - "^kommentare?$"
            - "^(jetzt )?(kommentieren|diskutieren sie mit)"
          related:
            - "^(lesen sie|lies) (auch|mehr|hier)"
            - "^(mehr zum thema|mehr dazu|weitere artikel|auch interessant|das könnte sie auch interessieren)"
          cookies:
            - "^(diese website|wir) (verwendet|verwenden|nutzt|nutzen) cookies"
            - "^(cookies|alle) (akzeptieren|ablehnen)"
          gallery:
            - "^(bildergalerie|fotostrecke)"
            - "^(alle )?bilder (ansehen|anzeigen)"
          legal:
            - "alle rechte vorbehalten"
            - "^(impressum|datenschutz|datenschutzerklärung|nutzungsbedingungen)$"
          navigation:
            - "^(startseite|menü|nach oben|zurück|weiter|anzeige|werbung)$"
          dates:
            - "^(veröffentlicht|aktualisiert|erschienen) am #"
        """#
}
