import TextMineCore

/// Classifies blocks of text (lines, paragraphs, or the text blocks of a web page) as content or
/// boilerplate, jusText-style: each block gets features and a score, hard evidence (a boilerplate
/// phrase, another language, the title repeated) decides at once, and short blocks take the class
/// of their neighbours.
///
/// Reusable outside the `boilerplate` stage (the HTML extractor scores its DOM blocks with it):
///
/// ```swift
/// let classifier = try BoilerplateClassifier(library: PackLibrary(userPacks: []))
/// let decisions = classifier.classify(["Share Post:", "Le ministre a déclaré…"], language: "fr", title: nil)
/// ```
public struct BoilerplateClassifier: Sendable {
    /// How the classifier decides.
    public struct Settings: Sendable, Hashable {
        /// From 0 (keep anything plausible) to 1 (remove anything doubtful); 0.5 is balanced.
        public var aggressiveness: Double
        /// Blocks with fewer words are "short": their neighbours decide.
        public var shortWords: Int
        /// Remove blocks written in another language than the article's.
        public var otherLanguage: Bool
        /// Remove blocks that repeat the title.
        public var titleRepeat: Bool
        /// Let neighbours decide short blocks (otherwise their own score does).
        public var smoothing: Bool
        /// Pattern categories to use (empty: all).
        public var categories: [String]

        public init(aggressiveness: Double = 0.5, shortWords: Int = 7, otherLanguage: Bool = true,
                    titleRepeat: Bool = true, smoothing: Bool = true, categories: [String] = []) {
            self.aggressiveness = aggressiveness
            self.shortWords = shortWords
            self.otherLanguage = otherLanguage
            self.titleRepeat = titleRepeat
            self.smoothing = smoothing
            self.categories = categories
        }
    }

    /// Blocks with more words are paragraphs whose edge sentences are tested one by one.
    static let paragraphWords = 30

    let model: BoilerplateModel
    public let settings: Settings

    public init(library: PackLibrary, settings: Settings = Settings()) {
        model = BoilerplateModel(library: library, categories: settings.categories)
        self.settings = settings
    }

    /// The least share of a language's stopwords for ``guessLanguage(of:)`` to name it: prose in
    /// French or English has 30–50 %; Latin filler text or Zulu matched against them has under 10 %.
    static let guessDensity = 0.15

    /// The language (among those with stopwords) whose stopwords are densest in `text`, if they
    /// make at least ``guessDensity`` of its words.
    public func guessLanguage(of text: String) -> LanguageCode? {
        var bytes = Array(text.utf8.prefix(BlockFeatures.sampleBytes * 2))
        while let last = bytes.last, last >= 0x80 { bytes.removeLast() }  // no cut character
        let profile = BlockCounts(bytes, 0..<bytes.count, library: model.library).profile
        guard let best = profile.bestLanguage, profile.density(best) >= Self.guessDensity else { return nil }
        return model.library.languages[best]
    }

    /// Classifies text blocks given as strings.
    public func classify(_ blocks: [String], language: LanguageCode?, title: String?) -> [BlockDecision] {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for block in blocks {
            let start = bytes.count
            bytes.append(contentsOf: block.utf8)
            ranges.append(start..<bytes.count)
            bytes.append(0x0A)
        }
        return classify(bytes: bytes, blocks: ranges, language: language, title: title)
    }

    /// Classifies blocks given as byte ranges of UTF-8 text.
    func classify(bytes: [UInt8], blocks: [Range<Int>], language: LanguageCode?, title: String?) -> [BlockDecision] {
        let languageIndex = model.languageIndex(language)
        let foldedTitle = title.map(TextFolding.fold)
        var measured: [BlockFeatures] = []
        measured.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            let position = blocks.count > 1 ? Double(index) / Double(blocks.count - 1) : 0
            measured.append(BlockFeatures.measure(bytes, block, model: model, articleLanguage: languageIndex,
                                                  title: settings.titleRepeat ? foldedTitle : nil, position: position))
        }
        var decisions = measured.map { decide($0, language: languageIndex, otherLanguage: settings.otherLanguage) }
        // The article's language is the language of most of its text: blocks in another language
        // never outweigh the rest, so the rule never takes the body (the language must be wrong then).
        if settings.otherLanguage {
            let otherWords = decisions.reduce(0) { $0 + ($1.reason == Self.otherLanguageReason ? $1.features.words : 0) }
            if 2 * otherWords > measured.reduce(0, { $0 + $1.words }) {
                decisions = measured.map { decide($0, language: languageIndex, otherLanguage: false) }
            }
        }
        if settings.smoothing { smooth(&decisions) }
        return decisions
    }

    /// Whether a sentence at the edge of a long paragraph is boilerplate (an appeal to subscribe, a
    /// caption in capitals, a line in another language), with the reason. A weak pattern (inside a
    /// longer sentence) counts only next to a boilerplate sentence (`besideBoilerplate`).
    /// `language` is the article language's index in the model (``BoilerplateModel/languageIndex(_:)``).
    func sentenceReason(_ bytes: [UInt8], _ range: Range<Int>, language: Int?, besideBoilerplate: Bool) -> String? {
        let features = BlockFeatures.measure(bytes, range, model: model, articleLanguage: language, title: nil, position: 1)
        if let pattern = features.pattern { return "boilerplate: " + pattern }
        if besideBoilerplate, let pattern = features.weakPattern { return "boilerplate: " + pattern }
        if features.words <= 12, features.uppercaseRatio > 0.6, features.words >= 2 { return "boilerplate: capitals" }
        // A sentence in another language inside a paragraph is a quotation unless boilerplate
        // sentences lead to it.
        if settings.otherLanguage, besideBoilerplate, isOtherLanguage(features, language: language) { return Self.otherLanguageReason }
        return nil
    }

    // MARK: - Deciding

    /// The reason of blocks and sentences removed by the other-language rule.
    static let otherLanguageReason = "boilerplate: other-language"

    /// Decides a block of an article whose language has the index `language` in the model.
    private func decide(_ features: BlockFeatures, language: Int?, otherLanguage: Bool) -> BlockDecision {
        if let pattern = features.pattern {
            return BlockDecision(isBoilerplate: true, score: 0.05, reason: "boilerplate: " + pattern, features: features)
        }
        if features.repeatsTitle {
            return BlockDecision(isBoilerplate: true, score: 0.05, reason: "boilerplate: title-repeat", features: features)
        }
        if otherLanguage, isOtherLanguage(features, language: language) {
            return BlockDecision(isBoilerplate: true, score: 0.1, reason: Self.otherLanguageReason, features: features)
        }
        let score = contentScore(features)
        if features.words < settings.shortWords {
            return BlockDecision(isBoilerplate: score < threshold, score: score, reason: "short", features: features)
        }
        let isBoilerplate = score < threshold
        return BlockDecision(isBoilerplate: isBoilerplate, score: score,
                             reason: isBoilerplate ? "boilerplate: low-score" : "content", features: features)
    }

    /// The score under which a block is boilerplate.
    private var threshold: Double { 0.3 + 0.3 * settings.aggressiveness }

    /// A block mostly made of another language's stopwords (English noise in a French article),
    /// `language` being the index of the article's language in the model.
    private func isOtherLanguage(_ features: BlockFeatures, language: Int?) -> Bool {
        guard let language, let blockLanguage = features.language, features.words >= 2,
            blockLanguage != model.library.languages[language]
        else { return false }
        return (features.stopwordDensity ?? 0) < 0.1
    }

    /// How content-like a block is, from its length, stopword density, punctuation and capitals.
    private func contentScore(_ features: BlockFeatures) -> Double {
        var score = 0.45
        score += 0.25 * min(1, Double(features.words) / 30)
        if features.words < 4 { score -= 0.15 }
        if let density = features.stopwordDensity {
            score += 0.3 * max(-1, min(1, (density - 0.15) / 0.2))
        }
        score += features.endsLikeSentence ? 0.1 : -0.1
        if features.uppercaseRatio > 0.5, features.words >= 2 { score -= 0.3 }
        if features.punctuationRatio > 0.25 { score -= 0.15 }
        if features.weakPattern != nil { score -= 0.35 }
        return max(0, min(1, score))
    }

    /// jusText-style context: a short block between content is content, between boilerplate is
    /// boilerplate; at the edges of the text the one neighbour decides.
    private func smooth(_ decisions: inout [BlockDecision]) {
        let original = decisions
        func isSettled(_ index: Int) -> Bool { original[index].reason != "short" }
        // The nearest settled block before and after each block, in one pass each way (a search
        // per short block made a long run of short blocks quadratic).
        var previousSettled = [Int?](repeating: nil, count: original.count)
        var nextSettled = [Int?](repeating: nil, count: original.count)
        var last: Int?
        for index in original.indices {
            previousSettled[index] = last
            if isSettled(index) { last = index }
        }
        last = nil
        for index in original.indices.reversed() {
            nextSettled[index] = last
            if isSettled(index) { last = index }
        }
        for index in decisions.indices where !isSettled(index) {
            let previous = previousSettled[index]
            let next = nextSettled[index]
            let before = previous.map { original[$0].isBoilerplate }
            let after = next.map { original[$0].isBoilerplate }
            let verdict: Bool
            switch (before, after) {
            case (false?, false?): verdict = false
            case (true?, true?): verdict = true
            case (nil, let only?), (let only?, nil): verdict = only
            default: verdict = original[index].isBoilerplate
            }
            decisions[index].isBoilerplate = verdict
            decisions[index].reason = verdict ? "boilerplate: short, among boilerplate" : "short, among content"
        }
        // A subheading scores low (no stopwords, no final period) but introduces the content after it.
        for index in decisions.indices.dropLast().reversed()
        where decisions[index].reason == "boilerplate: low-score" && !decisions[index + 1].isBoilerplate
            && Self.isHeadingLike(decisions[index].features)
        {
            decisions[index].isBoilerplate = false
            decisions[index].reason = "heading, before content"
        }
    }

    /// Subheadings have at most this many words.
    static let headingWords = 15

    /// A line that reads as a subheading: a few words, no final period, not in capitals, no
    /// boilerplate phrase.
    private static func isHeadingLike(_ features: BlockFeatures) -> Bool {
        features.words <= headingWords && !features.endsLikeSentence && features.uppercaseRatio <= 0.5
            && features.weakPattern == nil
    }
}
