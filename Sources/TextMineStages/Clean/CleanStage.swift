import TextMineCore

/// Normalises scraped text so that later stages match words reliably, losing nothing: every change
/// goes through ``Article/applyEdits(_:step:)`` and stays mapped to the original text.
public struct CleanStage: Stage {
    static let mojibake = StageOption<Bool>(
        "mojibake", default: true,
        doc: "Repair UTF-8 text that was decoded as Windows-1252 or Latin-1 (`Ã©` → `é`, `â€™` → `’`).")
    static let nfc = StageOption<Bool>("nfc", default: true, doc: "Compose the text to Unicode Normalization Form C.")
    static let invisible = StageOption<Bool>(
        "invisible", default: true,
        doc: "Drop control characters, zero-width spaces, byte-order marks, soft hyphens and bidi marks.")
    static let whitespace = StageOption<Bool>(
        "whitespace", default: true,
        doc: "Collapse spaces, unify line breaks to `\\n`, keep at most one blank line between paragraphs and trim lines.")
    static let nbsp = StageOption<NoBreakSpaces>(
        "nbsp", default: .french,
        doc: "`french` keeps no-break spaces where French typography puts them (after `«`, before `» ; : ! ?`); `space` turns every no-break space into a space.")
    static let apostrophes = StageOption<Bool>(
        "apostrophes", default: true, doc: "Map typographic apostrophes (`’ ‘ ʼ`) to `'`.")
    static let quotes = StageOption<Bool>(
        "quotes", default: true, doc: "Map curly double quotes (`“ ” „`) to `\"`; French guillemets `« »` are kept.")
    static let rejoinHyphens = StageOption<Bool>(
        "rejoin-hyphens", default: true,
        doc: "Rejoin words broken by a hyphen and a space (`de- escalade` → `de-escalade`).")
    static let splitGlued = StageOption<Bool>(
        "split-glued", default: true,
        doc: "Break paragraphs glued without a space (`Pyrénées.Alors`) onto separate lines.")
    static let debris = StageOption<Bool>(
        "debris", default: true,
        doc: "Remove debris between sentences: a stray `.` after a full stop (`. .`), a full stop before a comma (`Peskov. , a rapporté`), an all-capitals article orphaned at a paragraph's start (`UNE La BBC`); recorded as removals with the reason `clean: debris`.")
    static let editorial = StageOption<EditorialMode>(
        "editorial", default: .drop,
        doc: "What to do with bracketed editorial insertions (`[the]`, `[more about]`): `drop` removes them (recorded as removals), `flag` lists them in the `clean.editorial-insertions` layer, `keep` leaves them.")

    public static let description = StageDescription(
        id: "clean",
        abstract: "Normalises Unicode, white space, quotes, mojibake and scraping artefacts.",
        documentation: """
            Runs in two rounds. The encoding round repairs mojibake (`Ã©` → `é`), composes Unicode \
            to NFC and drops invisible characters (controls, zero-width spaces, soft hyphens, bidi \
            marks). The typography round normalises white space and line breaks, apostrophes and \
            curly quotes, rejoins words broken by a hyphen and a space (`de- escalade`), splits \
            paragraphs glued without a space (`Pyrénées.Alors`), drops or flags editorial \
            insertions such as `[the]` and removes debris between sentences (`ukrainienne. . Selon`, \
            `Peskov. , a rapporté`, an orphan `UNE` before `La BBC`).

            Normalisations are kept in the article's alignment (``Article/originalSpan(of:)`` maps \
            any span of the clean text back to the raw text); dropped insertions and debris are \
            recorded as removals with the reasons `clean: editorial-insertion` and `clean: debris`.
            """,
        options: [mojibake, nfc, invisible, whitespace, nbsp, apostrophes, quotes, rejoinHyphens, splitGlued, debris, editorial],
        produces: [.cleanText])

    /// What happens to no-break spaces.
    enum NoBreakSpaces: String, CaseIterable, Sendable { case french, space }
    /// What happens to bracketed editorial insertions.
    enum EditorialMode: String, CaseIterable, Sendable { case drop, flag, keep }

    /// Steps that repair the encoding; they run first so that typography sees real characters.
    private let encodingRound: CleaningScan
    /// Steps that normalise typography, in priority order (earlier wins where edits overlap).
    private let typographyRound: CleaningScan
    /// Both rounds in one pass, for the usual text that needs no encoding repair: its result
    /// stands when no encoding step took anything.
    private let bothRounds: CleaningScan
    private let editorial: EditorialMode

    public init(options: StageOptions) throws {
        var encoding: [any CleaningStep] = []
        if options[Self.mojibake] { encoding.append(MojibakeRepair()) }
        if options[Self.invisible] { encoding.append(InvisibleCharacterRemoval()) }
        if options[Self.nfc] { encoding.append(CanonicalComposition()) }
        encodingRound = CleaningScan(steps: encoding)

        editorial = options[Self.editorial]
        var typography: [any CleaningStep] = []
        if editorial == .drop { typography.append(EditorialInsertionRemoval()) }
        if options[Self.debris] { typography.append(DebrisRemoval()) }
        if options[Self.rejoinHyphens] { typography.append(HyphenRejoining()) }
        if options[Self.whitespace] {
            typography.append(WhitespaceNormalisation(keepFrenchSpaces: options[Self.nbsp] == .french))
        }
        let apostrophes = options[Self.apostrophes]
        let quotes = options[Self.quotes]
        if apostrophes || quotes { typography.append(QuoteNormalisation(apostrophes: apostrophes, doubleQuotes: quotes)) }
        if options[Self.splitGlued] { typography.append(GluedParagraphSplitting()) }
        typographyRound = CleaningScan(steps: typography)
        bothRounds = CleaningScan(steps: encoding + typography)
    }

    /// Encoding repairs run again on their own result this many times at most (mojibake of mojibake).
    static let encodingPasses = 3

    public func process(_ article: inout Article, context: StageContext) throws {
        var text = article.scalarText
        let single = bothRounds.edits(in: text)
        try context.checkDeadline()
        let encodingSteps: UInt32 = (1 << UInt32(encodingRound.steps.count)) - 1
        if single.takers & encodingSteps == 0 {
            // Nothing to repair: the typography edits were made on the text they apply to.
            if editorial == .flag { flagEditorialInsertions(in: &article, text: text) }
            try article.applyEdits(single.edits, step: context.step)
            return
        }
        // Text garbled twice (`ÃƒÂ©`) needs a second repair (`Ã©`, then `é`).
        for _ in 0..<Self.encodingPasses {
            try context.checkDeadline()
            let repairs = encodingRound.edits(in: text).edits
            guard !repairs.isEmpty else { break }
            try article.applyEdits(repairs, step: context.step)
            text = article.scalarText
        }
        try context.checkDeadline()
        if editorial == .flag { flagEditorialInsertions(in: &article, text: text) }
        try article.applyEdits(typographyRound.edits(in: text).edits, step: context.step)
    }

    private func flagEditorialInsertions(in article: inout Article, text: ScalarText) {
        let spans = EditorialInsertions().find(in: text.utf8).map { article.originalSpan(of: text.span(ofBytes: $0)) }
        if !spans.isEmpty { article[layer: EditorialInsertionLayer.self] = EditorialInsertionLayer(spans: spans) }
    }
}
