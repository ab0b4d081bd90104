import Synchronization
import TextMineCore

/// Finds the entity mentions of an article: runs the tagger sentence by sentence over the
/// article's tokens, then applies the precision rules and the gazetteer.
///
/// Steps, in order:
/// 1. the statistical tagger proposes mentions per sentence;
/// 2. mentions in noise lines (``NoiseLines``) or `boilerplate` blocks are dropped;
/// 3. leading titles and lowercase words are cut off person names (`M. Lavrov` → `Lavrov`);
/// 4. single common words are dropped (`Alors`, `Les`, `UNE`), as are capitalised sentence-initial
///    words the model's vocabulary knows in lowercase (`Citant`, `Laisser`);
/// 5. a mention that is exactly a gazetteer name of one category takes that category; gazetteer
///    names the tagger missed are added when capitalised;
/// 6. other occurrences of a name tagged elsewhere in the article are tagged too, and so are
///    capitalised words one typo away from a person's surname (`Bliken` after `Antony Blinken`).
struct EntityTagger: Sendable {
    /// A mention before linking.
    struct Found {
        var span: Span
        var text: String
        var label: String
        var confidence: Double
        var tokens: Range<Int>
    }

    let model: NERModel
    let linker: EntityLinker
    private let rules: [LanguageCode: LanguageRules]
    /// Tagging buffers kept from one article to the next, one per article being tagged at a time:
    /// their ``TokenLexicon`` analyses each word form once, not once per article.
    private let scratches = ScratchPool()

    /// The rules that depend on the article's language.
    private struct LanguageRules: Sendable {
        let noise: NoiseLines
        let commonWords: HashedKeySet
    }

    /// The languages with their own rules (``NoiseLines``, ``CommonWords``).
    static let languages: [LanguageCode] = ["fr", "en"]

    init(model: NERModel) {
        self.model = model
        var rules: [LanguageCode: LanguageRules] = [:]
        for language in Self.languages {
            rules[language] = LanguageRules(noise: NoiseLines(language: language),
                                            commonWords: HashedKeySet(CommonWords.words(of: language).map(NoiseLines.foldedHash)))
        }
        self.rules = rules
        let gazetteer = model.features.gazetteer
        let functionWords = Set((CommonWords.french.union(CommonWords.english)).map(EntityLinker.fold))
        self.linker = EntityLinker(functionWords: functionWords, gazetteer: gazetteer)
    }

    /// Lowercase words that may sit inside a person's name (`Charles de Gaulle`).
    private static let nameParticles = HashedKeySet(["de", "du", "des", "d'", "von", "van", "der", "den", "la", "le", "al", "el", "ben", "bin", "da", "di", "dos", "y", "ter"].map(NoiseLines.foldedHash))

    /// Whether there are rules for a language.
    func hasRules(for language: LanguageCode) -> Bool { rules[language] != nil }

    /// The mentions of an article in `language` (one of ``languages``), in text order; `text` is
    /// the article's ``Article/scalarText``. Gives up when the step's time budget is spent (checked
    /// every 16 sentences).
    func mentions(in article: Article, language: LanguageCode, text: ScalarText, context: StageContext) throws -> [Found] {
        guard !article.tokens.isEmpty, let languageRules = rules[language] else { return [] }
        let ranges = article.tokens.map { text.byteRange(of: $0.span) }
        var scratch = scratches.take()
        defer { scratches.give(scratch) }
        scratch.lexicon.prepare(for: model)
        var forms: [Int32] = []
        forms.reserveCapacity(ranges.count)
        text.utf8.withUnsafeBufferPointer { bytes in
            for range in ranges { forms.append(scratch.lexicon.form(bytes: bytes, range: range, model: model)) }
        }
        let attributes = TokenAttributeTable(forms: scratch.lexicon.attributes, ids: forms)
        let excluded = excludedTokens(of: article, rules: languageRules, text: text, ranges: ranges, attributes: attributes)
        let segments = Self.segments(tokens: article.tokens, sentences: article.sentences)
        let gazetteer = model.features.gazetteer

        var found: [Found] = []
        var initial = [Bool](repeating: false, count: ranges.count)
        var gazetteerMatches: [(tokens: Range<Int>, category: Gazetteer.Category)] = []
        try text.utf8.withUnsafeBufferPointer { bytes in
            for (index, segment) in segments.enumerated() {
                if index & 15 == 15 { try context.checkDeadline() }
                for k in segment { initial[k] = k == segment.lowerBound || attributes[k - 1].flags.contains(.opener) }
                for mention in model.tag(bytes: bytes, ranges: ranges[segment], forms: forms[segment], scratch: &scratch) {
                    let tokens = (mention.tokens.lowerBound + segment.lowerBound)..<(mention.tokens.upperBound + segment.lowerBound)
                    found.append(Found(span: Span(start: 0, end: 0), text: "", label: mention.type, confidence: mention.confidence, tokens: tokens))
                }
                let marks = scratch.marks
                for (offset, mark) in marks.enumerated() where mark.begin != 0 {
                    guard let category = Self.singleEntityCategory(mark.begin) else { continue }
                    var end = offset + 1
                    while end < marks.count && marks[end].inside & category.bit != 0 && marks[end].begin & category.bit == 0 { end += 1 }
                    gazetteerMatches.append(((segment.lowerBound + offset)..<(segment.lowerBound + end), category))
                }
            }
        }

        func isNoise(_ tokens: Range<Int>) -> Bool { tokens.contains { excluded[$0] } }
        func gazetteerBits(_ k: Int) -> UInt8 {
            text.utf8.withUnsafeBufferPointer { gazetteer.bits(bytes: $0, range: ranges[k], attributes: attributes[k]) }
        }
        func isCommonWord(_ tokens: Range<Int>) -> Bool {
            guard tokens.count == 1, let k = tokens.first else { return false }
            if languageRules.commonWords.contains(attributes[k].folded) { return true }
            return initial[k] && model.features.isLowercaseWord(attributes[k].lower) && !Gazetteer.hasEntityLabel(gazetteerBits(k))
        }

        // A capitalised word usually written in lowercase (and no gazetteer word such as `Union`,
        // `Banque`) followed only by lowercase words (`la Réponse américaine`): a common noun phrase
        // with a stray capital, not a name.
        func isCommonPhrase(_ tokens: Range<Int>) -> Bool {
            let first = tokens.lowerBound
            guard tokens.count > 1, model.features.isLowercaseWord(attributes[first].lower), gazetteerBits(first) == 0 else {
                return false
            }
            return tokens.dropFirst().allSatisfy { attributes[$0].flags.contains(.hasLetter) && !attributes[$0].flags.contains(.capitalized) }
        }

        // The gazetteer match starting at each token (one at most: matches are found start by
        // start), for the rules below.
        var gazetteerMatchAt = [Int32](repeating: -1, count: ranges.count)
        for (index, match) in gazetteerMatches.enumerated() where gazetteerMatchAt[match.tokens.lowerBound] < 0 {
            gazetteerMatchAt[match.tokens.lowerBound] = Int32(index)
        }
        func gazetteerMatch(_ tokens: Range<Int>) -> Gazetteer.Category? {
            let index = Int(gazetteerMatchAt[tokens.lowerBound])
            return index >= 0 && gazetteerMatches[index].tokens == tokens ? gazetteerMatches[index].category : nil
        }

        // Rules on the tagger's mentions.
        var kept: [Found] = []
        for var mention in found {
            if isNoise(mention.tokens) { continue }
            var tokens = mention.tokens
            // A person's name is the capitalised words at the end of the mention, particles such as
            // `de` or `von` allowed inside: titles and functions before it are cut off
            // (`M. Lavrov`, `secrétaire d'Etat américain Antony Blinken`).
            if mention.label == "PER" {
                var start = tokens.upperBound
                var k = tokens.upperBound - 1
                while k >= tokens.lowerBound {
                    let flags = attributes[k].flags
                    if flags.contains(.capitalized) && gazetteerBits(k) & Gazetteer.Category.personTitle.bit == 0 {
                        start = k
                    } else if !Self.nameParticles.contains(attributes[k].folded) && !flags.contains(.punctuation) {
                        break
                    }
                    k -= 1
                }
                if start < tokens.upperBound { tokens = start..<tokens.upperBound }
            }
            while tokens.count > 1, attributes[tokens.lowerBound].flags.contains(.punctuation) {
                tokens = (tokens.lowerBound + 1)..<tokens.upperBound
            }
            while tokens.count > 1, attributes[tokens.upperBound - 1].flags.contains(.punctuation) {
                tokens = tokens.lowerBound..<(tokens.upperBound - 1)
            }
            if attributes[tokens.lowerBound].flags.contains(.punctuation) || isCommonWord(tokens) { continue }
            let match = gazetteerMatch(tokens)
            if match == nil && isCommonPhrase(tokens) { continue }
            if let match, let label = match.entityLabel {
                mention.label = label
                mention.confidence = max(mention.confidence, 0.9)
            }
            mention.tokens = tokens
            kept.append(mention)
        }
        // Gazetteer names the tagger missed (tokens already in a mention are marked, so that the
        // test is per token, not per mention).
        var inMention = [Bool](repeating: false, count: ranges.count)
        for mention in kept { for k in mention.tokens { inMention[k] = true } }
        for match in gazetteerMatches where !isNoise(match.tokens) && !isCommonWord(match.tokens) {
            let first = attributes[match.tokens.lowerBound].flags
            guard first.contains(.capitalized), !match.tokens.contains(where: { inMention[$0] }),
                  let label = match.category.entityLabel else { continue }
            kept.append(Found(span: Span(start: 0, end: 0), text: "", label: label, confidence: 0.75, tokens: match.tokens))
            for k in match.tokens { inMention[k] = true }
        }
        // Other occurrences of the names found, written the same way.
        kept = MentionPropagation.propagate(kept, attributes: attributes, excluded: excluded)
        kept += MentionPropagation.misspelledSurnames(
            kept, attributes: attributes, excluded: excluded, bytes: text.utf8, ranges: ranges,
            isCandidate: { k in
                !isCommonWord(k..<(k + 1)) && !model.features.isLowercaseWord(attributes[k].lower) && gazetteerBits(k) == 0
            })
        kept.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        for k in kept.indices {
            let tokens = kept[k].tokens
            let span = Span(start: article.tokens[tokens.lowerBound].span.start, end: article.tokens[tokens.upperBound - 1].span.end)
            kept[k].span = span
            kept[k].text = text.string(span)
        }
        return kept
    }

    /// Whether each token lies in a noise line (``NoiseLines``) or a `boilerplate` block.
    private func excludedTokens(of article: Article, rules: LanguageRules, text: ScalarText, ranges: [Range<Int>],
                                attributes: TokenAttributeTable) -> [Bool] {
        var excluded = rules.noise.classify(bytes: text.utf8, tokens: ranges, attributes: attributes).map { $0 != nil }
        for block in article.blocks where block.role == .boilerplate {
            // Tokens are in text order: only those starting inside the block can lie in it.
            var k = Self.firstToken(startingAtOrAfter: block.span.start, in: article.tokens)
            while k < article.tokens.count, article.tokens[k].span.start < block.span.end {
                if block.span.contains(article.tokens[k].span) { excluded[k] = true }
                k += 1
            }
        }
        return excluded
    }

    /// The index of the first token that starts at or after `offset` (tokens are in text order).
    private static func firstToken(startingAtOrAfter offset: Int, in tokens: [Token]) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The category of a gazetteer match when exactly one entity category (PER, LOC, ORG, MISC) starts there.
    private static func singleEntityCategory(_ bits: UInt8) -> Gazetteer.Category? {
        var single: Gazetteer.Category?
        for category in Gazetteer.Category.allCases where category.entityLabel != nil && bits & category.bit != 0 {
            guard single == nil else { return nil }
            single = category
        }
        return single
    }

    /// Token index ranges of the article's sentences; tokens outside every sentence form their own
    /// segments, one per line-free run.
    static func segments(tokens: [Token], sentences: [Sentence]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var k = 0
        var sentenceIndex = 0
        while k < tokens.count {
            while sentenceIndex < sentences.count && sentences[sentenceIndex].span.end <= tokens[k].span.start { sentenceIndex += 1 }
            if sentenceIndex < sentences.count && sentences[sentenceIndex].span.start <= tokens[k].span.start {
                let sentence = sentences[sentenceIndex].span
                var end = k
                while end < tokens.count && tokens[end].span.start < sentence.end { end += 1 }
                segments.append(k..<end)
                k = end
                sentenceIndex += 1
            } else {
                let limit = sentenceIndex < sentences.count ? sentences[sentenceIndex].span.start : Int.max
                var end = k + 1
                while end < tokens.count && tokens[end].span.start < limit { end += 1 }
                segments.append(k..<end)
                k = end
            }
        }
        return segments
    }
}

/// Tagging buffers (``NERModel/Scratch``) for reuse across articles and threads.
private final class ScratchPool: Sendable {
    private let free = Mutex<[NERModel.Scratch]>([])
    /// The most buffers kept (more threads than this tag with fresh ones).
    private static let limit = 64

    /// A buffer no other thread is using.
    func take() -> NERModel.Scratch {
        free.withLock { $0.popLast() } ?? NERModel.Scratch()
    }

    /// Returns a buffer for the next article.
    func give(_ scratch: sending NERModel.Scratch) {
        free.withLock { free in
            if free.count < Self.limit { free.append(scratch) }
        }
    }
}
