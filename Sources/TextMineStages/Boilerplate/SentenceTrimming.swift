import TextMineCore

/// Trims boilerplate sentences from the edges of long content paragraphs, where scrapers glue
/// subscription appeals and captions onto the last paragraph (`… Louhansk. En vous abonnant, vous
/// pouvez nous aider… ABONNEZ-VOUS MAINTENANT`). It walks in from each end and stops at the first
/// content sentence, so a sentence in the middle of a paragraph is never removed.
struct SentenceTrimming: Sendable {
    let classifier: BoilerplateClassifier
    let splitter: SentenceSplitter
    /// Paragraphs with fewer sentences are left to the block classifier.
    static let minimumSentences = 3
    /// Only this many bytes at each end of a paragraph are split into sentences: boilerplate glued
    /// to a paragraph is a few sentences long, and the paragraph may be megabytes.
    static let edgeBytes = 1_024

    /// The byte ranges to remove from a block, with their reasons; `language` is the index of the
    /// article's language in the classifier's model, `marks` the number of terminal marks and line
    /// breaks in the block (``BlockFeatures/sentenceMarks``).
    func trim(_ text: ScalarText, block: Range<Int>, language: Int?, marks: Int) -> [(range: Range<Int>, reason: String)] {
        let head: [Range<Int>]
        let tail: [Range<Int>]
        if block.count <= 2 * Self.edgeBytes {
            guard Self.mayHoldMinimumSentences(text.utf8, block, marks: marks) else { return [] }
            head = sentences(text, block)
            guard head.count >= Self.minimumSentences else { return [] }
            tail = head
        } else {
            head = sentences(text, block.lowerBound..<block.lowerBound + Self.edgeBytes)
            tail = sentences(text, block.upperBound - Self.edgeBytes..<block.upperBound)
        }
        var removals: [(range: Range<Int>, reason: String)] = []
        var first = 0
        while first < head.count - 1,
            let reason = classifier.sentenceReason(text.utf8, head[first], language: language, besideBoilerplate: first > 0)
        {
            removals.append((head[first].lowerBound..<head[first + 1].lowerBound, reason))
            first += 1
        }
        // In a whole-paragraph split the two walks must not cross; in edge windows the first tail
        // sentence may be cut, so it is never taken.
        let floor = tail == head ? first : 0
        var last = tail.count - 1
        var trailing: [(range: Range<Int>, reason: String)] = []
        while last > floor,
            let reason = classifier.sentenceReason(text.utf8, tail[last], language: language,
                                                   besideBoilerplate: last < tail.count - 1)
        {
            // The space before the sentence goes with it, and anything after it up to the block end.
            let end = last == tail.count - 1 ? block.upperBound : tail[last + 1].lowerBound
            trailing.append((tail[last - 1].upperBound..<end, reason))
            last -= 1
        }
        return removals + trailing.reversed()
    }

    /// Whether `bytes[block]`, which holds `marks` terminal marks and line breaks (see
    /// ``BlockCounts/sentenceMarks``), may hold ``minimumSentences`` sentences, told without
    /// splitting it: every sentence but the last ends at a mark (`.` `!` `?` `…`, the period of an
    /// abbreviation, a line break) of its own, and the marks at the very end of the block, with the
    /// closing quotes and spaces among them, all end the last sentence. Most paragraphs are ruled
    /// out so.
    static func mayHoldMinimumSentences(_ bytes: [UInt8], _ block: Range<Int>, marks: Int) -> Bool {
        var marks = marks
        var end = block.upperBound
        while end > block.lowerBound, marks >= minimumSentences - 1 {  // the final punctuation
            let start = UTF8Decoding.previousScalarStart(in: bytes, before: end)
            let value = UTF8Decoding.scalar(in: bytes, at: start).value
            let cls = CharacterClass.of(value)
            if cls.contains(.terminal) {
                marks -= 1
            } else if !(cls.contains(.closing) || (cls.contains(.space) && value != 0x0D)
                || (value == 0x22 && start > block.lowerBound && isGluedToPrevious(bytes, start)))
            {
                break
            }
            end = start
        }
        return marks >= minimumSentences - 1
    }

    /// Whether the scalar before `index` is not white space: a straight quote there closes a quotation.
    private static func isGluedToPrevious(_ bytes: [UInt8], _ index: Int) -> Bool {
        let previous = UTF8Decoding.scalar(in: bytes, at: UTF8Decoding.previousScalarStart(in: bytes, before: index)).value
        return CharacterClass.of(previous).intersection(.whitespace) == []
    }

    private func sentences(_ text: ScalarText, _ range: Range<Int>) -> [Range<Int>] {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text.utf8[lower] & 0xC0 == 0x80 { lower += 1 }
        while upper < text.utf8.count, upper > lower, text.utf8[upper] & 0xC0 == 0x80 { upper -= 1 }
        return splitter.split(text, in: text.span(ofBytes: lower..<upper)).map(text.byteRange(of:))
    }
}
