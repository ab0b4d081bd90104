import TextMineCore

/// An article made of these sentences joined by spaces, with their sentence spans (what the
/// `sentences` stage would give), and optionally a title.
func summarizeArticle(_ sentences: [String], title: String? = nil, language: LanguageCode? = "fr") -> Article {
    var article = Article(id: "test", text: sentences.joined(separator: " "), language: language)
    var offset = 0
    for sentence in sentences {
        let length = sentence.unicodeScalars.count
        article.sentences.append(Sentence(span: Span(start: offset, end: offset + length)))
        offset += length + 1
    }
    if let title {
        article.metadata["title"] = MetadataField(value: .string(title), step: "test", rule: "test")
    }
    return article
}

/// A short news story: facts first, context, a bare quote, then background.
let storySentences = [
    "Un paquebot de croisière a percuté un quai dimanche matin dans le port de Venise.",
    "Le navire, qui transporte plus de 2.600 passagers, a perdu le contrôle à son arrivée dans le canal.",
    "Quatre personnes ont été blessées par le paquebot, dont deux ont été transportées à l'hôpital.",
    "« C'était terrifiant, tout le monde courait ! »",
    "Les habitants de Venise réclament depuis des années l'interdiction des paquebots dans la lagune.",
    "Le maire a promis une enquête sur l'accident du paquebot et sur les remorqueurs du port.",
]

/// What the article's summary text must be, rebuilt from its parts on scalars: each selected
/// sentence without its cuts, white space collapsed, capitalised after an opening cut, joined by
/// spaces.
func expectedSummaryText(_ article: Article) -> String? {
    guard let summary = article.summary else { return nil }
    let scalars = Array(article.text.unicodeScalars)
    return summary.selected.map { index -> String in
        let span = summary.scores[index].span
        var kept = String.UnicodeScalarView()
        var position = span.start
        for cut in summary.cuts where cut.span.start >= span.start && cut.span.end <= span.end {
            kept.append(contentsOf: scalars[position..<cut.span.start])
            position = cut.span.end
        }
        kept.append(contentsOf: scalars[position..<span.end])
        var sentence = String(kept).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        if summary.cuts.contains(where: { $0.span.start == span.start }), let first = sentence.first {
            sentence = first.uppercased() + sentence.dropFirst()
        }
        return sentence
    }.joined(separator: " ")
}
