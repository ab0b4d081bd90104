import TextMineCore

extension Article {
    /// The text a span of `text` covers (scalar offsets, like Python's `text[start:end]`).
    public func text(of span: Span) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: span.length)
        return String(scalars[start..<end])
    }

    /// The texts of several spans, in order: `article.texts(of: article.sentences.map(\.span))`.
    public func texts(of spans: [Span]) -> [String] { spans.map(text(of:)) }

    /// The sentences as strings.
    public var sentenceTexts: [String] { texts(of: sentences.map(\.span)) }
    /// The tokens as strings.
    public var tokenTexts: [String] { texts(of: tokens.map(\.span)) }
    /// The entity mentions as `text/LABEL` strings (`Vladimir Poutine/PER`), in text order.
    public var entityLabels: [String] { entities.map { "\($0.text)/\($0.label)" } }
    /// The removed texts, in the order the stages removed them.
    public var removedTexts: [String] { removals.map(\.text) }
    /// The removals one stage made.
    public func removals(by stage: String) -> [Removal] { removals.filter { $0.step == stage } }
}
