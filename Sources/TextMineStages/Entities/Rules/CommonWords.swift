import TextMineCore

/// Short lists of the commonest words of a language: function words, and frequent words of web
/// boilerplate. The entity rules use them to recognise capitalised words that are not names
/// (`Alors`, `Les`, `Selon`) and lines in another language than the article's.
enum CommonWords {
    /// Words of a language (lowercase, straight apostrophes), or an empty set for other languages.
    static func words(of language: LanguageCode) -> Set<String> {
        switch language {
        case "fr": french
        case "en": english
        default: []
        }
    }

    static let french: Set<String> = Set("""
        a à afin ai aie ainsi alors apres après as assez au aucun aucune aujourd'hui auprès aussi autant autre autres aux avant avec \
        avoir avons ayant bien bon c' ça car ce ceci cela celle celles celui cependant certains certaines ces cet cette ceux chacun \
        chaque chez ci comme comment contre d' dans de debout dedans dehors déjà depuis derrière des dès désormais donc dont du durant \
        elle elles en encore enfin entre environ es est et étaient était été être eu eux fait faire fois font hier hors ici il ils \
        j' jamais je jusqu' jusque l' la là le lequel les lesquels leur leurs lors lorsque lui m' ma mais malgré me même mêmes mes \
        moi moins mon n' ne ni non nos notre nous on ont ou où par parce parmi pas pendant peu peut peuvent plus plusieurs pour \
        pourquoi pourtant près puis qu' quand que quel quelle quelles quels qui quoi s' sa sans se selon ses si sinon soi son sont \
        sous suis sur ta te tes toi ton tous tout toute toutes très tu un une vers via voici voilà vos votre vous y \
        ainsi aujourd'hui auparavant cependant citant concernant d'abord d'après désormais ensuite entre-temps lorsqu' néanmoins \
        notamment outre partout pendant plutôt puisque quant quelque quelques rien tandis toujours toutefois vendredi samedi dimanche \
        lundi mardi mercredi jeudi janvier février mars avril mai juin juillet août septembre octobre novembre décembre \
        laisser votre informer lire voir cliquez abonnez-vous partager suivez commentaire commentaires photo galerie mise publié \
        de même en outre par ailleurs d'ailleurs
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let english: Set<String> = Set("""
        a about after again against all also am an and any are as at be because been before being below between both but by can \
        could did do does doing down during each few for from further had has have having he her here hers him his how i if in \
        into is it its itself just me might more most must my no nor not now of off on once only or other our out over own same \
        she should so some such than that the their them then there these they this those through to too under until up very was \
        we were what when where which while who whom why will with would you your yours monday tuesday wednesday thursday friday \
        saturday sunday january february march april may june july august september october november december \
        share post stay connected updates update enjoy read subscribe follow comment comments click here related news sign login \
        newsletter privacy cookies advertisement
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
