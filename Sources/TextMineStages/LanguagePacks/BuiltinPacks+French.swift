extension BuiltinPacks {
    /// The French pack: stopwords, metadata cues and boilerplate phrases of French news sites.
    static let french = #"""
        # TextMine language pack: French.
        # Patterns: see docs/stages/boilerplate.md (^ start, $ end, * anything, # number, (a|b) choice).
        language: fr
        stopwords: [a, à, afin, ai, aie, ainsi, alors, as, au, auquel, aussi, autre, autres, aux, avaient,
          avais, avait, avant, avec, avez, avoir, ayant, c, ça, car, ce, ceci, cela, celle, celles, celui,
          cependant, ces, cet, cette, ceux, chaque, chez, comme, comment, d, dans, de, depuis, des, donc,
          dont, du, elle, elles, en, encore, entre, est, et, étaient, était, été, être, eu, eux, fait,
          faut, fois, font, hors, il, ils, j, je, jusqu, l, la, le, les, leur, leurs, lors, lui, m, ma,
          mais, me, même, mes, moi, moins, mon, n, ne, ni, non, nos, notre, nous, on, ont, ou, où, par,
          parce, pas, peu, peut, plus, pour, pourquoi, qu, quand, que, quel, quelle, quelles, quels, qui,
          quoi, s, sa, sans, se, selon, ses, si, sien, son, sont, sous, sur, t, ta, tandis, te, tes, toi,
          ton, tous, tout, toute, toutes, très, tu, un, une, vers, voici, voilà, vos, votre, vous, y]
        # Words summarize and keywords never count as terms (the stopwords above measure prose): function
        # words, auxiliary forms (aurait, soit), reporting verbs of news (déclaré) and elided forms.
        term-stopwords: [a, à, afin, ai, aie, aient, aies, ait, alors, as, au, aucun, aucune, auprès, aura,
          aurai, auraient, aurais, aurait, auras, aurez, auriez, aurions, aurons, auront, aussi, autre, autres,
          aux, avaient, avais, avait, avant, avec, avez, aviez, avions, avoir, avons, ayant, ayez, ayons, c, ça,
          car, ce, ceci, cela, celle, celles, celui, cependant, certains, certaines, ces, cet, cette, ceux,
          chacun, chaque, chez, ci, comme, comment, d, dans, de, depuis, des, dès, donc, dont, du, elle, elles,
          en, encore, entre, es, est, et, étaient, étais, était, étant, été, êtes, étiez, étions, être, eu, eue,
          eues, eûmes, eurent, eus, eusse, eussent, eut, eux, fait, faire, fois, font, fut, furent, hier, ici,
          il, ils, j, je, jusqu, l, la, là, le, les, leur, leurs, lors, lorsqu, lorsque, lui, m, ma, mais, me,
          même, mêmes, mes, moi, moins, mon, n, ne, ni, nos, notre, nous, on, ont, or, ou, où, par, parce,
          parmi, pas, pendant, peu, peut, peuvent, plus, plusieurs, pour, pourquoi, pourrait, puis, puisqu,
          puisque, qu, quand, que, quel, quelle, quelles, quels, qui, quoi, s, sa, sans, se, sera, serait,
          seront, ses, si, sien, soi, soit, sommes, son, sont, sous, suis, sur, t, ta, tandis, te, tel, telle,
          tels, tes, toi, ton, tous, tout, toute, toutes, très, tu, un, une, unes, uns, vers, via, voici, voilà,
          vos, votre, vous, y, déjà, ainsi, aujourd, hui, selon, contre, après, doit, doivent, cas, tant, dit,
          déclaré, déclare, affirmé, affirme, indiqué, ajouté, expliqué, souligné, précisé, estimé, rapporté]
        # Names one entity goes by, canonical name (its Wikidata label) first: keywords lists the entity
        # under its canonical name, so that every article gives the same key phrase.
        entity-aliases:
          - [Organisation du Traité de l'Atlantique Nord, OTAN, Alliance atlantique, NATO]
          - [Organisation des Nations unies, ONU, Nations unies]
          - [Union européenne, UE]
          - [Russie, Fédération de Russie]
          - [États-Unis, États-Unis d'Amérique, USA]
          - [Royaume-Uni, Royaume-Uni de Grande-Bretagne et d'Irlande du Nord]
          - [Chine, République populaire de Chine]
          - [Corée du Nord, République populaire démocratique de Corée]
          - [Corée du Sud, République de Corée]
          - [Allemagne, République fédérale d'Allemagne]
          - [Union soviétique, URSS]
          - [Émirats arabes unis, EAU]
          - [Fonds monétaire international, FMI]
          - [Organisation mondiale de la santé, OMS]
          - [Organisation mondiale du commerce, OMC]
          - [Banque centrale européenne, BCE]
          - [Organisation pour la sécurité et la coopération en Europe, OSCE]
          - [Agence internationale de l'énergie atomique, AIEA]
          - [Cour pénale internationale, CPI]
          - [Organisation des pays exportateurs de pétrole, OPEP]
          - [Société nationale des chemins de fer français, SNCF]
        # Words keywords never keeps as a key phrase on their own, though they count inside longer phrases:
        # calendar words (the months below join them), quantities, adverbs, adjectives that come before
        # their noun, the commonest verb forms of news.
        lone-words: [lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, jour, journée, semaine, mois,
          an, année, heure, minute, seconde, matin, midi, soir, soirée, nuit, hier, demain, aujourd, hui,
          veille, lendemain, début, fin, fois, date, époque, moment, deux, trois, quatre, cinq, six, sept, huit,
          neuf, dix, onze, douze, quinze, vingt, trente, quarante, cinquante, cent, mille, million, milliard,
          dizaine, douzaine, vingtaine, centaine, millier, moitié, quart, tiers, quelques, plusieurs, nombre,
          km, kilomètre, mètre, pourcent, non, oui, toujours, jamais, déjà, également, notamment, ainsi,
          désormais, seulement, vraiment, très, trop, beaucoup, bien, mieux, mal, souvent, parfois, enfin,
          ensuite, puis, environ, presque, surtout, plutôt, actuellement, récemment, longtemps, tard, tôt,
          ailleurs, ici, là, nouveau, nouvel, nouvelle, premier, première, deuxième, second, troisième, dernier,
          dernière, grand, grande, petit, petite, ancien, ancienne, prochain, prochaine, seul, seule, jeune,
          vieux, vieille, bon, bonne, mauvais, mauvaise, haut, haute, gros, grosse, certain, certaine, tel,
          telle, divers, diverse, différent, différente, important, importante, principal, principale, faut, va,
          vont, fait, faire, dit, dire, peut, peuvent, pu, mis, annoncé, estimé, expliqué, indiqué, ajouté,
          affirmé, assuré, souligné, précisé, rappelé, selon, cours, vue]
        metadata:
          byline: [par]
          name-joiners: [et]
          date-labels: ["date", "publié le", "publié", "mis à jour le", "mis à jour", "modifié le"]
          update-labels: ["mis à jour le", "mis à jour", "modifié le", "actualisé le"]
          months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
          credits:
            - "* (ont|a) contribué (au|à ce|à cet) (reportage|article)$"
            - "^avec (l'afp|afp|reuters|ap)$"
            - "^(crédit|crédits) (photo|photos|image|images)"
            - "^(photo|photos|illustration) ?:"
            - "^(rédigé|édité|traduit) par *$"
        boilerplate:
          share:
            - "^partager$"
            - "^partager (sur|par|via)"
            - "^partagez (cet|cette|l')"
            - "^(partager|partagez) (sur|via) (facebook|twitter|linkedin|whatsapp|e-mail|email|x)"
            - "^(envoyer|imprimer) (par e-mail|par email|cet article|l'article)$"
          subscribe:
            - "^abonnez-vous"
            - "^(s'abonner|je m'abonne|déjà abonné)"
            - "^en vous abonnant"
            - "(soutenez|soutenir) (notre|le) journalisme"
            - "journalisme de qualité est"
            - "cet article est réservé aux abonnés"
            - "^(il vous reste|la suite est réservée)"
          newsletter:
            - "(abonnez-vous|inscrivez-vous) à (notre|nos) (newsletter|newsletters|lettre d'information|infolettre)"
            - "^(recevez|recevoir) (notre|nos|la) (newsletter|newsletters|lettre)"
            - "^(newsletter|infolettre)$"
          comments:
            - "^(laisser|laissez|ajouter|écrire|rédiger) un commentaire"
            - "^commentaires?$"
            - "^votre adresse (e-mail|email|de messagerie|courriel) ne sera pas publiée"
            - "^les champs obligatoires sont (indiqués|marqués)"
            - "^(réagir|réagissez) *$"
          related:
            - "^(lire|à lire) (aussi|également|la suite)"
            - "^(lire|à lire|voir|à voir) aussi ?:"
            - "^(sur le même sujet|dans la même rubrique|vous aimerez aussi|vous pourriez aussi aimer|à découvrir|les plus lus)"
            - "^articles? (liés|similaires|connexes)"
            - "^(plus d'actualités|toute l'actualité) *$"
          cookies:
            - "^(ce site|ce site web|nous) utilis(e|ons) des cookies"
            - "^(accepter|refuser|gérer) (les|mes) cookies"
            - "^en poursuivant votre navigation"
            - "^(paramétrer|paramètres des) cookies"
          gallery:
            - "^galerie (photo|photos|d'images)"
            - "cliquez pour agrandir"
            - "^(voir|voir toutes) les photos"
            - "^(diaporama|en images)$"
          legal:
            - "tous droits réservés"
            - "^© *"
            - "^(mentions légales|politique de confidentialité|conditions générales)"
            - "reproduction (interdite|strictement interdite)"
          navigation:
            - "^(accueil|menu|retour en haut|haut de page|suivant|précédent|page suivante|page précédente)$"
            - "^publicité$"
          dates:
            - "^(publié|mis à jour|modifié) le * (à|a) #(h|:)#"
            - "^(publié|mis à jour|modifié) le #"
            - "^publié le * mis à jour le"
        """#
}
