import TextMineCore

/// Extracts article metadata from the text (date header, byline, dateline, title, credits), records
/// each field with its provenance, and removes the source lines from the body.
public struct MetadataStage: Stage {
    static let packs = PackLibrary.option(adding: "byline words, date labels, months and credit patterns")
    static let headerLines = StageOption<Int>("header-lines", in: 1...20, default: 4,
        doc: "How many lines at the start of the text may hold a date, byline or dateline.")
    static let date = StageOption<Bool>("date", default: true,
        doc: "Extract a date header (and an update date after it).")
    static let byline = StageOption<Bool>("byline", default: true,
        doc: "Extract the authors of a byline.")
    static let dateline = StageOption<Bool>("dateline", default: true,
        doc: "Extract a dateline place and news agency (`MOSCOU (Reuters) –`).")
    static let breadcrumbs = StageOption<Bool>("breadcrumbs", default: true,
        doc: "Extract a breadcrumb trail (`Home | News | World`) or a section name alone on the first line before the headline.")
    static let title = StageOption<Bool>("title", default: true,
        doc: "Take a first line that reads as a headline as the title.")
    static let credits = StageOption<Bool>("credits", default: true,
        doc: "Extract contributor and photo credit lines.")
    static let remove = StageOption<Bool>("remove", default: true,
        doc: "Remove the source text of each field from the body (kept in removals); `false` only records the fields.")

    public static let description = StageDescription(
        id: "metadata",
        abstract: "Extracts title, date, byline, dateline and credits, and removes them from the body.",
        documentation: """
            Looks at the first lines of the text for a breadcrumb trail (`Home | News | World`), a date header (` date 2022-01`, `Publié le 28 \
            janvier 2022 à 10h30 Mis à jour le …`), a byline (`Par X et Y`, `By X and Y`), a dateline \
            with an agency (`MOSCOU (Reuters) –`, whose sentence stays in the body) and a title (a \
            first line that reads as a headline), and everywhere for credit lines (`X de CNN ont \
            contribué au reportage`, `Crédit photo : AFP`, `EPA/SERGEY DOLZHENKO`).

            Fields: `date`, `updated` (ISO 8601), `authors` (list), `affiliation` (`BBC News, Rome` \
            after the names), `dateline`, `agency`, `title`, `breadcrumbs` (list), `credits` (list). Each records the stage, the rule that matched (`date-header`, `byline`, \
            `dateline`, `first-line-headline`, `credit-line`…) and its span in the original text. \
            Removed text is kept in the article's removals with the reason `metadata: <field>`.

            Cue words (byline words, date labels, month names) and credit patterns come from the \
            language packs; add your own with `packs:` (see docs/stages/boilerplate.md for the format).
            """,
        options: [packs, headerLines, date, byline, dateline, breadcrumbs, title, credits, remove],
        produces: [.metadata],
        languages: LanguageSupport(BuiltinPacks.all.map(\.language), others: .generic))

    private let rules: [any MetadataRule]
    private let remove: Bool
    /// The languages of the packs (built-in and user), which have their own cue words.
    private let packLanguages: Set<LanguageCode>

    public init(options: StageOptions) throws {
        let library = try PackLibrary(userPacks: options[Self.packs])
        let headerLines = options[Self.headerLines]
        var rules: [any MetadataRule] = []
        // Breadcrumbs first: the trail above the headline is neither a title nor a byline.
        if options[Self.breadcrumbs] { rules.append(BreadcrumbRule(headerLines: headerLines)) }
        // The byline first: a date after it on its line (`Par X | Publié le …`) is then a line start.
        if options[Self.byline] { rules.append(BylineRule(library: library, headerLines: headerLines)) }
        if options[Self.date] { rules.append(DateHeaderRule(library: library, headerLines: headerLines)) }
        if options[Self.dateline] { rules.append(DatelineRule(headerLines: headerLines)) }
        if options[Self.title] { rules.append(TitleRule(library: library)) }
        if options[Self.credits] { rules.append(CreditLineRule(patterns: library.creditPatterns)) }
        self.rules = rules
        remove = options[Self.remove]
        packLanguages = Set(library.languages)
    }

    public func process(_ article: inout Article, context: StageContext) throws {
        if let language = article.language, !language.isUndetermined, !packLanguages.contains(language) {
            article.warn("no language pack for '\(language)': the cue words of all packs apply (bylines, dates and credits may be missed)")
        }
        let text = article.scalarText
        var scan = MetadataScan(text: text)
        for rule in rules { rule.apply(to: &scan) }
        for field in scan.fields {
            article.metadata[field.name] = MetadataField(
                value: field.value, step: context.step, rule: field.rule,
                source: article.originalSpan(of: text.span(ofBytes: field.source)))
        }
        guard remove else { return }
        try article.applyEdits(article.removalEdits(RemovalPlan.tidy(scan.removals, in: text.utf8), in: text),
                               step: context.step)
    }
}
