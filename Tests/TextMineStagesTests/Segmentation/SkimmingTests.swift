import Foundation
import Testing
import TextMineCore
@testable import TextMineStages

/// Texts where a sentence boundary depends on tokens far from white space: quotes, glued
/// paragraphs, abbreviations, numbers, URLs, line breaks.
private let trickyTexts = [
    "« Nous partons. » Il est parti. « Quoi ? » s’écria-t-il. « On part… », dit-il.",
    "La ville compte 250.000 habitants.\"Je récuse tout\", dit-il. \"En marche !\", créé en avril.",
    "Il neige sur les Pyrénées.Alors que rien ne va.Le froid dure. Il était écroué pour vol.Les deux.",
    "M. Lavrov et J.-P. Sartre, etc. Le 1 000. Des pommes, etc. et des poires. En 52 av. J.-C. La ville.",
    "Titre\n\n1. Introduction\n2. Méthode\n- un élément\nune suite\r\n\r\nVoir https://ex.org/a?b=c. Fin",
    "a déclaré Lavrov. nos propositions. env. trois. 20min.ch, rien… puis. Et voilà... Fin ?! Non.",
    "“We leave.” He left. He said \"Go.\" Then he went. I don't know, e.g. the U.S. Army. Dr. No.",
    "   ", "", ". . .", "« »", "\"", "Il a dit : \" Non. \" Puis \" Oui. \" Fin.",
]

@Suite("SentenceSplitter skimming")
struct SkimmingTests {
    @Test("skimming gives the same sentences as grouping all tokens, in every language and line-break mode")
    func skimmingMatchesFullTokenization() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)
            .sorted().map { try String(contentsOf: root.appendingPathComponent("seeds/\($0)"), encoding: .utf8) }
        for language: LanguageCode in ["fr", "en", "de"] {
            for lineBreaks in SentenceSplitter.LineBreaks.allCases {
                let splitter = SentenceSplitter(language: language, lineBreaks: lineBreaks)
                for text in language == "fr" && lineBreaks == .auto ? trickyTexts + seeds : trickyTexts {
                    let scalars = ScalarText(text)
                    #expect(splitter.split(scalars, in: nil, skimming: true) == splitter.split(scalars, in: nil, skimming: false),
                            "\(language), \(lineBreaks): \(text.prefix(60))")
                }
            }
        }
    }
}
