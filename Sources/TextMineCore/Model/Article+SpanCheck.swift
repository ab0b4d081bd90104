extension Article {
    /// Checks every span of the article against the text it points into (each field's spans, as
    /// ``ArticleField``'s table visits them): `0 ≤ start ≤ end ≤` the length of `text` or of the
    /// original text; then each field's own shape (alignment regions in text order without
    /// overlap, summary selections inside the scores). Articles read from outside (JSONL input)
    /// are checked before any stage slices text with their spans.
    ///
    /// - Returns: what is wrong, naming the field and the span's index in it (`sentences[3]: span
    ///   [5, 90) lies outside the text (42 scalars)`), or nil when every span fits.
    public func spanProblem() -> String? {
        var length: Int?
        var originalLength: Int?
        for definition in ArticleField.definitions {
            guard let forEachSpan = definition.forEachSpan else { continue }
            var index = 0
            var problem: String?
            forEachSpan(self) { span, target in
                guard problem == nil else { return }
                let limit: Int
                switch target {
                case .text:
                    if length == nil { length = scalarText.scalarCount }
                    limit = length!
                case .original:
                    if originalLength == nil { originalLength = original.map { $0.unicodeScalars.count } ?? scalarText.scalarCount }
                    limit = originalLength!
                }
                if span.start < 0 || span.start > span.end || span.end > limit {
                    problem = "\(definition.field.rawValue)[\(index)]: \(SpanError(start: span.start, end: span.end, length: limit))"
                }
                index += 1
            }
            if let problem = problem ?? definition.shapeProblem?(self) { return problem }
        }
        return nil
    }
}
